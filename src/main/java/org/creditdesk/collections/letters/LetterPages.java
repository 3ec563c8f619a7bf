package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The letter pages: letter runs with their printable PDFs, the template editor (preview as PDF before
 * saving, versions kept), and a customer's letters as a fragment of the customer page.
 */
@Controller
class LetterPages {

    private final ReminderLetters letters;
    private final Callers callers;

    LetterPages(ReminderLetters letters, Callers callers) {
        this.letters = letters;
        this.callers = callers;
    }

    @GetMapping("/collections/letters")
    String runs(Model model) {
        model.addAttribute("runs", letters.runs());
        return "collections/letter-runs";
    }

    @PostMapping("/collections/letters")
    String run(@RequestParam(required = false) @Nullable LocalDate asOf, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("done", letters.run(asOf, callers.current()));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/collections/letters";
    }

    @GetMapping("/collections/letter-runs/{asOf}.pdf")
    ResponseEntity<byte[]> runPdf(
            @PathVariable LocalDate asOf, @RequestParam(required = false) @Nullable Integer part) {
        return LetterController.pdf(
                letters.runPdf(asOf, part, callers.current()), LetterController.runPdfName(asOf, part));
    }

    @GetMapping("/letters/{id}.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        return LetterController.pdf(letters.pdf(id, callers.current()), "letter-" + id + ".pdf");
    }

    @GetMapping("/customers/{code}/fragments/letters")
    String customerLetters(@PathVariable String code, Model model) {
        model.addAttribute("letters", letters.letters(code, callers.current()));
        return "collections/customer-letters :: letters";
    }

    @GetMapping("/collections/letter-templates")
    String templates(
            @RequestParam(defaultValue = "1") int level,
            @RequestParam(defaultValue = "en") String language,
            Model model) {
        List<LetterTemplate> versions = letters.versions(level, language);
        LetterTemplate current = versions.getFirst();
        return editor(model, level, language, current.subject(), current.body(), null, versions);
    }

    @PostMapping(value = "/collections/letter-templates", params = "action=preview")
    Object preview(
            @RequestParam int level,
            @RequestParam String language,
            @RequestParam String subject,
            @RequestParam String body,
            Model model) {
        try {
            return LetterController.pdf(
                    letters.preview(level, language, subject, body, callers.current()), "preview.pdf");
        } catch (ProblemException e) {
            return refused(model, level, language, subject, body, e);
        }
    }

    @PostMapping(value = "/collections/letter-templates", params = "action=save")
    Object save(
            @RequestParam int level,
            @RequestParam String language,
            @RequestParam String subject,
            @RequestParam String body,
            @RequestParam(required = false) @Nullable String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            LetterTemplate saved = letters.save(level, language, subject, body, note, callers.current());
            redirect.addFlashAttribute("saved", saved);
            return "redirect:/collections/letter-templates?level=" + level + "&language=" + language;
        } catch (ProblemException e) {
            return refused(model, level, language, subject, body, e);
        }
    }

    /** The editor again with what was typed and the refusal (each reason with its line), answered 422. */
    private ModelAndView refused(
            Model model, int level, String language, String subject, String body, ProblemException e) {
        String view = editor(model, level, language, subject, body, withLines(e), letters.versions(level, language));
        return new ModelAndView(view, model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** Like {@link PageRefusal#of} but naming the template line of each reason. */
    static PageRefusal withLines(ProblemException e) {
        return new PageRefusal(
                String.valueOf(e.getMessage()),
                e.violations().stream()
                        .map(v -> (v.field() == null ? "" : v.field())
                                + (v.line() == null ? "" : " line " + v.line())
                                + ": "
                                + v.message())
                        .toList());
    }

    private String editor(
            Model model,
            int level,
            String language,
            String subject,
            String body,
            @Nullable PageRefusal refusal,
            List<LetterTemplate> versions) {
        model.addAttribute("level", level);
        model.addAttribute("language", language);
        model.addAttribute("subject", subject);
        model.addAttribute("body", body);
        model.addAttribute("refusal", refusal);
        model.addAttribute("versions", versions);
        model.addAttribute("templates", letters.templates());
        model.addAttribute(
                "placeholders", TemplateCheck.PLACEHOLDERS.stream().sorted().toList());
        return "collections/letter-templates";
    }
}

package org.creditdesk.collections.letters;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md Collections, reminder letters: the run, a customer's letters, a letter's PDF, the templates. */
@RestController
@RequestMapping("/api/v1")
class LetterController {

    private final ReminderLetters letters;
    private final Callers callers;

    LetterController(ReminderLetters letters, Callers callers) {
        this.letters = letters;
        this.callers = callers;
    }

    record RunRequest(@Nullable LocalDate asOf) {}

    @PostMapping("/collections/letter-runs")
    LetterRun run(@RequestBody(required = false) @Nullable RunRequest body) {
        return letters.run(body == null ? null : body.asOf(), callers.current());
    }

    @GetMapping("/collections/letter-runs")
    List<LetterRunRecord> runs() {
        return letters.runs();
    }

    @GetMapping("/collections/letter-runs/{asOf}.pdf")
    ResponseEntity<byte[]> runPdf(
            @PathVariable LocalDate asOf, @RequestParam(required = false) @Nullable Integer part) {
        return pdf(letters.runPdf(asOf, part, callers.current()), runPdfName(asOf, part));
    }

    @GetMapping("/customers/{code}/letters")
    List<Letter> ofCustomer(@PathVariable String code) {
        return letters.letters(code, callers.current());
    }

    @GetMapping("/letters/{id}.pdf")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        return pdf(letters.pdf(id, callers.current()), "letter-" + id + ".pdf");
    }

    @GetMapping("/collections/letter-templates")
    List<LetterTemplate> templates() {
        return letters.templates();
    }

    @GetMapping("/collections/letter-templates/{level}/{language}")
    List<LetterTemplate> versions(@PathVariable int level, @PathVariable String language) {
        return letters.versions(level, language);
    }

    record TemplateRequest(
            String subject, String body, @Nullable String note) {}

    @PutMapping("/collections/letter-templates/{level}/{language}")
    LetterTemplate save(@PathVariable int level, @PathVariable String language, @RequestBody TemplateRequest request) {
        return letters.save(level, language, request.subject(), request.body(), request.note(), callers.current());
    }

    @PostMapping("/collections/letter-templates/{level}/{language}/preview")
    ResponseEntity<byte[]> preview(
            @PathVariable int level, @PathVariable String language, @RequestBody TemplateRequest request) {
        return pdf(
                letters.preview(level, language, request.subject(), request.body(), callers.current()), "preview.pdf");
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename).build().toString())
                .body(content);
    }

    static String runPdfName(LocalDate asOf, @Nullable Integer part) {
        return "letters-" + asOf + (part == null ? "" : "-part-" + part) + ".pdf";
    }
}

package org.creditdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The bank statement page: upload (a form, or a file dropped on it), each entry's outcome, the unmatched queue. */
@Controller
class BankStatementPages {

    private static final int QUEUE_PAGE = 50;

    private final BankStatements statements;
    private final Callers callers;

    BankStatementPages(BankStatements statements, Callers callers) {
        this.statements = statements;
        this.callers = callers;
    }

    @GetMapping("/bank-statements")
    String page(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("queue", statements.unmatched(Math.max(page, 0), QUEUE_PAGE, callers.current()));
        model.addAttribute("mayAssign", BankStatements.ASSIGNERS.stream().anyMatch(callers.current()::has));
        return "imports/bank-statements";
    }

    @PostMapping("/bank-statements/upload")
    String upload(@RequestParam("file") @Nullable MultipartFile file, Model model) {
        if (file == null || file.isEmpty()) {
            model.addAttribute("refusal", new PageRefusal("Choose a statement file first", List.of()));
        } else {
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("result", statements.importStatement(in, callers.current()));
                model.addAttribute("fileName", file.getOriginalFilename());
            } catch (ProblemException e) {
                model.addAttribute("refusal", PageRefusal.of(e));
            } catch (IOException e) {
                model.addAttribute("refusal", new PageRefusal("The upload could not be read", List.of()));
            }
        }
        return page(0, model);
    }

    @PostMapping("/bank-statements/unmatched/{id}/assign")
    String assign(
            @PathVariable long id,
            @RequestParam @Nullable String customerCode,
            @RequestParam(required = false) @Nullable String invoiceNos,
            RedirectAttributes redirect) {
        List<String> invoices = invoiceNos == null || invoiceNos.isBlank()
                ? List.of()
                : Arrays.stream(invoiceNos.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        try {
            EntryOutcome outcome = statements.assign(id, customerCode, invoices, callers.current());
            redirect.addFlashAttribute("assigned", outcome);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/bank-statements";
    }
}

package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The run history page (with a form to start a run) and the legal cases page. */
@Controller
class DailyRunPages {

    private final DailyRun dailyRun;
    private final LegalCases legalCases;
    private final Callers callers;

    DailyRunPages(DailyRun dailyRun, LegalCases legalCases, Callers callers) {
        this.dailyRun = dailyRun;
        this.legalCases = legalCases;
        this.callers = callers;
    }

    @GetMapping("/monitoring/daily-runs")
    String runs(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, Model model) {
        model.addAttribute("runs", dailyRun.history(page, size));
        return "monitoring/daily-runs";
    }

    @PostMapping("/monitoring/daily-runs")
    String start(@RequestParam(required = false) @Nullable LocalDate asOf, RedirectAttributes redirect) {
        try {
            DailyRunResult result = dailyRun.run(asOf, callers.current());
            redirect.addFlashAttribute("done", result);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/monitoring/daily-runs";
    }

    @GetMapping("/monitoring/legal-cases")
    String cases(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String lawyer,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("area", area == null ? "" : area.strip());
        model.addAttribute("lawyer", lawyer == null ? "" : lawyer.strip());
        model.addAttribute("statuses", Arrays.asList(LegalCaseStatus.values()));
        model.addAttribute("cases", legalCases.page(status, area, lawyer, page, size, callers.current()));
        return "monitoring/legal-cases";
    }

    @PostMapping("/monitoring/legal-cases/{id}/status")
    String move(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String amountRecovered,
            RedirectAttributes redirect) {
        try {
            BigDecimal recovered = amountRecovered == null || amountRecovered.isBlank()
                    ? null
                    : new BigDecimal(amountRecovered.strip());
            legalCases.changeStatus(id, new LegalCaseChange(status, note, recovered), callers.current());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        } catch (NumberFormatException e) {
            redirect.addFlashAttribute(
                    "refusal",
                    new PageRefusal("The legal case was not changed", List.of("amountRecovered: not a number")));
        }
        return "redirect:/monitoring/legal-cases";
    }
}

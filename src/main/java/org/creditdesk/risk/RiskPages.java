package org.creditdesk.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.creditdesk.credit.CreditLimitOverview;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.CustomerStatus;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.monitoring.Aging;
import org.creditdesk.monitoring.AgingBucket;
import org.creditdesk.monitoring.AgingTrend;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The risk pages: the portfolio dashboard, the customer risk page with its charts and the statement
 * form, the scorecards with the fit, and the credit-limit letter as PDF. Refusals show on the page.
 */
@Controller
class RiskPages {

    static final int TOP_RISKS = 20;
    static final int ALERTS = 30;

    private final Scores scores;
    private final ScoreRepository history;
    private final RiskDashboardRepository dashboard;
    private final Aging agingTrends;
    private final MessageSource texts;
    private final FinancialStatements statements;
    private final FitScorecards fits;
    private final ScoreOutcomeSettings outcomeSetting;
    private final CustomerOutcomes recordedOutcomes;
    private final CreditLimits limits;
    private final Customers customers;
    private final AuditTrail audit;
    private final LimitLetter letter;
    private final BusinessCalendar calendar;
    private final Callers callers;
    private final JsonMapper json;

    RiskPages(
            Scores scores,
            ScoreRepository history,
            RiskDashboardRepository dashboard,
            Aging agingTrends,
            MessageSource texts,
            FinancialStatements statements,
            FitScorecards fits,
            ScoreOutcomeSettings outcomeSetting,
            CustomerOutcomes recordedOutcomes,
            CreditLimits limits,
            Customers customers,
            AuditTrail audit,
            LimitLetter letter,
            BusinessCalendar calendar,
            Callers callers,
            JsonMapper json) {
        this.scores = scores;
        this.history = history;
        this.dashboard = dashboard;
        this.agingTrends = agingTrends;
        this.texts = texts;
        this.statements = statements;
        this.fits = fits;
        this.outcomeSetting = outcomeSetting;
        this.recordedOutcomes = recordedOutcomes;
        this.limits = limits;
        this.customers = customers;
        this.audit = audit;
        this.letter = letter;
        this.calendar = calendar;
        this.callers = callers;
        this.json = json;
    }

    /** One entry of the customer's event timeline. */
    record Event(
            OffsetDateTime at,
            String kind,
            String text,
            @Nullable String key,
            String[] args) {

        Event(OffsetDateTime at, String kind, String text) {
            this(at, kind, text, null, new String[0]);
        }
    }

    @GetMapping("/risk")
    String dashboard(Model model) {
        Caller caller = callers.current();
        String[] areas = caller.areaFilter();
        List<RiskDashboardRepository.Cell> cells = dashboard.byClassAndArea(areas);
        List<RiskDashboardRepository.ClassCount> byClass = RiskDashboardRepository.byClass(cells);
        model.addAttribute("byClass", byClass);
        model.addAttribute("top", dashboard.top(areas, TOP_RISKS));
        model.addAttribute("alerts", dashboard.alerts(areas, ALERTS));
        model.addAttribute("canRun", caller.roles().stream().anyMatch(Scores.RUNNERS::contains));
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("classes", List.of("A", "B", "C", "D", "E"));
        charts.put("customers", classSeries(byClass, false));
        charts.put("exposure", classSeries(byClass, true));
        List<String> areaCodes = cells.stream()
                .map(RiskDashboardRepository.Cell::area)
                .distinct()
                .sorted()
                .toList();
        charts.put("areas", areaCodes);
        charts.put(
                "heatmap",
                cells.stream()
                        .map(c -> List.of("ABCDE".indexOf(c.riskClass()), areaCodes.indexOf(c.area()), c.exposure()))
                        .toList());
        model.addAttribute("chartData", script(charts));
        return "risk/dashboard";
    }

    /** Every alert the caller may see, newest first, filtered and paged in the database, with the count. */
    @GetMapping("/risk/alerts")
    String alerts(
            @RequestParam(required = false) @Nullable AlertType type,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String customer,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        int safePage = Math.max(page, 0);
        int safeSize = Math.clamp(size, 1, 500);
        var filter = new RiskDashboardRepository.AlertFilter(
                callers.current().areaFilter(),
                type == null ? null : type.name(),
                blankToNull(area),
                blankToNull(customer));
        model.addAttribute(
                "alerts",
                new Page<>(
                        dashboard.alertPage(filter, safePage * safeSize, safeSize),
                        safePage,
                        safeSize,
                        dashboard.alertCount(filter)));
        model.addAttribute("type", type);
        model.addAttribute("types", AlertType.values());
        model.addAttribute("area", area == null ? "" : area.strip());
        model.addAttribute("customer", customer == null ? "" : customer.strip());
        return "risk/alerts";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @PostMapping("/risk/scoring-runs")
    String run(@RequestParam(required = false) @Nullable LocalDate asOf, RedirectAttributes redirect) {
        try {
            ScoreRun run = scores.run(asOf, callers.current());
            redirect.addFlashAttribute("done", run);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/risk";
    }

    @GetMapping("/customers/{code}/risk")
    String customer(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            Model model,
            Locale locale) {
        Caller caller = callers.current();
        CustomerRef customer = customers.require(code, caller);
        LocalDate date = calendar.asOfOrToday(asOf);
        Score score = scores.score(code, date, caller);
        List<ScoreRepository.StoredScore> past = history.history(customer.id(), date, 36);
        AgingTrend aging = agingTrends.customerTrend(customer, date);
        List<RiskDashboardRepository.Month> months = dashboard.months(customer.id(), aging.dates());
        CreditLimitOverview limit = limits.overview(code, date, caller);
        model.addAttribute("customer", customer);
        model.addAttribute("asOf", date);
        model.addAttribute("score", score);
        model.addAttribute("limit", limit.limit());
        model.addAttribute("statements", statements.statements(code, caller));
        model.addAttribute("ratings", statements.ratings(code, caller));
        model.addAttribute("outcomes", recordedOutcomes.outcomes(code, caller));
        model.addAttribute("outcomeTypes", CustomerOutcomes.TYPES);
        model.addAttribute("timeline", timeline(customer, past));
        model.addAttribute("statementFields", FinancialStatement.FIELDS);
        model.addAttribute("canWrite", caller.roles().stream().anyMatch(FinancialStatements.WRITERS::contains));
        Map<String, Object> charts = new LinkedHashMap<>();
        List<ScoreRepository.StoredScore> ascending = past.reversed();
        charts.put(
                "scoreDates", ascending.stream().map(s -> s.asOf().toString()).toList());
        charts.put(
                "scores",
                ascending.stream().map(ScoreRepository.StoredScore::score).toList());
        charts.put("months", aging.dates().stream().map(LocalDate::toString).toList());
        charts.put("open", aging.dates().stream().map(d -> openOn(aging, d)).toList());
        charts.put("limit", months.stream().map(m -> m.creditLimit()).toList());
        List<Map<String, Object>> buckets = new ArrayList<>();
        for (AgingBucket bucket : aging.buckets()) {
            String label = texts.getMessage("monitoring.bucket." + bucket.code(), null, bucket.label(), locale);
            buckets.add(Map.of(
                    "name",
                    label == null ? bucket.label() : label,
                    "data",
                    aging.amounts().get(bucket.code())));
        }
        charts.put("aging", buckets);
        model.addAttribute("agingLive", aging.computedLive());
        charts.put("daysToPay", months.stream().map(m -> m.averageDaysToPay()).toList());
        model.addAttribute("chartData", script(charts));
        return "risk/customer";
    }

    @PostMapping("/customers/{code}/risk/financial-statements")
    String saveStatement(
            @PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        // Form values arrive as text: an unreadable one is refused naming its field, before any rule runs.
        List<Violation> unreadable = new ArrayList<>();
        Integer year = null;
        String yearText = form.getOrDefault("year", "").strip();
        if (yearText.isEmpty()) {
            unreadable.add(Violation.field("year", "is required"));
        } else {
            try {
                year = Integer.valueOf(yearText);
            } catch (NumberFormatException e) {
                unreadable.add(Violation.field("year", "is not a year: '%s'".formatted(yearText)));
            }
        }
        List<@Nullable BigDecimal> amounts = new ArrayList<>();
        for (String field : FinancialStatement.FIELDS) {
            String text = form.getOrDefault(field, "").strip();
            try {
                amounts.add(text.isEmpty() ? null : new BigDecimal(text));
            } catch (NumberFormatException e) {
                amounts.add(null);
                unreadable.add(Violation.field(field, "is not a number: '%s'".formatted(text)));
            }
        }
        try {
            if (!unreadable.isEmpty() || year == null) {
                throw ProblemException.malformed("The financial statement was not saved", unreadable)
                        .withKey("problem.text.theFinancialStatementWasNotSaved");
            }
            statements.put(
                    code,
                    year,
                    new FinancialStatement(
                            null,
                            amounts.get(0),
                            amounts.get(1),
                            amounts.get(2),
                            amounts.get(3),
                            amounts.get(4),
                            amounts.get(5),
                            amounts.get(6),
                            amounts.get(7),
                            amounts.get(8)),
                    callers.current());
            redirect.addFlashAttribute("saved", year);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/customers/" + code + "/risk";
    }

    @GetMapping("/risk/scorecards")
    String scorecards(Model model) {
        Caller caller = callers.current();
        model.addAttribute("cards", fits.cards());
        model.addAttribute("canFit", caller.roles().stream().anyMatch(Scores.RUNNERS::contains));
        model.addAttribute("canAdopt", caller.roles().stream().anyMatch(FitScorecards.ADOPTERS::contains));
        model.addAttribute("canRecord", caller.roles().stream().anyMatch(FinancialStatements.WRITERS::contains));
        model.addAttribute("outcomeSetting", outcomeSetting.setting());
        return "risk/scorecards";
    }

    @PostMapping("/risk/scorecards/outcome-setting")
    String saveOutcomeSetting(
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable Integer months,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            outcomeSetting.save(new ScoreOutcomeSettings.Input(kind, days, months, reason), callers.current());
            redirect.addFlashAttribute("settingSaved", true);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/risk/scorecards";
    }

    @PostMapping("/risk/scorecards/outcomes-import")
    String importOutcomes(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            RedirectAttributes redirect,
            Locale locale) {
        try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
            redirect.addFlashAttribute("outcomesImported", recordedOutcomes.importCsv(in, callers.current()));
        } catch (ProblemException e) {
            // Each refused line is shown with its number, as the file's author needs to find it.
            PageRefusal refusal = PageRefusal.of(e);
            List<String> details = new ArrayList<>();
            for (int i = 0; i < refusal.details().size(); i++) {
                Long line = i < e.violations().size() ? e.violations().get(i).line() : null;
                details.add(
                        line == null
                                ? refusal.details().get(i)
                                : texts.getMessage("risk.outcomes.line", new Object[] {line}, locale) + " "
                                        + refusal.details().get(i));
            }
            redirect.addFlashAttribute("refusal", new PageRefusal(refusal.message(), details));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/risk/scorecards";
    }

    @PostMapping("/customers/{code}/risk/outcomes")
    String recordOutcome(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable String on,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            LocalDate date = null;
            if (on != null && !on.isBlank()) {
                try {
                    date = LocalDate.parse(on.strip());
                } catch (java.time.format.DateTimeParseException e) {
                    throw ProblemException.malformed(
                                    "The outcome was not recorded",
                                    List.of(Violation.field(
                                            "on", "'%s' is not a date (yyyy-MM-dd)".formatted(on.strip()))))
                            .withKey("problem.text.theOutcomeWasNotRecorded");
                }
            }
            CustomerOutcomes.Recorded recorded =
                    recordedOutcomes.record(code, new CustomerOutcomes.Outcome(type, date, note), callers.current());
            redirect.addFlashAttribute("outcomeRecorded", recorded);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/customers/" + code + "/risk";
    }

    @PostMapping("/risk/scorecards/fit")
    String fit(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable Integer months,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("fit", fits.fit(asOf, outcome, days, months, callers.current()));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/risk/scorecards";
    }

    @PostMapping("/risk/scorecards/{id}/adopt")
    String adopt(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            fits.adopt(id, reason, callers.current());
            redirect.addFlashAttribute("adopted", id);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/risk/scorecards";
    }

    @GetMapping("/customers/{code}/credit-limit-letter.pdf")
    ResponseEntity<byte[]> letter(
            @PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf, Locale locale) {
        Caller caller = callers.current();
        CustomerRef customer = customers.require(code, caller);
        LocalDate date = calendar.asOfOrToday(asOf);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("company", calendar.settings().name());
        model.put("customer", customer);
        model.put("date", date);
        CreditLimitOverview.Line limit = limits.overview(code, date, caller).limit();
        model.put("limit", limit);
        model.put("score", scores.score(code, date, caller));
        // The wording follows the customer's case: with the lawyer, overdue, no limit, or in good standing.
        CustomerStatus status = customers.details(code, date, caller).status();
        model.put("status", status);
        model.put("letterCase", LetterCase.of(status.holdReasons(), status.maxDaysOverdue(), limit != null));
        byte[] pdf = letter.render(model, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"credit-limit-" + code + ".pdf\"")
                .body(pdf);
    }

    /** The customer's open receivables on a trend date: the sum of its aging buckets. */
    private static BigDecimal openOn(AgingTrend aging, LocalDate date) {
        int index = aging.dates().indexOf(date);
        return aging.amounts().values().stream().map(v -> v.get(index)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<Event> timeline(CustomerRef customer, List<ScoreRepository.StoredScore> past) {
        List<Event> events = new ArrayList<>();
        audit.entries("CUSTOMER", customer.code(), 100)
                .forEach(e -> events.add(
                        new Event(e.at(), e.action(), e.reason() == null ? e.actor() : e.actor() + ": " + e.reason())));
        dashboard
                .alertsOf(customer.id(), 50)
                .forEach(a -> events.add(new Event(a.at(), a.type(), a.message(), a.key(), a.args())));
        for (int i = 0; i + 1 < past.size(); i++) {
            ScoreRepository.StoredScore now = past.get(i), before = past.get(i + 1);
            if (!now.riskClass().equals(before.riskClass())) {
                events.add(new Event(
                        now.asOf().atStartOfDay().atOffset(java.time.ZoneOffset.UTC),
                        "RISK_CLASS",
                        "Risk class %s → %s (score %s)".formatted(before.riskClass(), now.riskClass(), now.score())));
            }
        }
        events.sort(Comparator.comparing(Event::at).reversed());
        return events;
    }

    private static List<Object> classSeries(List<RiskDashboardRepository.ClassCount> byClass, boolean exposure) {
        List<Object> series = new ArrayList<>();
        for (String cls : List.of("A", "B", "C", "D", "E")) {
            series.add(byClass.stream()
                    .filter(c -> c.riskClass().equals(cls))
                    .findFirst()
                    .<Object>map(c -> exposure ? c.exposure() : c.customers())
                    .orElse(0));
        }
        return series;
    }

    /** The charts' data as JSON for the page's data-chart attribute (Thymeleaf escapes it there). */
    private String script(Object data) {
        return json.writeValueAsString(data);
    }
}

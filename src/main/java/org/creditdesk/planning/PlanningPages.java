package org.creditdesk.planning;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planning pages: plan against actual as a tree table with bars and traffic lights (and the GM's
 * approval), the plan editor (a tree with live sums; it saves through the API), the DSO trend chart
 * and the capital-cost ranking. Chart options and the editor's data go to the page as JSON in data
 * attributes; the scripts live in static/js.
 */
@Controller
class PlanningPages {

    /** The page shows this many customers of each area (the largest receivables); the Excel export has all. */
    static final int CUSTOMERS_PER_NODE = 25;

    private final FundPlans plans;
    private final Turnovers turnovers;
    private final ProductLines productLines;
    private final Areas areas;
    private final Callers callers;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    PlanningPages(
            FundPlans plans,
            Turnovers turnovers,
            ProductLines productLines,
            Areas areas,
            Callers callers,
            BusinessCalendar calendar,
            JsonMapper json) {
        this.plans = plans;
        this.turnovers = turnovers;
        this.productLines = productLines;
        this.areas = areas;
        this.callers = callers;
        this.calendar = calendar;
        this.json = json;
    }

    @GetMapping("/planning")
    String status(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "productLine") String level,
            Model model) {
        Caller caller = callers.current();
        int planYear = year != null
                ? year
                : asOf != null ? asOf.getYear() : calendar.today().getYear();
        Level chosen = Level.ofParameter(level).orElse(Level.PRODUCT_LINE);
        model.addAttribute("year", planYear);
        model.addAttribute("level", chosen.parameter());
        model.addAttribute("levels", Level.values());
        model.addAttribute("canApprove", caller.has(Role.GENERAL_MANAGER));
        model.addAttribute("canEdit", caller.roles().stream().anyMatch(FundPlans.PLANNERS::contains));
        try {
            PlanStatusReport report = plans.status(planYear, asOf, Level.PRODUCT_LINE, caller);
            List<TreeRow> rows = new ArrayList<>();
            report.nodes().forEach(n -> rows.add(new TreeRow(0, n)));
            if (chosen != Level.PRODUCT_LINE) {
                plans.status(planYear, report.asOf(), Level.AREA, caller)
                        .nodes()
                        .forEach(n -> rows.add(new TreeRow(1, n)));
            }
            if (chosen == Level.CUSTOMER) {
                plans.status(planYear, report.asOf(), Level.CUSTOMER, caller, CUSTOMERS_PER_NODE)
                        .nodes()
                        .forEach(n -> rows.add(new TreeRow(2, n)));
                model.addAttribute("customersPerNode", CUSTOMERS_PER_NODE);
            }
            rows.sort(TreeRow.ORDER);
            model.addAttribute("report", report);
            model.addAttribute("rows", rows);
            model.addAttribute(
                    "contracts",
                    plans.contracts(report.asOf(), caller).stream().limit(50).toList());
            model.addAttribute("asOf", report.asOf());
            model.addAttribute("draftPending", hasDraft(planYear, caller));
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.NOT_FOUND) throw e;
            model.addAttribute("asOf", asOf);
            model.addAttribute("draftPending", false);
        }
        return "planning/status";
    }

    /** The customer page's turnover panel (volume customers): days outstanding against the plan's targets. */
    @GetMapping("/customers/{code}/fragments/turnover")
    String turnover(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf, Model model) {
        model.addAttribute(
                "turnover", turnovers.of(code, asOf, callers.current()).orElse(null));
        model.addAttribute(
                "year", asOf != null ? asOf.getYear() : calendar.today().getYear());
        return "planning/turnover :: turnover";
    }

    @PostMapping("/planning/approve")
    String approve(
            @RequestParam int year,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        try {
            FundPlan approved = plans.approve(year, comment, callers.current());
            redirect.addFlashAttribute("approvedVersion", approved.version());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/planning?year=" + year;
    }

    @GetMapping("/planning/editor")
    String editor(@RequestParam(required = false) @Nullable Integer year, Model model) {
        Caller caller = callers.current();
        int planYear = year != null ? year : calendar.today().getYear();
        FundPlan plan = null;
        try {
            plan = plans.plan(planYear, caller);
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.NOT_FOUND) throw e;
        }
        model.addAttribute("year", planYear);
        model.addAttribute("plan", plan);
        model.addAttribute("planJson", plan == null ? "null" : json.writeValueAsString(plan));
        model.addAttribute("productLinesJson", json.writeValueAsString(productLines.all()));
        model.addAttribute("areasJson", json.writeValueAsString(areas.all()));
        model.addAttribute("canEdit", caller.roles().stream().anyMatch(FundPlans.PLANNERS::contains));
        return "planning/editor";
    }

    /** The editor saves here (the page's session and CSRF token; the API takes HTTP Basic only). */
    @PutMapping("/planning/editor/{year}")
    @ResponseBody
    ResponseEntity<?> save(@PathVariable int year, @RequestBody FundPlanInput input) {
        try {
            return ResponseEntity.ok(plans.save(year, input, callers.current()));
        } catch (ProblemException e) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("status", e.kind().status);
            problem.put("detail", String.valueOf(e.getMessage()));
            problem.put("errors", e.violations());
            return ResponseEntity.status(e.kind().status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    @GetMapping("/planning/dso")
    String dso(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "productLine") String groupBy,
            Model model) {
        Level level = Level.ofParameter(groupBy).orElse(Level.PRODUCT_LINE);
        DsoTrend trend = plans.dsoTrend(asOf, level, 24, callers.current());
        model.addAttribute("asOf", trend.asOf());
        model.addAttribute("groupBy", level.parameter());
        model.addAttribute("levels", Level.values());
        model.addAttribute("trend", trend);
        model.addAttribute("chart", json.writeValueAsString(chart(trend)));
        return "planning/dso";
    }

    @GetMapping("/planning/profitability")
    String profitability(
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "capitalCost") String sort,
            Model model) {
        int planYear = year != null
                ? year
                : asOf != null ? asOf.getYear() : calendar.today().getYear();
        FundPlans.Ranking ranking = sort.equals("marginAfterCapitalCost")
                ? FundPlans.Ranking.MARGIN_AFTER_CAPITAL_COST
                : FundPlans.Ranking.CAPITAL_COST;
        model.addAttribute("year", planYear);
        model.addAttribute(
                "sort", ranking == FundPlans.Ranking.CAPITAL_COST ? "capitalCost" : "marginAfterCapitalCost");
        try {
            PlanStatusReport report = plans.profitability(planYear, asOf, ranking, callers.current());
            model.addAttribute("report", report);
            model.addAttribute("asOf", report.asOf());
            model.addAttribute("rows", report.nodes().stream().limit(500).toList());
        } catch (ProblemException e) {
            if (e.kind() != ProblemException.Kind.NOT_FOUND) throw e;
            model.addAttribute("asOf", asOf);
        }
        return "planning/profitability";
    }

    /** A node at its depth in the tree table: product line, area, customer. */
    record TreeRow(int depth, PlanNodeStatus node) {
        static final Comparator<TreeRow> ORDER = Comparator.comparing(
                        (TreeRow r) -> r.node().productLine())
                .thenComparing(r -> r.node().area(), Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(r -> r.node().customerCode(), Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private boolean hasDraft(int year, Caller caller) {
        try {
            return plans.plan(year, caller).status() == FundPlan.Status.DRAFT;
        } catch (ProblemException e) {
            return false;
        }
    }

    /** An ECharts line chart: one series per node, days outstanding per month end. */
    private static Map<String, Object> chart(DsoTrend trend) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (DsoTrend.Series s : trend.series()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("name", s.key());
            line.put("type", "line");
            line.put("data", s.points().stream().map(DsoTrend.Point::dso).toList());
            series.add(line);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll", "top", 0));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 40, "bottom", 30));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "category",
                        "data",
                        trend.dates().stream().map(LocalDate::toString).toList()));
        option.put("yAxis", Map.of("type", "value", "name", "DSO"));
        option.put("series", series);
        return option;
    }
}

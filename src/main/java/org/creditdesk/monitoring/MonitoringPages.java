package org.creditdesk.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The monitoring pages: escalation board, aging with its charts, my escalations and staffing. Chart
 * options are built here as plain data and handed to ECharts through a data attribute, so the page
 * script only initialises charts and no text from the database is ever evaluated as code.
 */
@Controller
class MonitoringPages {

    static final int AGING_ROWS = 100;

    private final Aging aging;
    private final Escalations escalations;
    private final Staffing staffing;
    private final Callers callers;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    MonitoringPages(
            Aging aging,
            Escalations escalations,
            Staffing staffing,
            Callers callers,
            BusinessCalendar calendar,
            JsonMapper json) {
        this.aging = aging;
        this.escalations = escalations;
        this.staffing = staffing;
        this.callers = callers;
        this.calendar = calendar;
        this.json = json;
    }

    /** The board pages and filters in SQL: level, area, responsible person; counts per level. */
    @GetMapping("/monitoring/escalations")
    String board(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String owner,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        Caller caller = callers.current();
        EscalationBoard board = escalations.board(asOf, level, area, owner, page, size, caller);
        model.addAttribute("level", level);
        model.addAttribute("area", area == null ? "" : area.strip());
        model.addAttribute("owner", owner == null ? "" : owner.strip());
        model.addAttribute("me", caller.username());
        model.addAttribute("asOf", board.asOf());
        model.addAttribute("ladder", board.ladder());
        model.addAttribute("board", board);
        return "monitoring/escalations";
    }

    @GetMapping("/monitoring/aging")
    String aging(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "area") String groupBy,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Caller caller = callers.current();
        LocalDate date = calendar.asOfOrToday(asOf);
        AgingGrouping grouping = AgingGrouping.ofParameter(groupBy).orElse(AgingGrouping.AREA);
        Aging.AgingPage figures = aging.page(date, grouping, page, AGING_ROWS, caller);
        AgingReport report = figures.report();
        AgingReport byArea = figures.byArea();
        AgingTrend trend = figures.trend();
        model.addAttribute("asOf", date);
        model.addAttribute("groupBy", grouping.parameter());
        model.addAttribute("groupings", AgingGrouping.values());
        model.addAttribute("report", report);
        model.addAttribute("storedToday", figures.storedToday());
        model.addAttribute("isToday", date.equals(calendar.today()));
        // The page shows AGING_ROWS rows at a time (the totals and the exports cover all); by customer from today's
        // store only the page's rows are read.
        model.addAttribute("rows", figures.rows());
        model.addAttribute("areaChart", json.writeValueAsString(areaChart(byArea, trend.currency())));
        model.addAttribute("trendChart", json.writeValueAsString(trendChart(trend)));
        model.addAttribute("chartCurrency", trend.currency());
        model.addAttribute("trendLive", trend.computedLive().size());
        return "monitoring/aging";
    }

    /** The aging page's CSV and Excel buttons: the same files as the API, with the page's session. */
    @GetMapping("/monitoring/aging/export")
    void agingExport(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "area") String groupBy,
            @RequestParam(defaultValue = "csv") String format,
            HttpServletResponse response) {
        AgingGrouping grouping = AgingGrouping.ofParameter(groupBy)
                .orElseThrow(() -> ProblemException.malformed(
                                "Unknown grouping", List.of(Violation.field("groupBy", "unknown grouping " + groupBy)))
                        .withKey("problem.text.unknownGrouping"));
        if (!format.equals("csv") && !format.equals("xlsx")) {
            throw ProblemException.malformed(
                            "Unknown format", List.of(Violation.field("format", "must be csv or xlsx")))
                    .withKey("problem.text.unknownFormat");
        }
        MonitoringController.write(
                aging, calendar.asOfOrToday(asOf), grouping, format, callers.current(), json, response);
    }

    @GetMapping("/monitoring/my-escalations")
    String mine(
            @RequestParam(defaultValue = "false") boolean all,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            Model model) {
        Page<EscalationTask> tasks = escalations.tasksOf(callers.current(), !all, page, size);
        model.addAttribute("tasks", tasks);
        model.addAttribute("all", all);
        return "monitoring/my-escalations";
    }

    /** With htmx only the row is swapped; a plain form post comes back to the page. */
    @PostMapping("/monitoring/my-escalations/{id}/done")
    String done(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        Caller caller = callers.current();
        try {
            escalations.completeTask(id, note, caller);
        } catch (ProblemException e) {
            if (htmx != null) {
                model.addAttribute("refusal", PageRefusal.of(e));
                return "monitoring/my-escalations :: refusal";
            }
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
            return "redirect:/monitoring/my-escalations";
        }
        if (htmx != null) {
            EscalationTask task = escalations.taskOf(caller, id).orElseThrow();
            model.addAttribute("task", task);
            return "monitoring/task-row :: row";
        }
        return "redirect:/monitoring/my-escalations";
    }

    @GetMapping("/monitoring/staffing")
    String staffing(@RequestParam(required = false) @Nullable LocalDate asOf, Model model) {
        model.addAttribute("report", staffing.report(asOf, callers.current()));
        return "monitoring/staffing";
    }

    /** Stacked bars: one bar per area, one series per bucket, in the chart's currency. */
    static Map<String, Object> areaChart(AgingReport report, String currency) {
        List<AgingRow> rows = report.rows().stream()
                .filter(r -> r.currency().equals(currency))
                .toList();
        List<String> areas = rows.stream().map(r -> String.valueOf(r.key())).toList();
        List<Map<String, Object>> series = new ArrayList<>();
        for (AgingBucket bucket : report.buckets()) {
            List<BigDecimal> data =
                    rows.stream().map(r -> r.amounts().get(bucket.code())).toList();
            series.add(series(bucket.label(), "bar", data));
        }
        return option(areas, series);
    }

    /** Stacked areas over the month ends, one series per bucket. */
    static Map<String, Object> trendChart(AgingTrend trend) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (AgingBucket bucket : trend.buckets()) {
            Map<String, Object> s =
                    series(bucket.label(), "line", trend.amounts().get(bucket.code()));
            s.put("areaStyle", Map.of());
            series.add(s);
        }
        return option(trend.dates().stream().map(LocalDate::toString).toList(), series);
    }

    private static Map<String, Object> series(String name, String type, @Nullable List<BigDecimal> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        s.put("stack", "aging");
        s.put("data", data == null ? List.of() : data);
        return s;
    }

    private static Map<String, Object> option(List<String> categories, List<Map<String, Object>> series) {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 80, "right", 20, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", categories));
        option.put("yAxis", Map.of("type", "value"));
        option.put("series", series);
        return option;
    }
}

package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.BusinessCalendar;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The appraisal pages: the board (league table and attitude × ability quadrant), a rep's page (8-quarter
 * trend, worst customers, measures, rating form) and the close button. Charts get their ECharts option as
 * JSON in a data attribute (drawn by /js/monitoring-charts.js), so no page carries inline script.
 */
@Controller
class AppraisalPages {

    /** The board's sortable columns and how each sorts (nulls last). */
    private static final Map<String, Function<RepAppraisal, @Nullable Comparable<?>>> SORTS = sorts();

    private final Appraisals appraisals;
    private final Callers callers;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    AppraisalPages(Appraisals appraisals, Callers callers, BusinessCalendar calendar, JsonMapper json) {
        this.appraisals = appraisals;
        this.callers = callers;
        this.calendar = calendar;
        this.json = json;
    }

    private static Map<String, Function<RepAppraisal, @Nullable Comparable<?>>> sorts() {
        Map<String, Function<RepAppraisal, @Nullable Comparable<?>>> sorts = new LinkedHashMap<>();
        sorts.put("kpiScore", r -> r.score().value());
        sorts.put("salesRep", r -> r.kpis().salesRep());
        sorts.put("area", r -> r.kpis().area());
        sorts.put("invoiced", r -> r.kpis().invoiced());
        sorts.put("collected", r -> r.kpis().collected());
        sorts.put("onTime", r -> r.kpis().collectedOnTimeShare());
        sorts.put("overdue", r -> r.kpis().overdueAmount());
        sorts.put("overdueShare", r -> r.kpis().overdueShare());
        sorts.put("dso", r -> r.kpis().dso());
        sorts.put("writtenOff", r -> r.kpis().writtenOff());
        sorts.put("brokenPromises", r -> r.kpis().brokenPromises());
        sorts.put(
                "attitude", r -> r.assessment() == null ? null : r.assessment().attitude());
        sorts.put("ability", r -> r.assessment() == null ? null : r.assessment().ability());
        sorts.put("grade", r -> r.assessment() == null ? null : r.assessment().grade());
        return sorts;
    }

    @GetMapping("/appraisals")
    String board(
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "kpiScore") String sort,
            @RequestParam(defaultValue = "desc") String dir,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Caller caller = callers.current();
        String key = period != null
                ? period
                : AppraisalPeriod.quarterOf(calendar.today()).key();
        Optional<String> own = appraisals.ownRep(caller);
        if (own.isPresent()) return "redirect:/appraisals/reps/" + own.get() + "?period=" + key;
        AppraisalPeriod p = Appraisals.period(key);
        AppraisalSheet sheet = appraisals.sheet(p.key(), null, caller);
        String column = SORTS.containsKey(sort) ? sort : "kpiScore";
        boolean ascending = dir.equals("asc");
        model.addAttribute("sheet", sheet);
        List<RepAppraisal> all = sorted(sheet.reps(), column, ascending);
        int from = Math.min(Math.max(page, 0) * BOARD_ROWS, all.size());
        model.addAttribute("reps", all.subList(from, Math.min(from + BOARD_ROWS, all.size())));
        model.addAttribute("paging", new BoardPage(from / BOARD_ROWS, BOARD_ROWS, all.size()));
        model.addAttribute("sort", column);
        model.addAttribute("dir", ascending ? "asc" : "desc");
        model.addAttribute("previous", p.previous().key());
        model.addAttribute("mayClose", !sheet.closed() && p.isOverOn(calendar.today()) && mayClose(caller));
        model.addAttribute("quadrant", json.writeValueAsString(quadrant(sheet.reps(), appraisals.settings())));
        return "appraisal/board";
    }

    /** The league table shows this many reps a page (sorted over all of them first); the exports have all. */
    static final int BOARD_ROWS = 100;

    /** One page of the league table, for the shared pager. */
    record BoardPage(int page, int size, long total) {}

    private static boolean mayClose(Caller caller) {
        return caller.roles().stream()
                .anyMatch(r -> r.name().equals("CREDIT_MANAGER")
                        || r.name().equals("GENERAL_MANAGER")
                        || r.name().equals("ADMIN"));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static List<RepAppraisal> sorted(List<RepAppraisal> reps, String column, boolean ascending) {
        Function<RepAppraisal, @Nullable Comparable<?>> key = SORTS.get(column);
        Comparator<Comparable> natural = ascending ? Comparator.naturalOrder() : Comparator.reverseOrder();
        Comparator<RepAppraisal> order =
                Comparator.comparing(r -> (Comparable) key.apply(r), Comparator.nullsLast(natural));
        List<RepAppraisal> sorted = new ArrayList<>(reps);
        sorted.sort(order.thenComparing(r -> r.kpis().salesRep()));
        return sorted;
    }

    /** The scatter: a dot per rated rep at (ability, attitude), one series per grade, threshold lines. */
    private static Map<String, Object> quadrant(List<RepAppraisal> reps, AppraisalSettings settings) {
        Map<String, String> colours =
                Map.of("STAR", "#2e7d32", "TRAIN", "#1565c0", "MOTIVATE", "#f9a825", "SUPERVISE", "#c62828");
        List<Object> series = new ArrayList<>();
        for (Grade grade : Grade.values()) {
            List<Object> points = reps.stream()
                    .filter(r -> r.assessment() != null && r.assessment().grade() == grade)
                    .map(r -> (Object) Map.of(
                            "name",
                            r.kpis().salesRep() + " " + r.kpis().name(),
                            "value",
                            List.of(r.assessment().ability(), r.assessment().attitude())))
                    .toList();
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", grade.name());
            s.put("type", "scatter");
            s.put("symbolSize", 14);
            s.put("itemStyle", Map.of("color", colours.get(grade.name())));
            s.put("data", points);
            if (grade == Grade.STAR) {
                s.put(
                        "markLine",
                        Map.of(
                                "silent",
                                true,
                                "symbol",
                                "none",
                                "lineStyle",
                                Map.of("type", "dashed", "color", "#888"),
                                "data",
                                List.of(
                                        Map.of("xAxis", settings.abilityGoodFrom()),
                                        Map.of("yAxis", settings.attitudeGoodFrom()))));
            }
            series.add(s);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 40, "bottom", 40));
        option.put("xAxis", Map.of("type", "value", "name", "ability", "min", 1, "max", 5));
        option.put("yAxis", Map.of("type", "value", "name", "attitude", "min", 1, "max", 5));
        option.put("series", series);
        return option;
    }

    @GetMapping("/appraisals/reps/{code}")
    String rep(@PathVariable String code, @RequestParam(required = false) @Nullable String period, Model model) {
        Caller caller = callers.current();
        String key = period != null
                ? period
                : AppraisalPeriod.quarterOf(calendar.today()).key();
        Appraisals.RepView view = appraisals.rep(key, code, null, caller);
        model.addAttribute("period", Appraisals.period(key));
        model.addAttribute("view", view);
        model.addAttribute("r", view.appraisal());
        model.addAttribute("trend", json.writeValueAsString(trend(view)));
        Rating rating = view.appraisal().rating();
        Map<String, Integer> current = new LinkedHashMap<>();
        if (rating != null) {
            current.put("responsibility", rating.responsibility());
            current.put("execution", rating.execution());
            current.put("communication", rating.communication());
            current.put("experience", rating.experience());
        }
        model.addAttribute("current", current);
        return "appraisal/rep";
    }

    private static Map<String, Object> trend(Appraisals.RepView view) {
        List<String> quarters =
                view.quarters().stream().map(AppraisalPeriod::key).toList();
        Function<@Nullable BigDecimal, @Nullable BigDecimal> percent = v -> v == null ? null : v.movePointRight(2);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 50, "right", 50, "top", 40, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", quarters));
        option.put(
                "yAxis",
                List.of(Map.of("type", "value", "min", 0, "max", 100), Map.of("type", "value", "name", "DSO")));
        List<Object> score = new ArrayList<>(),
                onTime = new ArrayList<>(),
                overdue = new ArrayList<>(),
                dso = new ArrayList<>();
        for (KpiRow row : view.trend()) {
            score.add(row.kpiScore());
            onTime.add(percent.apply(row.collectedOnTimeShare()));
            overdue.add(percent.apply(row.overdueShare()));
            dso.add(row.dso());
        }
        option.put(
                "series",
                List.of(
                        Map.of("name", "KPI score", "type", "line", "data", score),
                        Map.of("name", "On time %", "type", "line", "data", onTime),
                        Map.of("name", "Overdue %", "type", "bar", "data", overdue),
                        Map.of("name", "DSO", "type", "line", "yAxisIndex", 1, "data", dso)));
        return option;
    }

    @PostMapping("/appraisals/reps/{code}/rating")
    String rate(
            @PathVariable String code,
            @RequestParam String period,
            @RequestParam(required = false) @Nullable Integer responsibility,
            @RequestParam(required = false) @Nullable Integer execution,
            @RequestParam(required = false) @Nullable Integer communication,
            @RequestParam(required = false) @Nullable Integer experience,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        try {
            RatingResult result = appraisals.rate(
                    period,
                    code,
                    new RatingInput(responsibility, execution, communication, experience, blankToNull(note)),
                    callers.current());
            redirect.addFlashAttribute("rated", result);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        redirect.addAttribute("period", period);
        return "redirect:/appraisals/reps/{code}";
    }

    @PostMapping("/appraisals/recompute")
    String recompute(@RequestParam String period, RedirectAttributes redirect) {
        try {
            appraisals.recompute(period, callers.current());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        redirect.addAttribute("period", period);
        return "redirect:/appraisals";
    }

    @PostMapping("/appraisals/close")
    String close(
            @RequestParam String period,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            appraisals.close(period, blankToNull(reason), callers.current());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        redirect.addAttribute("period", period);
        return "redirect:/appraisals";
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}

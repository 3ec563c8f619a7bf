package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** {@code /}: the home dashboard every signed-in user lands on. */
@Controller
class HomePages {

    private final HomeDashboard dashboard;
    private final TodaysWork work;
    private final Callers callers;
    private final MessageSource messages;
    private final JsonMapper json;

    HomePages(HomeDashboard dashboard, TodaysWork work, Callers callers, MessageSource messages, JsonMapper json) {
        this.dashboard = dashboard;
        this.work = work;
        this.callers = callers;
        this.messages = messages;
        this.json = json;
    }

    /** Collectors start on their worklist and after-sales service on its case queue; everyone else here. */
    @GetMapping("/")
    String home(Model model) {
        Caller caller = callers.current();
        if (caller.has(Role.COLLECTOR)) return "redirect:/collections/worklist";
        if (caller.has(Role.SERVICE)) return "redirect:/collections/service";
        HomeDashboard.View view = dashboard.view(caller);
        model.addAttribute("view", view);
        model.addAttribute("f", view.figures());
        model.addAttribute("work", work.of(caller));
        model.addAttribute("trendChart", json.writeValueAsString(trendChart(view.trend())));
        return "reporting/home";
    }

    /** DSO as a line on the right axis over receivables and overdue bars, one point per month-end. */
    Map<String, Object> trendChart(List<DsoPoint> trend) {
        List<String> dates = new ArrayList<>();
        List<BigDecimal> open = new ArrayList<>();
        List<BigDecimal> overdue = new ArrayList<>();
        List<BigDecimal> dso = new ArrayList<>();
        for (DsoPoint point : trend) {
            dates.add(point.asOf().toString());
            open.add(point.receivables().subtract(point.overdue()));
            overdue.add(point.overdue());
            dso.add(point.days());
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0));
        option.put("grid", Map.of("left", 90, "right", 60, "top", 40, "bottom", 30, "containLabel", false));
        option.put("xAxis", Map.of("type", "category", "data", dates));
        option.put(
                "yAxis",
                List.of(
                        Map.of("type", "value", "name", text("home.chart.amount")),
                        Map.of("type", "value", "name", text("home.chart.days"), "splitLine", Map.of("show", false))));
        option.put(
                "series",
                List.of(
                        series(text("home.chart.notDue"), "bar", open, 0),
                        series(text("home.chart.overdue"), "bar", overdue, 0),
                        series(text("home.chart.dso"), "line", dso, 1)));
        return option;
    }

    private static Map<String, Object> series(String name, String type, List<BigDecimal> data, int axis) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", type);
        if (type.equals("bar")) s.put("stack", "receivables");
        s.put("yAxisIndex", axis);
        s.put("data", data);
        return s;
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}

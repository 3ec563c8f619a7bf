package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The cash forecast page (an ECharts chart of expected receipts per week by area or product line against
 * what falls due; the option is built here as data and handed over in a data attribute) and the payment
 * model page (fit, report against the baseline, adopt).
 */
@Controller
class PredictionPages {

    private final CashForecasts forecasts;
    private final PaymentPredictions predictions;
    private final Callers callers;
    private final JsonMapper json;

    PredictionPages(CashForecasts forecasts, PaymentPredictions predictions, Callers callers, JsonMapper json) {
        this.forecasts = forecasts;
        this.predictions = predictions;
        this.callers = callers;
        this.json = json;
    }

    @GetMapping("/collections/cash-forecast")
    String forecast(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "12") int weeks,
            @RequestParam(defaultValue = "area") String groupBy,
            Model model) {
        CashForecast forecast = forecasts.forecast(asOf, weeks, groupBy, callers.current());
        model.addAttribute("forecast", forecast);
        model.addAttribute("chart", json.writeValueAsString(chart(forecast)));
        return "collections/cash-forecast";
    }

    @GetMapping("/collections/payment-models")
    String models(Model model) {
        model.addAttribute(
                "models",
                predictions.models().stream()
                        .map(m -> new ModelRow(m, predictions.report(m)))
                        .toList());
        return "collections/payment-models";
    }

    record ModelRow(StoredModel stored, PaymentFitReport report) {}

    @PostMapping("/collections/payment-models")
    String fit(@RequestParam(required = false) @Nullable LocalDate asOf, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("fitted", predictions.fit(asOf, callers.current()));
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/collections/payment-models";
    }

    @PostMapping("/collections/payment-models/{id}/adopt")
    String adopt(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute(
                    "adopted", predictions.adopt(id, reason, callers.current()).id());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/collections/payment-models";
    }

    /** Stacked bars of expected receipts per group and week, and a line of what falls due. */
    static Map<String, Object> chart(CashForecast f) {
        List<String> weeks =
                f.weeks().stream().map(w -> w.weekStart().toString()).toList();
        List<Object> series = new ArrayList<>();
        for (String group : f.groups()) {
            List<BigDecimal> values = new ArrayList<>();
            for (CashForecast.Week w : f.weeks()) {
                values.add(w.byGroup().stream()
                        .filter(g -> g.key().equals(group))
                        .map(CashForecast.Group::expected)
                        .findFirst()
                        .orElse(BigDecimal.ZERO));
            }
            series.add(Map.of("name", group, "type", "bar", "stack", "expected", "data", values));
        }
        series.add(Map.of(
                "name",
                "due",
                "type",
                "line",
                "data",
                f.weeks().stream().map(CashForecast.Week::due).toList()));
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("type", "scroll"));
        option.put("xAxis", Map.of("type", "category", "data", weeks));
        option.put("yAxis", Map.of("type", "value", "name", f.currency()));
        option.put("series", series);
        return option;
    }
}

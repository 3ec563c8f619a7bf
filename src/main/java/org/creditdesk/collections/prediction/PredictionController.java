package org.creditdesk.collections.prediction;

import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Payment prediction and the cash forecast (API.md Collections). */
@RestController
@RequestMapping("/api/v1")
class PredictionController {

    private final PaymentPredictions predictions;
    private final CashForecasts forecasts;
    private final Callers callers;

    PredictionController(PaymentPredictions predictions, CashForecasts forecasts, Callers callers) {
        this.predictions = predictions;
        this.forecasts = forecasts;
        this.callers = callers;
    }

    record AsOf(@Nullable LocalDate asOf) {}

    record Adopt(@Nullable String reason) {}

    @PostMapping("/collections/payment-predictions")
    PredictionRun predict(@RequestBody(required = false) @Nullable AsOf body) {
        return predictions.predict(body == null ? null : body.asOf(), callers.current());
    }

    @PostMapping("/collections/payment-models")
    PaymentFitReport fit(@RequestBody(required = false) @Nullable AsOf body) {
        return predictions.fit(body == null ? null : body.asOf(), callers.current());
    }

    @GetMapping("/collections/payment-models")
    List<PaymentFitReport> models() {
        return predictions.models().stream().map(predictions::report).toList();
    }

    @PostMapping("/collections/payment-models/{id}/adopt")
    PaymentFitReport adopt(@PathVariable long id, @RequestBody(required = false) @Nullable Adopt body) {
        return predictions.report(predictions.adopt(id, body == null ? null : body.reason(), callers.current()));
    }

    @GetMapping("/reports/cash-forecast")
    CashForecast cashForecast(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "12") int weeks,
            @RequestParam(defaultValue = "area") String groupBy) {
        return forecasts.forecast(asOf, weeks, groupBy, callers.current());
    }
}

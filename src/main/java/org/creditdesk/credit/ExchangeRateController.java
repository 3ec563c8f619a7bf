package org.creditdesk.credit;

import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The stored exchange rates: {@code PUT} upserts a list of {@code {from, to, rate, validOn}}. */
@RestController
@RequestMapping("/api/v1/exchange-rates")
class ExchangeRateController {

    private final ExchangeRates rates;
    private final Callers callers;

    ExchangeRateController(ExchangeRates rates, Callers callers) {
        this.rates = rates;
        this.callers = callers;
    }

    @PutMapping
    List<ExchangeRate> put(@RequestBody(required = false) @Nullable List<ExchangeRateInput> body) {
        return rates.put(body, callers.current());
    }

    @GetMapping
    List<ExchangeRate> all() {
        return rates.all();
    }
}

package org.creditdesk.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.CompanySettings;
import org.creditdesk.shared.EnabledCurrencies;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the company is: its name, the currency amounts default to, the zone that decides "today". */
@RestController
@RequestMapping("/api/v1/settings/company")
class CompanySettingsController {

    private static final int MAX_NAME_LENGTH = 200;

    record CompanySettingsRequest(
            @Nullable String name,
            @Nullable String baseCurrency,
            @Nullable String timeZone) {}

    record CompanySettingsView(String name, String baseCurrency, String timeZone) {

        static CompanySettingsView of(CompanySettings settings) {
            return new CompanySettingsView(
                    settings.name(),
                    settings.baseCurrency().getCurrencyCode(),
                    settings.timeZone().getId());
        }
    }

    private final BusinessCalendar calendar;
    private final Callers callers;
    private final EnabledCurrencies currencies;

    CompanySettingsController(BusinessCalendar calendar, Callers callers, EnabledCurrencies currencies) {
        this.calendar = calendar;
        this.callers = callers;
        this.currencies = currencies;
    }

    record CurrenciesRequest(
            @Nullable List<String> currencies, @Nullable String reason) {}

    record CurrenciesView(java.util.Set<String> currencies) {}

    /** The currencies amounts may be in (issue 15 finding 8); the base currency is always one of them. */
    @GetMapping("/currencies")
    CurrenciesView currencies() {
        return new CurrenciesView(currencies.codes());
    }

    @PutMapping("/currencies")
    CurrenciesView enableCurrencies(@RequestBody CurrenciesRequest request) {
        Caller caller = callers.current();
        if (!caller.has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only administrators change the company settings")
                    .withKey("problem.text.onlyAdministratorsChangeTheCompanySettings");
        }
        if (request.currencies() == null) {
            throw ProblemException.malformed(
                            "currencies is required", List.of(Violation.field("currencies", "is required")))
                    .withKey("problem.text.currenciesIsRequired");
        }
        return new CurrenciesView(currencies.replace(request.currencies(), caller.username(), request.reason()));
    }

    @GetMapping
    CompanySettingsView get() {
        return CompanySettingsView.of(calendar.settings());
    }

    @PutMapping
    CompanySettingsView update(@RequestBody CompanySettingsRequest request) {
        if (!callers.current().has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only administrators change the company settings")
                    .withKey("problem.text.onlyAdministratorsChangeTheCompanySettings");
        }
        List<Violation> violations = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            violations.add(Violation.field("name", "must have 1 to %d characters".formatted(MAX_NAME_LENGTH)));
        }
        Currency currency = currency(request.baseCurrency(), violations);
        ZoneId zone = zone(request.timeZone(), violations);
        if (!violations.isEmpty() || currency == null || zone == null) {
            throw ProblemException.malformed("The company settings have invalid fields", violations)
                    .withKey("problem.text.theCompanySettingsHaveInvalidFields");
        }
        return CompanySettingsView.of(calendar.update(name, currency, zone));
    }

    private static @Nullable Currency currency(@Nullable String code, List<Violation> violations) {
        if (code != null && code.matches("[A-Z]{3}")) {
            try {
                Currency currency = Currency.getInstance(code);
                // Codes such as XAU (gold) or XXX (no currency) have no minor unit to keep amounts in.
                if (currency.getDefaultFractionDigits() >= 0) {
                    return currency;
                }
            } catch (IllegalArgumentException unknown) {
                // reported below
            }
        }
        violations.add(Violation.field("baseCurrency", "'%s' is not an ISO 4217 currency code".formatted(code)));
        return null;
    }

    private static @Nullable ZoneId zone(@Nullable String id, List<Violation> violations) {
        if (id != null && !id.isBlank()) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException unknown) {
                // reported below
            }
        }
        violations.add(Violation.field("timeZone", "'%s' is not a time zone id such as Asia/Shanghai".formatted(id)));
        return null;
    }
}

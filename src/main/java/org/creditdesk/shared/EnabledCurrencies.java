package org.creditdesk.shared;

import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The currencies the company enables (issue 15 finding 8; {@code company_settings.enabled_currencies},
 * V111), the base currency always among them. Amounts in any other currency are refused with 422
 * before anything is stored, so that no invoice in {@code XXX} or {@code XAU} blocks a customer with
 * {@code NO_EXCHANGE_RATE}.
 */
@Component
public class EnabledCurrencies {

    private final CompanySettingsRepository settings;
    private final AuditTrail audit;

    EnabledCurrencies(CompanySettingsRepository settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public Set<String> codes() {
        String joined = settings.enabledCurrencies();
        return new TreeSet<>(Arrays.asList(joined.split(",")));
    }

    /** Why the currency is refused, if it is; null means the default (base) currency. */
    public Optional<String> problem(@Nullable Currency currency) {
        if (currency == null) return Optional.empty();
        Set<String> enabled = codes();
        return enabled.contains(currency.getCurrencyCode())
                ? Optional.empty()
                : Optional.of("%s is not a currency the company has enabled (%s)"
                        .formatted(currency.getCurrencyCode(), String.join(", ", enabled)));
    }

    /** A 422 naming the field unless the currency is enabled. */
    public void require(String field, @Nullable Currency currency) {
        problem(currency).ifPresent(problem -> {
            throw ProblemException.ruleViolation(field, problem);
        });
    }

    /** Replaces the list (ADMIN; the caller checks), audited with who and why. */
    @Transactional
    public Set<String> replace(List<String> codes, String actor, @Nullable String reason) {
        Set<String> before = codes();
        String[] valid = codes.stream()
                .map(code -> code.strip().toUpperCase(java.util.Locale.ROOT))
                .peek(code -> {
                    try {
                        if (Currency.getInstance(code).getDefaultFractionDigits() < 0)
                            throw new IllegalArgumentException();
                    } catch (IllegalArgumentException e) {
                        throw ProblemException.ruleViolation(
                                        "currencies", "'%s' is not an ISO 4217 currency of money".formatted(code))
                                .withKey("problem.text.isNotAnISO4217CurrencyOf", code);
                    }
                })
                .distinct()
                .toArray(String[]::new);
        settings.saveEnabledCurrencies(valid);
        Set<String> after = codes();
        audit.record(actor, "CURRENCIES_ENABLED", "company_settings", "enabled_currencies", before, after, reason);
        return after;
    }
}

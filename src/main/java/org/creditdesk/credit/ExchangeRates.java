package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stored exchange rates exposure is converted with; kept by admins and finance. */
@Service
public class ExchangeRates {

    static final int MAX_DECIMALS = 8;
    static final int LIST_LIMIT = 1000;

    private final ExchangeRateRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    ExchangeRates(ExchangeRateRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Stores the rates (an upsert by from, to and validOn); an unchanged set writes nothing. */
    @Transactional
    public List<ExchangeRate> put(@Nullable List<ExchangeRateInput> input, Caller caller) {
        Permissions.require(caller, Permissions.RATE_KEEPERS, "store exchange rates");
        List<ExchangeRate> rates = validate(input);
        int changed =
                repository.upsert(rates, caller.username(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (changed > 0) {
            audit.record(caller.username(), "EXCHANGE_RATES_CHANGED", "EXCHANGE_RATE", "company", null, rates, null);
        }
        return rates;
    }

    @Transactional(readOnly = true)
    public List<ExchangeRate> all() {
        return repository.all(LIST_LIMIT);
    }

    static List<ExchangeRate> validate(@Nullable List<ExchangeRateInput> input) {
        if (input == null || input.isEmpty()) {
            throw ProblemException.malformed("No rates", List.of(Violation.field("rates", "send at least one rate")))
                    .withKey("problem.text.noRates");
        }
        List<Violation> violations = new ArrayList<>();
        List<ExchangeRate> rates = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String at = "[%d].".formatted(i);
            ExchangeRateInput r = input.get(i);
            if (r == null) {
                violations.add(Violation.field("[%d]".formatted(i), "is required"));
                continue;
            }
            String from = currency(r.from(), at + "from", violations);
            String to = currency(r.to(), at + "to", violations);
            if (from != null && from.equals(to)) violations.add(Violation.field(at + "to", "must differ from 'from'"));
            if (r.rate() == null || r.rate().signum() <= 0) {
                violations.add(Violation.field(at + "rate", "must be a positive number"));
            } else if (r.rate().stripTrailingZeros().scale() > MAX_DECIMALS) {
                violations.add(Violation.field(at + "rate", "has more than %d decimals".formatted(MAX_DECIMALS)));
            } else if (r.rate().compareTo(new BigDecimal("99999999999")) > 0) {
                violations.add(Violation.field(at + "rate", "is too large"));
            }
            if (r.validOn() == null) violations.add(Violation.field(at + "validOn", "is required"));
            if (from != null && to != null && r.rate() != null && r.validOn() != null) {
                if (!keys.add(from + to + r.validOn())) {
                    violations.add(Violation.field(at + "validOn", "the same rate is given twice"));
                }
                rates.add(new ExchangeRate(from, to, r.rate(), r.validOn()));
            }
        }
        if (!violations.isEmpty())
            throw ProblemException.malformed("Invalid exchange rates", violations)
                    .withKey("problem.text.invalidExchangeRates");
        return rates;
    }

    private static @Nullable String currency(@Nullable String code, String field, List<Violation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(Violation.field(field, "is required"));
            return null;
        }
        String upper = code.strip().toUpperCase(Locale.ROOT);
        try {
            if (upper.matches("[A-Z]{3}") && Currency.getInstance(upper).getDefaultFractionDigits() >= 0) {
                return upper;
            }
        } catch (IllegalArgumentException unknown) {
            // named below
        }
        violations.add(Violation.field(field, "'%s' is not an ISO 4217 currency code".formatted(code)));
        return null;
    }
}

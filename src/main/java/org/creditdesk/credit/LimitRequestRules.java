package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/** Checks limit requests and securities as sent, naming every bad field (400 missing, 422 invalid). */
final class LimitRequestRules {

    private LimitRequestRules() {}

    static CreditLimitRequest validate(
            NewLimitRequest input,
            CustomerRef customer,
            Currency companyCurrency,
            LocalDate today,
            String requestedBy,
            OffsetDateTime requestedAt) {
        List<Violation> missing = new ArrayList<>();
        if (input.amount() == null) missing.add(Violation.field("amount", "amount is required"));
        if (input.validUntil() == null) missing.add(Violation.field("validUntil", "validUntil is required"));
        if (input.reason() == null) missing.add(Violation.field("reason", "reason is required"));
        if (!missing.isEmpty())
            throw ProblemException.malformed("The limit request is incomplete", missing)
                    .withKey("problem.text.theLimitRequestIsIncomplete");

        List<Violation> violations = new ArrayList<>();
        Currency currency = currency(input.currency(), companyCurrency, violations);
        BigDecimal amount = amount(input.amount(), currency, false, violations);
        LocalDate validFrom = input.validFrom() == null ? today : input.validFrom();
        LocalDate validUntil = input.validUntil();
        if (validUntil.isBefore(validFrom)) {
            violations.add(Violation.field("validUntil", "validUntil must not be before validFrom " + validFrom));
        } else if (validUntil.isBefore(today)) {
            violations.add(Violation.field("validUntil", "validUntil " + validUntil + " has already passed"));
        }
        if (input.reviewOn() != null && input.reviewOn().isBefore(validFrom)) {
            violations.add(Violation.field("reviewOn", "reviewOn must not be before validFrom " + validFrom));
        }
        if (input.reason().isBlank()) {
            violations.add(Violation.field("reason", "reason must say why the limit is needed"));
        }
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The limit request is not valid", violations)
                    .withKey("problem.text.theLimitRequestIsNotValid");
        return new CreditLimitRequest(
                0,
                customer.code(),
                customer.areaCode(),
                CreditLimits.blankToNull(input.contractNo()),
                amount,
                currency.getCurrencyCode(),
                validFrom,
                validUntil,
                input.reviewOn(),
                input.reason().strip(),
                LimitRequestStatus.PENDING,
                requestedBy,
                requestedAt,
                null,
                null,
                null);
    }

    static CreditSecurity validate(
            NewSecurity input, Currency companyCurrency, LocalDate today, String createdBy, OffsetDateTime createdAt) {
        List<Violation> missing = new ArrayList<>();
        if (input.type() == null) missing.add(Violation.field("type", "type is required"));
        if (input.amount() == null) missing.add(Violation.field("amount", "amount is required"));
        if (input.expiresOn() == null) missing.add(Violation.field("expiresOn", "expiresOn is required"));
        if (!missing.isEmpty())
            throw ProblemException.malformed("The security is incomplete", missing)
                    .withKey("problem.text.theSecurityIsIncomplete");

        List<Violation> violations = new ArrayList<>();
        SecurityType type = SecurityType.BANK_GUARANTEE;
        try {
            type = SecurityType.valueOf(input.type());
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    "type",
                    "type must be BANK_GUARANTEE, CASH_DEPOSIT or LETTER_OF_CREDIT, not '" + input.type() + "'"));
        }
        Currency currency = currency(input.currency(), companyCurrency, violations);
        BigDecimal amount = amount(input.amount(), currency, true, violations);
        if (input.expiresOn().isBefore(today)) {
            violations.add(Violation.field("expiresOn", "expiresOn " + input.expiresOn() + " has already passed"));
        }
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The security is not valid", violations)
                    .withKey("problem.text.theSecurityIsNotValid");
        return new CreditSecurity(
                0,
                type,
                CreditLimits.blankToNull(input.contractNo()),
                amount,
                currency.getCurrencyCode(),
                input.expiresOn(),
                CreditLimits.blankToNull(input.reference()),
                createdBy,
                createdAt);
    }

    private static Currency currency(@Nullable String code, Currency fallback, List<Violation> violations) {
        if (code == null || code.isBlank()) return fallback;
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) throw new IllegalArgumentException();
            return currency;
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field("currency", "'" + code + "' is not an ISO 4217 currency"));
            return fallback;
        }
    }

    private static BigDecimal amount(
            BigDecimal value, Currency currency, boolean positive, List<Violation> violations) {
        if (positive ? value.signum() <= 0 : value.signum() < 0) {
            violations.add(
                    Violation.field("amount", positive ? "amount must be positive" : "amount must not be negative"));
            return value;
        }
        try {
            return new Money(value, currency).amount();
        } catch (IllegalArgumentException e) {
            violations.add(Violation.field(
                    "amount", "amount has more decimals than " + currency.getCurrencyCode() + " allows"));
            return value;
        }
    }
}

package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A customer's account in the lawyer's hands: opened at escalation level 4 (reason {@code LEVEL_4}) or
 * by another module (e.g. a second bounced cheque), with the amounts claimed and recovered in the
 * customer's currency. While it is not closed the customer's credit is blocked with {@code LEGAL}.
 *
 * @param lawyer the assigned LEGAL user's username; null while the company has no lawyer
 */
public record LegalCase(
        long id,
        String customerCode,
        String customerName,
        String areaCode,
        LegalCaseStatus status,
        String reason,
        LocalDate openedOn,
        String openedBy,
        @Nullable LocalDate closedOn,
        @Nullable String lawyer,
        BigDecimal amountClaimed,
        BigDecimal amountRecovered,
        @Nullable String currency,
        @Nullable String notes) {}

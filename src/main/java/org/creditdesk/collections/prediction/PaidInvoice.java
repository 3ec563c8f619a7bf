package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A settled invoice of a customer's history: when it fell due and when its last payment came; its days
 * late are counted once (every prediction of the customer's open invoices reads them).
 */
record PaidInvoice(LocalDate dueDate, LocalDate paidOn, BigDecimal amount, int daysLate) {

    PaidInvoice(LocalDate dueDate, LocalDate paidOn, BigDecimal amount) {
        this(dueDate, paidOn, amount, (int) ChronoUnit.DAYS.between(dueDate, paidOn));
    }
}

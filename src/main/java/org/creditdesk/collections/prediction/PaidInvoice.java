package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A settled invoice of a customer's history: when it fell due and when its last payment came. */
record PaidInvoice(LocalDate dueDate, LocalDate paidOn, BigDecimal amount) {

    int daysLate() {
        return (int) ChronoUnit.DAYS.between(dueDate, paidOn);
    }
}

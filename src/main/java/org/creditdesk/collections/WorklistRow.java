package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer on a collector's worklist: its place, why it is there and the next thing to do.
 * {@code predictedPayDate} is the customer's next predicted payment (the prediction's earliest date on or
 * after the as-of date of any open invoice), null until a prediction has run.
 */
public record WorklistRow(
        String customerCode,
        String customerName,
        String area,
        int priority,
        List<WorklistReason> reasons,
        BigDecimal overdueAmount,
        int maxDaysOverdue,
        int escalationLevel,
        @Nullable String riskClass,
        @Nullable LocalDate nextActionOn,
        @Nullable LocalDate predictedPayDate,
        @Nullable String callContact,
        @Nullable String callPhone,
        String nextStep) {}

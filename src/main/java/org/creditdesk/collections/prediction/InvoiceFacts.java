package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What a collector knows of one invoice at the moment of predicting: its due date and amount, an open
 * dispute, a promise broken lately, an open promise (its date), a payment approval stalled at the customer.
 */
record InvoiceFacts(
        LocalDate dueDate,
        BigDecimal amount,
        boolean disputed,
        boolean brokenPromise,
        @Nullable LocalDate openPromiseOn,
        boolean stalledApproval) {}

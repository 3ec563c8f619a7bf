package org.creditdesk.collections;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where an invoice stands in the customer's approval chain. {@code needsChain} is false for invoices
 * under the company's chain threshold ("no chain"); {@code stalledAt} names the step waiting longer
 * than the stall days allow; {@code raisedDispute} is the dispute a BLOCKER's objection just raised
 * (only in the answer to recording that objection).
 */
public record Approval(
        String invoiceNo,
        String customerCode,
        boolean needsChain,
        List<ApprovalStep> steps,
        @Nullable ChainRole stalledAt,
        @Nullable Integer stalledDays,
        @Nullable Dispute raisedDispute) {

    Approval withRaisedDispute(@Nullable Dispute dispute) {
        return new Approval(invoiceNo, customerCode, needsChain, steps, stalledAt, stalledDays, dispute);
    }
}

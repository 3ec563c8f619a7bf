package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One click from a worklist row: a call with its outcome — a note, the next action, and optionally a
 * promise or a dispute — stored together or not at all.
 */
@Service
class CallLog {

    /** The call form as posted; the promise and the dispute are optional parts. */
    record Call(
            @Nullable Long contactId,
            @Nullable String note,
            @Nullable LocalDate nextActionOn,
            @Nullable BigDecimal promiseAmount,
            @Nullable LocalDate promisedOn,
            boolean promiseWritten,
            @Nullable String disputeInvoiceNo,
            @Nullable String disputeReason,
            @Nullable BigDecimal disputeAmount) {}

    /** What the call left behind. */
    record Logged(
            Activity activity,
            @Nullable Promise promise,
            @Nullable Dispute dispute) {}

    private final Activities activities;
    private final Promises promises;
    private final Disputes disputes;

    CallLog(Activities activities, Promises promises, Disputes disputes) {
        this.activities = activities;
        this.promises = promises;
        this.disputes = disputes;
    }

    @Transactional
    Logged log(String customerCode, Call call, Caller caller) {
        Activity activity = activities.record(
                customerCode,
                new ActivityInput("CALL", null, call.contactId(), null, call.note(), call.nextActionOn()),
                caller);
        Promise promise = call.promiseAmount() == null && call.promisedOn() == null
                ? null
                : promises.make(
                        customerCode,
                        new PromiseInput(
                                call.promisedOn(),
                                call.promiseAmount(),
                                null,
                                List.of(),
                                call.contactId(),
                                call.promiseWritten(),
                                call.note(),
                                null),
                        caller);
        Dispute dispute =
                call.disputeInvoiceNo() == null || call.disputeInvoiceNo().isBlank()
                        ? null
                        : disputes.raise(
                                call.disputeInvoiceNo(),
                                new DisputeInput(call.disputeReason(), call.disputeAmount(), null, call.note()),
                                caller);
        return new Logged(activity, promise, dispute);
    }
}

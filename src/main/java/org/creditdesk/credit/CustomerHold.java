package org.creditdesk.credit;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A hold on a customer's orders, active until lifted. */
public record CustomerHold(
        long id,
        String customerCode,
        HoldReason reason,
        boolean automatic,
        @Nullable String note,
        String placedBy,
        OffsetDateTime placedAt,
        @Nullable String liftedBy,
        @Nullable OffsetDateTime liftedAt,
        @Nullable String liftNote) {

    public boolean active() {
        return liftedAt == null;
    }

    /** Placed by the daily run for overdue beyond grace: the live overdue rule, not the hold, decides. */
    public boolean mirrorsOverdueRule() {
        return automatic && reason == HoldReason.OVERDUE;
    }
}

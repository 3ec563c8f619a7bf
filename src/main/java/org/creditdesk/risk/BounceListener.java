package org.creditdesk.risk;

import org.creditdesk.ledger.ChequeBounced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The stop follows the bounce in the same transaction: no order can slip through in between. */
@Component
class BounceListener {

    private final Bounces bounces;

    BounceListener(Bounces bounces) {
        this.bounces = bounces;
    }

    @EventListener
    void on(ChequeBounced bounced) {
        bounces.bounced(bounced);
    }
}

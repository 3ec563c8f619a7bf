package org.creditdesk.risk;

import org.creditdesk.credit.CreditStopped;
import org.creditdesk.customers.CustomerChanged;
import org.creditdesk.customers.CustomerRegistered;
import org.creditdesk.imports.ImportCompleted;
import org.creditdesk.imports.ImportKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the party keys in step with the customer master, synchronously: a new customer linked to a
 * stopped one is blocked in the very transaction that created it, before its first order.
 */
@Component
class LinkListener {

    private final Links links;

    LinkListener(Links links) {
        this.links = links;
    }

    @EventListener
    void on(CustomerRegistered registered) {
        links.index(registered.code());
    }

    @EventListener
    void on(CustomerChanged changed) {
        links.index(changed.code());
    }

    @EventListener
    void on(ImportCompleted imported) {
        if (imported.kind() == ImportKind.CUSTOMERS && imported.imported() > 0) {
            links.index(imported.customerIds());
        }
    }

    @EventListener
    void on(CreditStopped stopped) {
        links.blockLinkedTo(stopped.customerId());
    }
}

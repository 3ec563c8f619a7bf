package org.creditdesk.credit;

import org.creditdesk.imports.ImportCompleted;
import org.creditdesk.imports.ImportKind;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A file import merges rows set-based and publishes one event for the whole file; the running
 * totals of the customers it touched are rebuilt in the same transaction.
 */
@Component
class ImportListener {

    private final CreditAccounts accounts;

    ImportListener(CreditAccounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(ImportCompleted imported) {
        // Master data moves no money: only ledger files change the totals.
        if (imported.kind() != ImportKind.CUSTOMERS) accounts.recalculate(imported.customerIds());
    }
}

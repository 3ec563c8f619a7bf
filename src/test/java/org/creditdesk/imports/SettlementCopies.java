package org.creditdesk.imports;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The allocations of a customer whose copy of their invoice's customer, dates and currency (V73) is not the invoice's. */
final class SettlementCopies {

    private SettlementCopies() {}

    static long notCarryingTheirInvoice(JdbcClient jdbc, String customerCode) {
        return jdbc.sql("""
                        SELECT count(*) FROM allocation a
                        JOIN invoice i ON i.id = a.invoice_id
                        JOIN customer c ON c.id = a.customer_id
                        WHERE c.code = :code
                          AND (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency)
                              IS DISTINCT FROM (i.customer_id, i.issue_date, i.due_date, i.currency)""").param("code", customerCode).query(Long.class).single();
    }
}

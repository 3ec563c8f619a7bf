package org.creditdesk.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the loaded history's credit notes against invoices and writes their disputes straight into
 * collections' table: a resolution in the past by a credit note that already exists has no facade (the
 * collections one would issue a new credit note), and the demo writes history, not today's work.
 */
@Repository
class DemoDisputeHistoryRepository {

    record CreditNote(
            long customerId,
            long invoiceId,
            LocalDate invoiceIssueDate,
            LocalDate invoiceDueDate,
            BigDecimal invoiceAmount,
            LocalDate issueDate,
            BigDecimal amount,
            String reason) {}

    record Resolved(CreditNote note, LocalDate raisedOn) {}

    private static final String CREDIT_NOTES = """
            SELECT i.customer_id, i.id AS invoice_id, i.issue_date AS invoice_issue_date,
                   i.due_date AS invoice_due_date, i.amount AS invoice_amount, n.issue_date, n.amount, n.reason
            FROM credit_note n
            JOIN invoice i ON i.invoice_no = n.invoice_no AND i.customer_id = n.customer_id
            WHERE NOT EXISTS (SELECT 1 FROM invoice_dispute d WHERE d.invoice_id = i.id)
            ORDER BY n.id
            """;

    private static final String INSERT = """
            INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, note, status, outcome,
                                         credit_note_amount, resolved_on, resolution_note, created_by)
            SELECT customer_id, invoice_id, 'QUALITY', amount, raised_on, note, 'RESOLVED', 'CREDIT_NOTE',
                   credit_note_amount, resolved_on, 'Settled by the credit note of ' || resolved_on, 'demo'
            FROM unnest(CAST(:customerIds AS bigint[]), CAST(:invoiceIds AS bigint[]), CAST(:amounts AS numeric[]),
                        CAST(:raisedOn AS date[]), CAST(:notes AS text[]), CAST(:creditNoteAmounts AS numeric[]),
                        CAST(:resolvedOn AS date[]))
                AS d (customer_id, invoice_id, amount, raised_on, note, credit_note_amount, resolved_on)
            """;

    private final JdbcClient jdbc;

    DemoDisputeHistoryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CreditNote> creditNotesOfInvoices() {
        return jdbc.sql(CREDIT_NOTES)
                .query((rs, n) -> new CreditNote(
                        rs.getLong("customer_id"),
                        rs.getLong("invoice_id"),
                        rs.getObject("invoice_issue_date", LocalDate.class),
                        rs.getObject("invoice_due_date", LocalDate.class),
                        rs.getBigDecimal("invoice_amount"),
                        rs.getObject("issue_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("reason")))
                .list();
    }

    int insertResolved(List<Resolved> disputes) {
        if (disputes.isEmpty()) return 0;
        return jdbc.sql(INSERT)
                .param(
                        "customerIds",
                        disputes.stream().map(d -> d.note().customerId()).toArray(Long[]::new))
                .param(
                        "invoiceIds",
                        disputes.stream().map(d -> d.note().invoiceId()).toArray(Long[]::new))
                .param(
                        "amounts",
                        disputes.stream().map(d -> d.note().invoiceAmount()).toArray(BigDecimal[]::new))
                .param(
                        "raisedOn",
                        disputes.stream().map(d -> d.raisedOn().toString()).toArray(String[]::new))
                .param("notes", disputes.stream().map(d -> d.note().reason()).toArray(String[]::new))
                .param(
                        "creditNoteAmounts",
                        disputes.stream().map(d -> d.note().amount()).toArray(BigDecimal[]::new))
                .param(
                        "resolvedOn",
                        disputes.stream()
                                .map(d -> d.note().issueDate().toString())
                                .toArray(String[]::new))
                .update();
    }
}

package org.creditdesk.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditNoteRepository {

    record StoredCreditNote(long id, long customerId, CreditNote creditNote) {}

    private static final String INSERT = """
            INSERT INTO credit_note (credit_note_no, customer_id, invoice_no, issue_date, amount, currency, reason,
                                     unapplied)
            VALUES (:creditNoteNo, :customerId, :invoiceNo, :issueDate, :amount, :currency, :reason, :unapplied)
            ON CONFLICT (credit_note_no) DO NOTHING
            RETURNING id
            """;
    private static final String BY_NO = """
            SELECT n.id, n.customer_id, c.code AS customer_code, n.credit_note_no, n.invoice_no, n.issue_date,
                   n.amount, n.currency, n.reason, n.unapplied
            FROM credit_note n
            JOIN customer c ON c.id = n.customer_id
            WHERE n.credit_note_no = :creditNoteNo
            """;

    private final JdbcClient jdbc;

    CreditNoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> insert(long customerId, CreditNote note) {
        return jdbc.sql(INSERT)
                .param("creditNoteNo", note.creditNoteNo())
                .param("customerId", customerId)
                .param("invoiceNo", note.invoiceNo())
                .param("issueDate", note.issueDate())
                .param("amount", note.amount())
                .param("currency", note.currency())
                .param("reason", note.reason())
                .param("unapplied", note.unapplied())
                .query(Long.class)
                .optional();
    }

    Optional<StoredCreditNote> findByNo(String creditNoteNo) {
        return jdbc.sql(BY_NO)
                .param("creditNoteNo", creditNoteNo)
                .query(CreditNoteRepository::map)
                .optional();
    }

    private static StoredCreditNote map(ResultSet rs, int row) throws SQLException {
        return new StoredCreditNote(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                new CreditNote(
                        rs.getString("credit_note_no"),
                        rs.getString("customer_code"),
                        rs.getString("invoice_no"),
                        rs.getObject("issue_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency").trim(),
                        rs.getString("reason"),
                        rs.getBigDecimal("unapplied")));
    }
}

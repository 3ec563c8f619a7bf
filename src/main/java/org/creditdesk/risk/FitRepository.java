package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcomes the fit learns from: who reached 60+ days overdue within six months of a date. */
@Repository
class FitRepository {

    // An invoice is 60 days overdue on due_date + 60 if what was settled by then (and not reversed by
    // then) does not cover it.
    private static final String REACHED_60_DAYS = """
            WITH due AS (
                SELECT i.id, i.customer_id, i.amount, i.due_date + 60 AS bad_on
                FROM invoice i
                WHERE i.due_date + 60 > CAST(:from AS date) AND i.due_date + 60 <= CAST(:until AS date)
            )
            SELECT DISTINCT d.customer_id
            FROM due d
            LEFT JOIN allocation a ON a.invoice_id = d.id AND a.allocated_on <= d.bad_on
                 AND (a.reversed_on IS NULL OR a.reversed_on > d.bad_on)
            GROUP BY d.id, d.customer_id, d.amount
            HAVING coalesce(sum(a.amount), 0) < d.amount
            """;
    private static final String FIRST_INVOICE = "SELECT min(issue_date) FROM invoice";

    private final JdbcClient jdbc;

    FitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Customers with an invoice that reached 60 days overdue in (from, until]. */
    Set<Long> reached60DaysOverdue(LocalDate from, LocalDate until) {
        return new HashSet<>(jdbc.sql(REACHED_60_DAYS)
                .param("from", from)
                .param("until", until)
                .query(Long.class)
                .list());
    }

    Optional<LocalDate> firstInvoiceDate() {
        return Optional.ofNullable(
                jdbc.sql(FIRST_INVOICE).query(LocalDate.class).optional().orElse(null));
    }
}

package org.creditdesk.risk;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outcomes the fit learns from, one set-based statement per observation date and outcome kind. */
@Repository
class FitRepository {

    /** Who reached the outcome after a date; who could (null: everybody); who had it already. */
    record Outcomes(Set<Long> bad, @Nullable Set<Long> observable, Set<Long> already) {}

    // An invoice is D days overdue on due_date + D if what was settled by then (and not reversed by
    // then) does not cover it.
    private static final String REACHED_OVERDUE = """
            WITH due AS (
                SELECT i.id, i.customer_id, i.amount, i.due_date + :days AS bad_on
                FROM invoice i
                WHERE i.due_date + :days > CAST(:from AS date) AND i.due_date + :days <= CAST(:until AS date)
            )
            SELECT DISTINCT d.customer_id
            FROM due d
            LEFT JOIN allocation a ON a.invoice_id = d.id AND a.allocated_on <= d.bad_on
                 AND (a.reversed_on IS NULL OR a.reversed_on > d.bad_on)
            GROUP BY d.id, d.customer_id, d.amount
            HAVING coalesce(sum(a.amount), 0) < d.amount
            """;

    // Every customer with an invoice falling due in (from, until]; bad when one of them was not
    // settled N days after its due date.
    private static final String PAID_LATE = """
            WITH due AS (
                SELECT i.id, i.customer_id, i.amount, i.due_date + :days AS late_on
                FROM invoice i
                WHERE i.due_date > CAST(:from AS date) AND i.due_date <= CAST(:until AS date)
            ),
            settled AS (
                SELECT d.id, d.customer_id, d.amount, coalesce(sum(a.amount), 0) AS paid
                FROM due d
                LEFT JOIN allocation a ON a.invoice_id = d.id AND a.allocated_on <= d.late_on
                     AND (a.reversed_on IS NULL OR a.reversed_on > d.late_on)
                GROUP BY d.id, d.customer_id, d.amount
            )
            SELECT customer_id, bool_or(paid < amount) AS bad
            FROM settled
            GROUP BY customer_id
            """;

    private static final String RECORDED = """
            SELECT customer_id,
                   bool_or(occurred_on > CAST(:from AS date)) AS bad,
                   bool_or(occurred_on <= CAST(:from AS date)) AS already
            FROM customer_outcome
            WHERE occurred_on <= CAST(:until AS date)
            GROUP BY customer_id
            """;

    private static final String FIRST_INVOICE = "SELECT min(issue_date) FROM invoice";
    // The first year-end a statement speaks for, the first rating.
    private static final String FIRST_STATEMENT = """
            SELECT least((SELECT make_date(min(year), 12, 31) FROM financial_statement),
                         (SELECT min(rated_on) FROM external_rating))
            """;

    private final JdbcClient jdbc;

    FitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome in (date, date + its months] for every customer. */
    Outcomes outcomes(ScoreOutcome outcome, LocalDate date) {
        LocalDate until = date.plusMonths(outcome.months());
        return switch (outcome) {
            case ScoreOutcome.ReachesOverdue o ->
                new Outcomes(
                        new HashSet<>(jdbc.sql(REACHED_OVERDUE)
                                .param("days", o.days())
                                .param("from", date)
                                .param("until", until)
                                .query(Long.class)
                                .list()),
                        null,
                        Set.of());
            case ScoreOutcome.PaidLate o -> {
                Set<Long> bad = new HashSet<>(), observable = new HashSet<>();
                jdbc.sql(PAID_LATE)
                        .param("days", o.days())
                        .param("from", date)
                        .param("until", until)
                        .query(rs -> {
                            observable.add(rs.getLong("customer_id"));
                            if (rs.getBoolean("bad")) bad.add(rs.getLong("customer_id"));
                        });
                yield new Outcomes(bad, observable, Set.of());
            }
            case ScoreOutcome.Recorded o -> {
                Set<Long> bad = new HashSet<>(), already = new HashSet<>();
                jdbc.sql(RECORDED).param("from", date).param("until", until).query(rs -> {
                    if (rs.getBoolean("already")) already.add(rs.getLong("customer_id"));
                    else if (rs.getBoolean("bad")) bad.add(rs.getLong("customer_id"));
                });
                yield new Outcomes(bad, null, already);
            }
        };
    }

    Optional<LocalDate> firstInvoiceDate() {
        return Optional.ofNullable(
                jdbc.sql(FIRST_INVOICE).query(LocalDate.class).optional().orElse(null));
    }

    /** The first date a financial statement or an external rating speaks for. */
    Optional<LocalDate> firstStatementDate() {
        return Optional.ofNullable(
                jdbc.sql(FIRST_STATEMENT).query(LocalDate.class).optional().orElse(null));
    }
}

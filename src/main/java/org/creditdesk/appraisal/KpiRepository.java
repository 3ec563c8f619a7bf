package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPIs of every rep of a period in one set-based statement. It reads other modules' data only through
 * what they publish in V70__appraisal.sql: customer_sales_rep_period (customers), receivable_invoice (with the
 * open amount since V72) and receivable_settlement (ledger; with its invoice's customer, dates and currency
 * since V73), released_blocked_order and credit_grace_days()
 * (credit), bounced_cheque_stop (risk) and broken_payment_promise (collections), and the stored exchange rates.
 *
 * <p>Money is in the company currency: an invoice in another currency, and its settlements, count at the newest
 * rate on or before :end (as planning's receivables); one without such a rate is left out. Sums are rounded
 * half-up to cents once, at the end.
 *
 * <p>Everything is as the book stood at :end (the period's end, or the as-of date when earlier): an invoice
 * counts if issued by then, a settlement if dated by then and not reversed by then. Only released orders'
 * later lateness looks up to :asOf. DSO is the count-back method over the 24 months before :end: the open
 * receivables at :end are matched against the rep's invoicing month by month backwards (month k being the
 * days after :end − (k+1) months up to :end − k months); every month fully used adds its days, the last one
 * its used fraction.
 *
 * <p>At 100,000 customers (V72) it reads only what changes the answer: the period's invoices and settlements,
 * the invoices open now and the settlements after :end (open at :end = open now + settled after :end − reversed
 * after :end of what was settled by then), and for DSO the newest three months' sales, older months only for
 * the reps whose open receivables those do not cover (every older month adds nothing once they are covered).
 * Since V73 each settlement carries its invoice's customer, dates and currency, so the ~1 M settlements in and
 * after a quarter are read from one covering index without looking up their invoices.
 * KpiStatementEquivalenceIntegrationTests holds it to the first statement, which replayed every settlement.
 */
@Repository
class KpiRepository {

    private static final String KPIS = """
            WITH reps AS (
                SELECT r.code, r.name, r.area_code
                  FROM sales_rep r
                 WHERE (cardinality(CAST(:reps AS text[])) = 0 OR r.code = ANY(CAST(:reps AS text[])))
                   AND (cardinality(CAST(:areas AS text[])) = 0 OR r.area_code = ANY(CAST(:areas AS text[])))
            ),
            rep_customer AS MATERIALIZED (
                SELECT p.customer_id, p.sales_rep, p.valid_from, p.valid_to
                  FROM customer_sales_rep_period p
                  JOIN reps ON reps.code = p.sales_rep
            ),
            rates AS (
                SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
                  FROM exchange_rate r
                 WHERE r.to_currency = :currency AND r.valid_on <= :end
                 ORDER BY r.from_currency, r.valid_on DESC
            ),
            -- What each invoice issued by :end had open at :end: its open amount now (kept by the ledger with every
            -- settlement and reversal), plus what was settled after :end, less what had been settled by :end and was
            -- reversed after it. Only invoices open now or settled after :end have any; each settlement carries its
            -- invoice's customer, dates and currency (V73), so no invoice is looked up.
            open_parts AS (
                SELECT i.customer_id, i.issue_date, i.due_date, i.currency, i.open_amount AS amount
                  FROM receivable_open_invoice i
                 WHERE i.issue_date <= :end
                UNION ALL
                SELECT s.invoice_customer_id, s.invoice_issue_date, s.invoice_due_date, s.invoice_currency, s.amount
                  FROM receivable_settlement s
                 WHERE s.settled_on > :end AND s.reversed_on IS NULL AND s.invoice_issue_date <= :end
                UNION ALL
                SELECT s.invoice_customer_id, s.invoice_issue_date, s.invoice_due_date, s.invoice_currency, -s.amount
                  FROM receivable_settlement s
                 WHERE s.reversed_on > :end AND s.settled_on <= :end AND s.invoice_issue_date <= :end
            ),
            open_at_end AS (
                SELECT rc.sales_rep,
                       sum(o.amount * CASE WHEN o.currency = :currency THEN 1 ELSE r.rate END) AS open_at_end,
                       sum(o.amount * CASE WHEN o.currency = :currency THEN 1 ELSE r.rate END)
                           FILTER (WHERE o.due_date < :end) AS overdue
                  FROM open_parts o
                  JOIN rep_customer rc ON rc.customer_id = o.customer_id
                                      AND o.issue_date >= rc.valid_from AND o.issue_date < rc.valid_to
                  LEFT JOIN rates r ON r.currency = o.currency
                 WHERE o.currency = :currency OR r.rate IS NOT NULL
                 GROUP BY rc.sales_rep
            ),
            -- The period's collections and write-offs, as the book stood at :end.
            settled AS (
                SELECT rc.sales_rep,
                       sum(s.amount * CASE WHEN s.invoice_currency = :currency THEN 1 ELSE r.rate END)
                           FILTER (WHERE s.kind = 'PAYMENT') AS collected,
                       sum(s.amount * CASE WHEN s.invoice_currency = :currency THEN 1 ELSE r.rate END)
                           FILTER (WHERE s.kind = 'PAYMENT' AND s.settled_on <= s.invoice_due_date + :grace)
                           AS collected_on_time,
                       sum(s.amount * CASE WHEN s.invoice_currency = :currency THEN 1 ELSE r.rate END)
                           FILTER (WHERE s.kind = 'WRITE_OFF') AS written_off
                  FROM receivable_settlement s
                  JOIN rep_customer rc ON rc.customer_id = s.invoice_customer_id
                                      AND s.invoice_issue_date >= rc.valid_from AND s.invoice_issue_date < rc.valid_to
                  LEFT JOIN rates r ON r.currency = s.invoice_currency
                 WHERE s.settled_on BETWEEN :from AND :end AND (s.reversed_on IS NULL OR s.reversed_on > :end)
                   AND s.kind IN ('PAYMENT', 'WRITE_OFF')
                   AND s.invoice_issue_date <= :end AND (s.invoice_currency = :currency OR r.rate IS NOT NULL)
                 GROUP BY rc.sales_rep
            ),
            -- Each day of the 24 months before :end with the month it counts in for DSO (0: the newest month).
            days AS MATERIALIZED (
                SELECT CAST(d AS date) AS day,
                       CAST(extract(year FROM age(:end, CAST(d AS date))) * 12
                            + extract(month FROM age(:end, CAST(d AS date))) AS int) AS months_back
                  FROM generate_series(CAST(:end AS date) - interval '24 months' + interval '1 day', CAST(:end AS date),
                                       interval '1 day') AS d
            ),
            -- The first day of DSO month k and every newer month (months_back falls as the issue date rises).
            newest AS (
                SELECT min(day) FILTER (WHERE months_back <= 0) AS month0, min(day) FILTER (WHERE months_back <= 1) AS month1,
                       min(day) FILTER (WHERE months_back <= 2) AS month2
                  FROM days
            ),
            -- One pass over the newer invoices: the period's invoicing and the sales of DSO months 0 to 2.
            recent AS (
                SELECT rc.sales_rep,
                       CASE WHEN i.issue_date >= n.month0 THEN 0 WHEN i.issue_date >= n.month1 THEN 1
                            WHEN i.issue_date >= n.month2 THEN 2 END AS months_back,
                       i.issue_date >= :from AS in_period,
                       sum(i.amount * CASE WHEN i.currency = :currency THEN 1 ELSE r.rate END) AS sales
                  FROM receivable_invoice i
                 CROSS JOIN newest n
                  JOIN rep_customer rc ON rc.customer_id = i.customer_id
                                      AND i.issue_date >= rc.valid_from AND i.issue_date < rc.valid_to
                  LEFT JOIN rates r ON r.currency = i.currency
                 WHERE i.issue_date >= least(CAST(:from AS date), (SELECT month2 FROM newest))
                   AND i.issue_date <= :end AND (i.currency = :currency OR r.rate IS NOT NULL)
                 GROUP BY 1, 2, 3
            ),
            totals AS (
                SELECT reps.code AS sales_rep,
                       coalesce(iv.invoiced, 0) AS invoiced,
                       coalesce(st.collected, 0) AS collected,
                       coalesce(st.collected_on_time, 0) AS collected_on_time,
                       coalesce(st.written_off, 0) AS written_off,
                       coalesce(o.open_at_end, 0) AS open_at_end,
                       coalesce(o.overdue, 0) AS overdue
                  FROM reps
                  LEFT JOIN (SELECT sales_rep, sum(sales) AS invoiced FROM recent WHERE in_period GROUP BY sales_rep) iv
                         ON iv.sales_rep = reps.code
                  LEFT JOIN settled st ON st.sales_rep = reps.code
                  LEFT JOIN open_at_end o ON o.sales_rep = reps.code
            ),
            sales1 AS (
                SELECT sales_rep, months_back, sum(sales) AS sales FROM recent WHERE months_back <= 2 GROUP BY 1, 2
            ),
            -- Older months only for the reps whose open receivables at :end the newer months' sales do not cover (the
            -- count-back stops there: every older month adds nothing), in three steps: months 3-5, 6-11, 12-23.
            need2 AS (
                SELECT t.sales_rep
                  FROM totals t
                  LEFT JOIN (SELECT * FROM sales1) s ON s.sales_rep = t.sales_rep
                 GROUP BY t.sales_rep, t.open_at_end
                HAVING t.open_at_end > coalesce(sum(s.sales), 0)
            ),
            sales2 AS (
                SELECT rc.sales_rep, d.months_back, sum(i.amount * CASE WHEN i.currency = :currency THEN 1 ELSE r.rate END) AS sales
                  FROM receivable_invoice i
                  JOIN days d ON d.day = i.issue_date
                  JOIN rep_customer rc ON rc.customer_id = i.customer_id
                                      AND i.issue_date >= rc.valid_from AND i.issue_date < rc.valid_to
                  JOIN need2 n ON n.sales_rep = rc.sales_rep
                  LEFT JOIN rates r ON r.currency = i.currency
                 WHERE i.issue_date >= (SELECT min(day) FROM days WHERE months_back <= 5)
                   AND i.issue_date < (SELECT min(day) FROM days WHERE months_back <= 2)
                   AND d.months_back BETWEEN 3 AND 5 AND (i.currency = :currency OR r.rate IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM need2)
                 GROUP BY 1, 2
            ),
            need3 AS (
                SELECT t.sales_rep
                  FROM totals t
                  JOIN need2 USING (sales_rep)
                  LEFT JOIN (SELECT * FROM sales1 UNION ALL SELECT * FROM sales2) s ON s.sales_rep = t.sales_rep
                 GROUP BY t.sales_rep, t.open_at_end
                HAVING t.open_at_end > coalesce(sum(s.sales), 0)
            ),
            sales3 AS (
                SELECT rc.sales_rep, d.months_back, sum(i.amount * CASE WHEN i.currency = :currency THEN 1 ELSE r.rate END) AS sales
                  FROM receivable_invoice i
                  JOIN days d ON d.day = i.issue_date
                  JOIN rep_customer rc ON rc.customer_id = i.customer_id
                                      AND i.issue_date >= rc.valid_from AND i.issue_date < rc.valid_to
                  JOIN need3 n ON n.sales_rep = rc.sales_rep
                  LEFT JOIN rates r ON r.currency = i.currency
                 WHERE i.issue_date >= (SELECT min(day) FROM days WHERE months_back <= 11)
                   AND i.issue_date < (SELECT min(day) FROM days WHERE months_back <= 5)
                   AND d.months_back BETWEEN 6 AND 11 AND (i.currency = :currency OR r.rate IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM need3)
                 GROUP BY 1, 2
            ),
            need4 AS (
                SELECT t.sales_rep
                  FROM totals t
                  JOIN need3 USING (sales_rep)
                  LEFT JOIN (SELECT * FROM sales1 UNION ALL SELECT * FROM sales2 UNION ALL SELECT * FROM sales3) s ON s.sales_rep = t.sales_rep
                 GROUP BY t.sales_rep, t.open_at_end
                HAVING t.open_at_end > coalesce(sum(s.sales), 0)
            ),
            sales4 AS (
                SELECT rc.sales_rep, d.months_back, sum(i.amount * CASE WHEN i.currency = :currency THEN 1 ELSE r.rate END) AS sales
                  FROM receivable_invoice i
                  JOIN days d ON d.day = i.issue_date
                  JOIN rep_customer rc ON rc.customer_id = i.customer_id
                                      AND i.issue_date >= rc.valid_from AND i.issue_date < rc.valid_to
                  JOIN need4 n ON n.sales_rep = rc.sales_rep
                  LEFT JOIN rates r ON r.currency = i.currency
                 WHERE i.issue_date >= (SELECT min(day) FROM days WHERE months_back <= 23)
                   AND i.issue_date < (SELECT min(day) FROM days WHERE months_back <= 11)
                   AND d.months_back BETWEEN 12 AND 23 AND (i.currency = :currency OR r.rate IS NOT NULL)
                   AND EXISTS (SELECT 1 FROM need4)
                 GROUP BY 1, 2
            ),
            monthly AS (
                SELECT * FROM sales1 UNION ALL SELECT * FROM sales2 UNION ALL SELECT * FROM sales3 UNION ALL SELECT * FROM sales4
            ),
            months AS (
                SELECT k, CAST(CAST(:end AS date) - make_interval(months => k) AS date)
                        - CAST(CAST(:end AS date) - make_interval(months => k + 1) AS date) AS days
                  FROM generate_series(0, 23) AS k
            ),
            counted_back AS (
                SELECT t.sales_rep, m.days, coalesce(mo.sales, 0) AS sales, t.open_at_end,
                       coalesce(sum(mo.sales) OVER (PARTITION BY t.sales_rep ORDER BY m.k
                                                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
                  FROM totals t
                 CROSS JOIN months m
                  LEFT JOIN monthly mo ON mo.sales_rep = t.sales_rep AND mo.months_back = m.k
            ),
            dso AS (
                SELECT sales_rep,
                       sum(CASE WHEN open_at_end <= before THEN 0
                                WHEN open_at_end >= before + sales THEN days
                                ELSE days * (open_at_end - before) / sales END) AS days
                  FROM counted_back
                 GROUP BY sales_rep
            ),
            promises AS (
                SELECT rc.sales_rep, count(*) AS broken
                  FROM broken_payment_promise p
                  JOIN rep_customer rc ON rc.customer_id = p.customer_id
                                      AND p.promised_on >= rc.valid_from AND p.promised_on < rc.valid_to
                 WHERE p.promised_on BETWEEN :from AND :end
                 GROUP BY rc.sales_rep
            ),
            stops AS (
                SELECT rc.sales_rep, count(DISTINCT b.customer_id) AS stopped
                  FROM bounced_cheque_stop b
                  JOIN rep_customer rc ON rc.customer_id = b.customer_id
                                      AND b.bounced_on >= rc.valid_from AND b.bounced_on < rc.valid_to
                 WHERE b.bounced_on BETWEEN :from AND :end
                 GROUP BY rc.sales_rep
            ),
            bad_releases AS (
                SELECT rc.sales_rep, count(DISTINCT o.order_no) AS released
                  FROM released_blocked_order o
                  JOIN rep_customer rc ON rc.customer_id = o.customer_id
                                      AND o.order_date >= rc.valid_from AND o.order_date < rc.valid_to
                  JOIN receivable_invoice i ON i.order_no = o.order_no AND i.customer_id = o.customer_id
                 WHERE o.released_on BETWEEN :from AND :end
                   AND i.due_date + 60 <= :asOf
                   AND i.amount > (SELECT coalesce(sum(s.amount), 0) FROM receivable_settlement s
                                    WHERE s.invoice_id = i.id AND s.settled_on <= i.due_date + 60
                                      AND (s.reversed_on IS NULL OR s.reversed_on > i.due_date + 60))
                 GROUP BY rc.sales_rep
            )
            SELECT reps.code AS sales_rep, reps.name, reps.area_code AS area,
                   round(t.invoiced, 2) AS invoiced,
                   round(t.collected, 2) AS collected,
                   round(t.collected_on_time, 2) AS collected_on_time,
                   round(t.open_at_end, 2) AS open_at_end,
                   round(t.overdue, 2) AS overdue,
                   round(coalesce(d.days, 0), 1) AS dso,
                   round(t.written_off, 2) AS written_off,
                   coalesce(p.broken, 0) AS broken_promises,
                   coalesce(st.stopped, 0) AS bounced_stops,
                   coalesce(br.released, 0) AS bad_releases
              FROM reps
              JOIN totals t ON t.sales_rep = reps.code
              LEFT JOIN dso d ON d.sales_rep = reps.code
              LEFT JOIN promises p ON p.sales_rep = reps.code
              LEFT JOIN stops st ON st.sales_rep = reps.code
              LEFT JOIN bad_releases br ON br.sales_rep = reps.code
             ORDER BY reps.code
            """;

    /** The customers whose invoices (by the rep at issue) were most overdue at :end. */
    private static final String WORST_CUSTOMERS = """
            WITH rates AS (
                SELECT DISTINCT ON (r.from_currency) r.from_currency AS currency, r.rate
                  FROM exchange_rate r
                 WHERE r.to_currency = :currency AND r.valid_on <= :end
                 ORDER BY r.from_currency, r.valid_on DESC
            ),
            inv AS (
                SELECT i.id, i.customer_id, i.due_date, i.amount,
                       CASE WHEN i.currency = :currency THEN 1 ELSE r.rate END AS rate
                  FROM receivable_invoice i
                  JOIN customer_sales_rep_period rc ON rc.customer_id = i.customer_id AND rc.sales_rep = :rep
                                                  AND i.issue_date >= rc.valid_from AND i.issue_date < rc.valid_to
                  LEFT JOIN rates r ON r.currency = i.currency
                 WHERE i.issue_date <= :end AND i.due_date < :end AND (i.currency = :currency OR r.rate IS NOT NULL)
            ),
            open_items AS (
                SELECT inv.customer_id, inv.due_date,
                       (inv.amount - coalesce((SELECT sum(s.amount) FROM receivable_settlement s
                                               WHERE s.invoice_id = inv.id AND s.settled_on <= :end
                                                 AND (s.reversed_on IS NULL OR s.reversed_on > :end)), 0))
                       * inv.rate AS open_amount
                  FROM inv
            )
            SELECT c.code, c.name, round(sum(o.open_amount), 2) AS overdue, max(CAST(:end AS date) - o.due_date) AS max_days
              FROM open_items o
              JOIN customer c ON c.id = o.customer_id
             WHERE o.open_amount > 0
             GROUP BY c.code, c.name
             ORDER BY overdue DESC, c.code
             LIMIT :limit
            """;

    /** One worst customer of a rep's page. */
    record WorstCustomer(String code, String name, BigDecimal overdue, int maxDays) {}

    private final JdbcClient jdbc;

    KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs in the caller's transaction (or its own) because it turns sorting off for its statement: the planner
     * cannot foresee how many invoices a rep-period join keeps (hundreds of thousands, not hundreds) and would
     * sort them to group by rep instead of hashing, which took about twice as long at 100,000 customers.
     */
    @Transactional(readOnly = true)
    List<RepKpis> kpis(LocalDate from, LocalDate end, LocalDate asOf, String currency, String[] reps, String[] areas) {
        int grace = graceDays();
        String sorting = jdbc.sql("SELECT current_setting('enable_sort')")
                .query(String.class)
                .single();
        jdbc.sql("SELECT set_config('enable_sort', 'off', true)")
                .query(String.class)
                .single();
        try {
            return jdbc.sql(KPIS)
                    .param("from", from)
                    .param("end", end)
                    .param("asOf", asOf)
                    .param("currency", currency)
                    .param("grace", grace)
                    .param("reps", reps)
                    .param("areas", areas)
                    .query((rs, n) -> row(rs))
                    .list();
        } finally {
            jdbc.sql("SELECT set_config('enable_sort', :sorting, true)")
                    .param("sorting", sorting)
                    .query(String.class)
                    .single();
        }
    }

    static RepKpis row(ResultSet rs) throws SQLException {
        BigDecimal collected = rs.getBigDecimal("collected");
        BigDecimal onTime = rs.getBigDecimal("collected_on_time");
        BigDecimal open = rs.getBigDecimal("open_at_end");
        BigDecimal overdue = rs.getBigDecimal("overdue");
        return new RepKpis(
                rs.getString("sales_rep"),
                rs.getString("name"),
                rs.getString("area"),
                rs.getBigDecimal("invoiced"),
                collected,
                onTime,
                Shares.of(onTime, collected),
                open,
                overdue,
                Shares.of(overdue, open),
                rs.getBigDecimal("dso"),
                rs.getBigDecimal("written_off"),
                rs.getInt("broken_promises"),
                rs.getInt("bounced_stops"),
                rs.getInt("bad_releases"));
    }

    List<WorstCustomer> worstCustomers(String rep, LocalDate end, String currency, int limit) {
        return jdbc.sql(WORST_CUSTOMERS)
                .param("rep", rep)
                .param("end", end)
                .param("currency", currency)
                .param("limit", limit)
                .query((rs, n) -> new WorstCustomer(
                        rs.getString("code"), rs.getString("name"), rs.getBigDecimal("overdue"), rs.getInt("max_days")))
                .list();
    }

    int graceDays() {
        return jdbc.sql("SELECT credit_grace_days()").query(Integer.class).single();
    }
}

package org.creditdesk.demo;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The demo's sales-appraisal story, written set-based over the loaded portfolio: each area's reps get
 * customers by how those customers pay (the first rep the most punctual, the last the latest), East's last rep
 * is also its biggest seller, and some customers change hands during the history. Changes of
 * customer.sales_rep go through the history trigger of V70 with the transaction's business date.
 */
@Repository
class AppraisalDemoRepository {

    /** Each customer's lateness: amount-weighted days paid (or still open) after the due date, capped at 120. */
    private static final String BY_BEHAVIOUR = """
            WITH lateness AS (
                SELECT i.customer_id,
                       sum(i.amount * least(greatest(coalesce(CASE WHEN o.id IS NULL THEN a.last_paid END, :asOf)
                                                     - i.due_date, 0), 120)) / nullif(sum(i.amount), 0) AS days
                  FROM invoice i
                  LEFT JOIN open_item o ON o.id = i.id
                  LEFT JOIN (SELECT invoice_id, max(allocated_on) AS last_paid FROM allocation
                              WHERE reversed_on IS NULL GROUP BY invoice_id) a ON a.invoice_id = i.id
                 WHERE i.due_date <= :asOf
                 GROUP BY i.customer_id
            ),
            reps AS (
                SELECT area_code, code, row_number() OVER (PARTITION BY area_code ORDER BY code) AS n,
                       count(*) OVER (PARTITION BY area_code) AS reps
                  FROM sales_rep WHERE area_code IS NOT NULL
            ),
            ranked AS (
                SELECT c.id, c.area_code,
                       ntile(CAST((SELECT max(reps) FROM reps r WHERE r.area_code = c.area_code) AS int))
                           OVER (PARTITION BY c.area_code ORDER BY coalesce(l.days, 0), c.code) AS n
                  FROM customer c LEFT JOIN lateness l ON l.customer_id = c.id
                 WHERE EXISTS (SELECT 1 FROM reps r WHERE r.area_code = c.area_code)
            )
            UPDATE customer c SET sales_rep = r.code
              FROM ranked k JOIN reps r ON r.area_code = k.area_code AND r.n = k.n
             WHERE c.id = k.id
            """;

    /** East's last rep (the latest payers already) also gets East's biggest buyers among the late half. */
    private static final String EXCELLENT_SELLER = """
            WITH last_rep AS (
                SELECT code FROM sales_rep WHERE area_code = 'EAST' ORDER BY code DESC LIMIT 1
            ),
            volume AS (
                SELECT c.id, sum(i.amount) AS invoiced
                  FROM customer c JOIN invoice i ON i.customer_id = c.id
                 WHERE c.area_code = 'EAST' AND i.issue_date > CAST(:asOf AS date) - 365
                   AND EXISTS (SELECT 1 FROM open_item o WHERE o.customer_id = c.id
                                AND o.due_date < CAST(:asOf AS date) - 15)
                 GROUP BY c.id
                 ORDER BY invoiced DESC
                 LIMIT 15
            )
            UPDATE customer c SET sales_rep = (SELECT code FROM last_rep)
              FROM volume v WHERE c.id = v.id AND EXISTS (SELECT 1 FROM last_rep)
            """;

    /**
     * Every n-th customer moves to the next rep of its area on the given date (the last rep keeps his, so the
     * latest payers never land with the diligent first rep).
     */
    private static final String HAND_OVER = """
            WITH reps AS (
                SELECT area_code, code, lead(code) OVER (PARTITION BY area_code ORDER BY code) AS next
                  FROM sales_rep WHERE area_code IS NOT NULL
            )
            UPDATE customer c SET sales_rep = r.next
              FROM reps r
             WHERE r.area_code = c.area_code AND r.code = c.sales_rep AND r.next IS NOT NULL
               AND c.id % :every = :remainder
            """;

    private static final String BUSINESS_DATE = "SELECT set_config('creditdesk.business_date', :on, true)";

    private static final String LINK_LOGIN = """
            INSERT INTO sales_rep_login (username, sales_rep)
            SELECT :username, code FROM sales_rep WHERE area_code = :area ORDER BY code LIMIT 1 OFFSET 1
            ON CONFLICT (username) DO NOTHING
            """;

    private final JdbcClient jdbc;

    AppraisalDemoRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: the assignment counts from the start of the history. */
    int assignByBehaviour(LocalDate asOf) {
        businessDate("-infinity");
        int moved = jdbc.sql(BY_BEHAVIOUR).param("asOf", asOf).update();
        return moved + jdbc.sql(EXCELLENT_SELLER).param("asOf", asOf).update();
    }

    /** In the caller's transaction: hands every n-th customer to the next rep as of a date. */
    int handOver(LocalDate on, int every, int remainder) {
        businessDate(on.toString());
        return jdbc.sql(HAND_OVER)
                .param("every", every)
                .param("remainder", remainder)
                .update();
    }

    void linkLogin(String username, String area) {
        jdbc.sql(LINK_LOGIN).param("username", username).param("area", area).update();
    }

    private void businessDate(String on) {
        jdbc.sql(BUSINESS_DATE).param("on", on).query(String.class).single();
    }
}

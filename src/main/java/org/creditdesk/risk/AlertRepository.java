package org.creditdesk.risk;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AlertRepository {

    // A link is announced once per pair (partial unique index); other alerts every time they happen.
    private static final String INSERT = """
            INSERT INTO risk_alert (at, customer_id, type, message, message_key, message_args, related_customer_id,
                                    business_date)
            VALUES (:at, :customerId, :type, :message, :key, CAST(:args AS text[]), :relatedCustomerId, :businessDate)
            ON CONFLICT DO NOTHING
            """;
    // areas: empty array = every area.
    private static final String AFTER = """
            SELECT a.id, a.at, c.code AS customer_code, a.type, a.message, r.code AS related_code, a.business_date
            FROM risk_alert a
            JOIN customer c ON c.id = a.customer_id
            LEFT JOIN customer r ON r.id = a.related_customer_id
            WHERE a.id > :after
              AND (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            ORDER BY a.id
            LIMIT :limit
            """;

    // "First goes overdue": the customer's oldest overdue open invoice fell due the day before, so
    // yesterday nothing of it was overdue. Uses the open-invoice index; once per customer and date.
    private static final String FIRST_OVERDUE = """
            INSERT INTO risk_alert (at, customer_id, type, message, message_key, message_args, business_date)
            SELECT :at, i.customer_id, 'FIRST_OVERDUE',
                   'First overdue: ' || count(*) || ' invoice(s) fell due on ' || min(i.due_date)
                   || ', ' || sum(i.open_amount) || ' open',
                   'risk.alert.firstOverdue',
                   ARRAY[CAST(count(*) AS text), CAST(min(i.due_date) AS text), CAST(sum(i.open_amount) AS text)],
                   CAST(:asOf AS date)
            FROM open_item i
            WHERE i.due_date < CAST(:asOf AS date)
            GROUP BY i.customer_id
            HAVING min(i.due_date) = CAST(:asOf AS date) - 1
               AND NOT EXISTS (SELECT 1 FROM risk_alert a
                               WHERE a.customer_id = i.customer_id AND a.type = 'FIRST_OVERDUE'
                                 AND a.business_date = CAST(:asOf AS date))
            """;

    private final JdbcClient jdbc;

    AlertRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int raiseFirstOverdue(java.time.LocalDate asOf, OffsetDateTime at) {
        return jdbc.sql(FIRST_OVERDUE).param("asOf", asOf).param("at", at).update();
    }

    boolean insert(
            OffsetDateTime at,
            long customerId,
            AlertType type,
            String message,
            @Nullable String key,
            List<String> args,
            @Nullable Long relatedCustomerId,
            @Nullable LocalDate businessDate) {
        return jdbc.sql(INSERT)
                        .param("at", at)
                        .param("customerId", customerId)
                        .param("type", type.name())
                        .param("message", message)
                        .param("key", key, java.sql.Types.VARCHAR)
                        .param("args", args.toArray(String[]::new))
                        .param("relatedCustomerId", relatedCustomerId)
                        .param("businessDate", businessDate)
                        .update()
                == 1;
    }

    List<Alert> after(long after, String[] areas, int limit) {
        return jdbc.sql(AFTER)
                .param("after", after)
                .param("areas", areas)
                .param("limit", limit)
                .query((rs, n) -> new Alert(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("customer_code"),
                        AlertType.valueOf(rs.getString("type")),
                        rs.getString("message"),
                        rs.getString("related_code"),
                        rs.getObject("business_date", LocalDate.class)))
                .list();
    }
}

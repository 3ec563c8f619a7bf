package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ActivityRepository {

    private static final String INSERT = """
            INSERT INTO collection_activity (customer_id, type, happened_on, contact_id, note, next_action_on, created_by)
            VALUES (:customerId, :type, :on, :contactId, :note, :nextActionOn, :by)
            RETURNING id
            """;
    private static final String LINK = """
            INSERT INTO collection_activity_invoice (activity_id, invoice_id)
            SELECT :activityId, unnest(CAST(:invoiceIds AS bigint[]))
            """;
    private static final String OF_CUSTOMER = """
            SELECT a.id, c.code, a.type, a.happened_on, a.contact_id, k.name AS contact_name, a.note, a.next_action_on,
                   a.created_by,
                   ARRAY(SELECT i.invoice_no FROM collection_activity_invoice ai
                         JOIN collections_invoice i ON i.id = ai.invoice_id
                         WHERE ai.activity_id = a.id ORDER BY i.invoice_no) AS invoice_nos
            FROM collection_activity a
            JOIN customer c ON c.id = a.customer_id
            LEFT JOIN customer_contact k ON k.id = a.contact_id
            WHERE a.customer_id = :customerId AND (CAST(:id AS bigint) IS NULL OR a.id = :id)
            ORDER BY a.happened_on DESC, a.id DESC
            LIMIT :limit
            """;

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long customerId, Activity a, List<Long> invoiceIds) {
        long id = jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("type", a.type().name())
                .param("on", a.on())
                .param("contactId", a.contactId())
                .param("note", a.note())
                .param("nextActionOn", a.nextActionOn())
                .param("by", a.createdBy())
                .query(Long.class)
                .single();
        if (!invoiceIds.isEmpty()) {
            jdbc.sql(LINK)
                    .param("activityId", id)
                    .param("invoiceIds", invoiceIds.toArray(Long[]::new))
                    .update();
        }
        return id;
    }

    List<Activity> ofCustomer(long customerId, int limit) {
        return select(customerId, null, limit);
    }

    Activity find(long customerId, long id) {
        return select(customerId, id, 1).getFirst();
    }

    private List<Activity> select(long customerId, @Nullable Long id, int limit) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .param("id", id)
                .param("limit", limit)
                .query((rs, n) -> new Activity(
                        rs.getLong("id"),
                        rs.getString("code"),
                        ActivityType.valueOf(rs.getString("type")),
                        rs.getObject("happened_on", LocalDate.class),
                        rs.getObject("contact_id", Long.class),
                        rs.getString("contact_name"),
                        Arrays.asList((String[]) rs.getArray("invoice_nos").getArray()),
                        rs.getString("note"),
                        rs.getObject("next_action_on", LocalDate.class),
                        rs.getString("created_by")))
                .list();
    }
}

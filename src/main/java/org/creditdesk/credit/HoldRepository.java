package org.creditdesk.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HoldRepository {

    private static final String COLUMNS = """
            SELECT h.id, c.code AS customer_code, h.reason, h.automatic, h.note, h.placed_by, h.placed_at,
                   h.lifted_by, h.lifted_at, h.lift_note
            FROM customer_hold h
            JOIN customer c ON c.id = h.customer_id
            """;
    private static final String ACTIVE =
            COLUMNS + "WHERE h.customer_id = :customerId AND h.lifted_at IS NULL ORDER BY h.id";
    private static final String OF_CUSTOMER =
            COLUMNS + "WHERE h.customer_id = :customerId ORDER BY h.id DESC LIMIT :limit";
    private static final String BY_ID = COLUMNS + "WHERE h.id = :id AND h.customer_id = :customerId";
    private static final String INSERT = """
            INSERT INTO customer_hold (customer_id, reason, automatic, note, placed_by, placed_at)
            VALUES (:customerId, :reason, :automatic, :note, :by, :at)
            ON CONFLICT (customer_id, reason) WHERE lifted_at IS NULL DO NOTHING
            RETURNING id
            """;
    private static final String LIFT = """
            UPDATE customer_hold SET lifted_by = :by, lifted_at = :at, lift_note = :note
            WHERE id = :id AND lifted_at IS NULL
            """;

    // The daily run's holds, set-based: one statement places, one lifts, for the whole portfolio.
    private static final String PLACE_OVERDUE = """
            INSERT INTO customer_hold (customer_id, reason, automatic, note, placed_by, placed_at)
            SELECT b.customer_id, 'OVERDUE', TRUE, :note, :by, :at
            FROM (SELECT DISTINCT unnest(CAST(:ids AS bigint[])) AS customer_id) b
            ORDER BY b.customer_id
            ON CONFLICT (customer_id, reason) WHERE lifted_at IS NULL DO NOTHING
            RETURNING id
            """;
    private static final String LIFT_CLEARED_OVERDUE = """
            WITH beyond AS (SELECT DISTINCT unnest(CAST(:ids AS bigint[])) AS customer_id)
            UPDATE customer_hold h SET lifted_by = :by, lifted_at = :at, lift_note = :note
            WHERE h.lifted_at IS NULL AND h.automatic AND h.reason = 'OVERDUE'
              AND NOT EXISTS (SELECT 1 FROM beyond b WHERE b.customer_id = h.customer_id)
            RETURNING h.id
            """;
    private static final String BY_IDS = """
            SELECT h.id, c.code AS customer_code, h.reason, h.automatic, h.note, h.placed_by, h.placed_at,
                   h.lifted_by, h.lifted_at, h.lift_note,
                   NOT EXISTS (SELECT 1 FROM customer_hold o WHERE o.customer_id = h.customer_id AND o.lifted_at IS NULL)
                       AS none_left
            FROM customer_hold h
            JOIN customer c ON c.id = h.customer_id
            WHERE h.id = ANY(CAST(:ids AS bigint[]))
            ORDER BY h.id
            """;

    private final JdbcClient jdbc;

    HoldRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CustomerHold> active(long customerId) {
        return jdbc.sql(ACTIVE)
                .param("customerId", customerId)
                .query(HoldRepository::map)
                .list();
    }

    List<CustomerHold> ofCustomer(long customerId, int limit) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .param("limit", limit)
                .query(HoldRepository::map)
                .list();
    }

    Optional<CustomerHold> find(long customerId, long id) {
        return jdbc.sql(BY_ID)
                .param("id", id)
                .param("customerId", customerId)
                .query(HoldRepository::map)
                .optional();
    }

    /** The new hold's id, or empty when the customer is already on hold for this reason. */
    Optional<Long> insert(
            long customerId,
            HoldReason reason,
            boolean automatic,
            @Nullable String note,
            String by,
            OffsetDateTime at) {
        return jdbc.sql(INSERT)
                .param("customerId", customerId)
                .param("reason", reason.name())
                .param("automatic", automatic)
                .param("note", note)
                .param("by", by)
                .param("at", at)
                .query(Long.class)
                .optional();
    }

    boolean lift(long id, String by, OffsetDateTime at, @Nullable String note) {
        return jdbc.sql(LIFT)
                        .param("id", id)
                        .param("by", by)
                        .param("at", at)
                        .param("note", note)
                        .update()
                == 1;
    }

    /** Automatic OVERDUE holds for these customers where none is active; the new holds' ids. */
    List<Long> placeOverdue(Collection<Long> customerIds, String note, String by, OffsetDateTime at) {
        if (customerIds.isEmpty()) return List.of();
        return jdbc.sql(PLACE_OVERDUE)
                .param("ids", customerIds.toArray(Long[]::new))
                .param("note", note)
                .param("by", by)
                .param("at", at)
                .query(Long.class)
                .list();
    }

    /** Lifts every active automatic OVERDUE hold of a customer not among these; the lifted holds' ids. */
    List<Long> liftOverdueExcept(Collection<Long> customerIds, String note, String by, OffsetDateTime at) {
        return jdbc.sql(LIFT_CLEARED_OVERDUE)
                .param("ids", customerIds.toArray(Long[]::new))
                .param("note", note)
                .param("by", by)
                .param("at", at)
                .query(Long.class)
                .list();
    }

    /** A hold and whether its customer has no active hold left. */
    record WithRest(CustomerHold hold, boolean noneLeft) {}

    List<WithRest> byIds(List<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql(BY_IDS)
                .param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> new WithRest(map(rs, n), rs.getBoolean("none_left")))
                .list();
    }

    private static CustomerHold map(ResultSet rs, int row) throws SQLException {
        return new CustomerHold(
                rs.getLong("id"),
                rs.getString("customer_code"),
                HoldReason.valueOf(rs.getString("reason")),
                rs.getBoolean("automatic"),
                rs.getString("note"),
                rs.getString("placed_by"),
                rs.getObject("placed_at", OffsetDateTime.class),
                rs.getString("lifted_by"),
                rs.getObject("lifted_at", OffsetDateTime.class),
                rs.getString("lift_note"));
    }
}

package org.creditdesk.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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

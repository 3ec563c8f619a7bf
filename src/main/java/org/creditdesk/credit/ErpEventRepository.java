package org.creditdesk.credit;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ErpEventRepository {

    /*
     * Writers take no lock (V142): an event is inserted with its transaction's id (xid8) and no feed id.
     * A reader gives feed ids to the waiting events whose transaction is older than every transaction
     * still running, so no event can later commit before them; in (xid, entry) order, after the largest
     * id given so far. Numbering is serialised among readers only, with a lock held to commit so the
     * next reader sees the ids given; a reader that finds the lock taken just reads what is numbered.
     */
    private static final String TRY_NUMBERING = "SELECT pg_try_advisory_xact_lock(hashtext('erp_event_feed'))";
    private static final String NUMBER_READABLE = """
            WITH readable AS (
                SELECT entry, row_number() OVER (ORDER BY xid, entry) AS n
                FROM erp_event
                WHERE id IS NULL AND xid < pg_snapshot_xmin(pg_current_snapshot())
            )
            UPDATE erp_event e
            SET id = (SELECT coalesce(max(id), 0) FROM erp_event) + readable.n
            FROM readable
            WHERE e.entry = readable.entry
            """;
    private static final String INSERT = """
            INSERT INTO erp_event (type, customer_code, order_no, at, payload)
            VALUES (:type, :customerCode, :orderNo, :at, CAST(:payload AS jsonb))
            """;
    private static final String INSERT_ALL = """
            INSERT INTO erp_event (type, customer_code, at, payload)
            SELECT CAST(:type AS text), e.customer_code, CAST(:at AS timestamptz), CAST(e.payload AS jsonb)
            FROM unnest(CAST(:customerCodes AS text[]), CAST(:payloads AS text[])) WITH ORDINALITY AS e (customer_code, payload, n)
            ORDER BY e.n
            """;
    private static final String AFTER = """
            SELECT id, type, customer_code, order_no, at, payload::text AS payload
            FROM erp_event
            WHERE id > :after
            ORDER BY id
            LIMIT :limit
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ErpEventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        // Amounts in stored JSON are exact decimals; reading them as doubles would round them.
        this.json = json.rebuild()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    void insert(ErpEventType type, String customerCode, @Nullable String orderNo, OffsetDateTime at, String payload) {
        jdbc.sql(INSERT)
                .param("type", type.name())
                .param("customerCode", customerCode)
                .param("orderNo", orderNo)
                .param("at", at)
                .param("payload", payload)
                .update();
    }

    int insertAll(ErpEventType type, String[] customerCodes, String[] payloads, OffsetDateTime at) {
        return jdbc.sql(INSERT_ALL)
                .param("type", type.name())
                .param("customerCodes", customerCodes)
                .param("payloads", payloads)
                .param("at", at)
                .update();
    }

    /** Numbers the events that became readable (must run in a transaction: the lock is held to its commit). */
    void numberReadable() {
        if (jdbc.sql(TRY_NUMBERING).query(Boolean.class).single()) {
            jdbc.sql(NUMBER_READABLE).update();
        }
    }

    List<ErpEvent> after(long after, int limit) {
        return jdbc.sql(AFTER)
                .param("after", after)
                .param("limit", limit)
                .query((rs, n) -> new ErpEvent(
                        rs.getLong("id"),
                        ErpEventType.valueOf(rs.getString("type")),
                        rs.getString("customer_code"),
                        rs.getString("order_no"),
                        rs.getObject("at", OffsetDateTime.class),
                        json.readTree(rs.getString("payload"))))
                .list();
    }
}

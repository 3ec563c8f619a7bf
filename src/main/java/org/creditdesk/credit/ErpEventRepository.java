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
     * A sequence hands out ids before commit, so without this lock a later id could commit first and a
     * reader resuming "after" it would skip the earlier one for ever. The transaction-scoped lock makes
     * writers take ids in commit order; events are rare (holds, blocks, limit changes), so it is cheap.
     */
    private static final String SERIALISE_WRITERS = "SELECT pg_advisory_xact_lock(hashtext('erp_event'))";
    private static final String INSERT = """
            INSERT INTO erp_event (type, customer_code, order_no, at, payload)
            VALUES (:type, :customerCode, :orderNo, :at, CAST(:payload AS jsonb))
            RETURNING id
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

    long insert(ErpEventType type, String customerCode, @Nullable String orderNo, OffsetDateTime at, String payload) {
        jdbc.sql(SERIALISE_WRITERS).query().listOfRows();
        return jdbc.sql(INSERT)
                .param("type", type.name())
                .param("customerCode", customerCode)
                .param("orderNo", orderNo)
                .param("at", at)
                .param("payload", payload)
                .query(Long.class)
                .single();
    }

    int insertAll(ErpEventType type, String[] customerCodes, String[] payloads, OffsetDateTime at) {
        jdbc.sql(SERIALISE_WRITERS).query().listOfRows();
        return jdbc.sql(INSERT_ALL)
                .param("type", type.name())
                .param("customerCodes", customerCodes)
                .param("payloads", payloads)
                .param("at", at)
                .update();
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

package org.creditdesk.risk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The party keys and the links they make. Reads the customer master's tables directly for the
 * set-based rebuild (a batch of customers in one statement) and the credit accounts for the
 * linked customers' states (one join instead of one facade call per linked customer).
 */
@Repository
class LinkRepository {

    /** A link as the lookup finds it, with the linked customer's credit facts. */
    record Found(
            long linkedId,
            String linkedCode,
            String linkedArea,
            LinkAttribute attribute,
            String value,
            String creditState,
            boolean legal,
            boolean cleared) {}

    /** A customer linked to a stopped or legal customer, with one key they share, not cleared. */
    record Blocking(
            long customerId, String customerCode, long linkedId, String linkedCode, String attribute, String value) {}

    private static final String ALL_IDS = "SELECT id FROM customer ORDER BY id";

    private static final String PARTIES = """
            SELECT c.id, c.address, c.email,
                   ARRAY(SELECT p.phone FROM customer_phone p WHERE p.customer_id = c.id ORDER BY p.position) AS phones,
                   ARRAY(SELECT b.account_no FROM customer_bank_account b
                         WHERE b.customer_id = c.id ORDER BY b.position) AS bank_accounts,
                   ARRAY(SELECT pp.name FROM customer_person pp
                         WHERE pp.customer_id = c.id ORDER BY pp.position) AS person_names,
                   ARRAY(SELECT coalesce(pp.id_no, '') FROM customer_person pp
                         WHERE pp.customer_id = c.id ORDER BY pp.position) AS person_id_nos
            FROM customer c
            WHERE c.id = ANY(CAST(:ids AS bigint[]))
            """;

    private static final String DELETE_KEYS = "DELETE FROM party_key WHERE customer_id = ANY(CAST(:ids AS bigint[]))";
    /*
     * A customer's keys are distinct (NormalisedKeys gives a set) and its old keys were deleted just
     * before, so only a transaction re-keying the same customer at the same time can conflict. Where
     * the caller holds the customers' rows no other one can (a customers file's inserted and changed
     * customers): the keys go in without ON CONFLICT, whose arbiter probe and speculative insertion were
     * about a quarter of writing them (182,796 keys: 4.7 against 3.4 s of CPU).
     */
    private static final String INSERT_KEYS = """
            INSERT INTO party_key (customer_id, attribute, value)
            SELECT c, a, v FROM unnest(CAST(:ids AS bigint[]), CAST(:attributes AS text[]), CAST(:values AS text[]))
                AS k (c, a, v)
            """;
    private static final String INSERT_KEYS_UNLESS_PRESENT = INSERT_KEYS + "ON CONFLICT DO NOTHING\n";

    /*
     * The links endpoint: the customer's keys (primary key range), then for each key the other
     * customers holding it (one range of party_key_value_idx each). A state is STOPPED for a legal
     * account too: both block the customers linked to them.
     */
    static final String LINKS_OF = """
            SELECT other.customer_id AS linked_id, c.code AS linked_code, c.area_code AS linked_area, mine.attribute,
                   mine.value,
                   coalesce(ca.credit_state, 'ACTIVE') AS credit_state, coalesce(ca.legal, false) AS legal,
                   EXISTS (SELECT 1 FROM link_clearance lc
                           WHERE lc.customer_id = mine.customer_id AND lc.linked_customer_id = other.customer_id) AS cleared
            FROM party_key mine
            JOIN party_key other
              ON other.attribute = mine.attribute AND other.value = mine.value AND other.customer_id <> mine.customer_id
            JOIN customer c ON c.id = other.customer_id
            LEFT JOIN credit_account ca ON ca.customer_id = other.customer_id
            WHERE mine.customer_id = :customerId
            ORDER BY c.code, mine.attribute, mine.value
            LIMIT :limit
            """;

    private static final String BLOCKING_OF = """
            SELECT DISTINCT ON (mine.customer_id, other.customer_id)
                   mine.customer_id, me.code AS customer_code, other.customer_id AS linked_id, c.code AS linked_code,
                   mine.attribute, mine.value
            FROM party_key mine
            JOIN party_key other
              ON other.attribute = mine.attribute AND other.value = mine.value AND other.customer_id <> mine.customer_id
            JOIN credit_account ca ON ca.customer_id = other.customer_id AND (ca.credit_state = 'STOPPED' OR ca.legal)
            JOIN customer me ON me.id = mine.customer_id
            JOIN customer c ON c.id = other.customer_id
            WHERE mine.customer_id = ANY(CAST(:ids AS bigint[]))
              AND NOT EXISTS (SELECT 1 FROM link_clearance lc
                              WHERE lc.customer_id = mine.customer_id AND lc.linked_customer_id = other.customer_id)
            ORDER BY mine.customer_id, other.customer_id, mine.attribute, mine.value
            """;

    private static final String LINKED_TO = """
            SELECT DISTINCT ON (other.customer_id)
                   other.customer_id, c.code AS customer_code, mine.customer_id AS linked_id, me.code AS linked_code,
                   mine.attribute, mine.value
            FROM party_key mine
            JOIN party_key other
              ON other.attribute = mine.attribute AND other.value = mine.value AND other.customer_id <> mine.customer_id
            JOIN customer me ON me.id = mine.customer_id
            JOIN customer c ON c.id = other.customer_id
            WHERE mine.customer_id = :stoppedId
              AND NOT EXISTS (SELECT 1 FROM link_clearance lc
                              WHERE lc.customer_id = other.customer_id AND lc.linked_customer_id = mine.customer_id)
            ORDER BY other.customer_id, mine.attribute, mine.value
            """;

    private static final String FLAGGED = """
            SELECT linked_to_stopped FROM credit_account WHERE customer_id = :customerId
            """;

    private static final String SHARED_KEYS = """
            SELECT count(*) FROM party_key mine
            JOIN party_key other ON other.attribute = mine.attribute AND other.value = mine.value
            WHERE mine.customer_id = :customerId AND other.customer_id = :linkedId
            """;

    private static final String CLEAR = """
            INSERT INTO link_clearance (customer_id, linked_customer_id, reason, cleared_by, cleared_at)
            VALUES (:customerId, :linkedId, :reason, :by, :at)
            ON CONFLICT (customer_id, linked_customer_id) DO NOTHING
            """;

    private final JdbcClient jdbc;

    LinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Long> allCustomerIds() {
        return jdbc.sql(ALL_IDS).query(Long.class).list();
    }

    List<NormalisedParty> parties(Collection<Long> ids) {
        return jdbc.sql(PARTIES)
                .param("ids", ids.toArray(Long[]::new))
                .query(LinkRepository::party)
                .list();
    }

    /**
     * Replaces the keys of these customers with the given ones: one delete, one insert. {@code rowsHeld}:
     * the caller's transaction holds the customers' rows (inserted or updated them).
     */
    void replaceKeys(Collection<Long> customerIds, List<Long> ids, List<NormalisedKey> keys, boolean rowsHeld) {
        jdbc.sql(DELETE_KEYS).param("ids", customerIds.toArray(Long[]::new)).update();
        if (keys.isEmpty()) return;
        jdbc.sql(rowsHeld ? INSERT_KEYS : INSERT_KEYS_UNLESS_PRESENT)
                .param("ids", ids.toArray(Long[]::new))
                .param(
                        "attributes",
                        keys.stream().map(k -> k.attribute().name()).toArray(String[]::new))
                .param("values", keys.stream().map(NormalisedKey::value).toArray(String[]::new))
                .update();
    }

    List<Found> linksOf(long customerId, int limit) {
        return jdbc.sql(LINKS_OF)
                .param("customerId", customerId)
                .param("limit", limit)
                .query((rs, n) -> new Found(
                        rs.getLong("linked_id"),
                        rs.getString("linked_code"),
                        rs.getString("linked_area"),
                        LinkAttribute.valueOf(rs.getString("attribute")),
                        rs.getString("value"),
                        rs.getString("credit_state"),
                        rs.getBoolean("legal"),
                        rs.getBoolean("cleared")))
                .list();
    }

    List<Blocking> blockingOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) return List.of();
        return jdbc.sql(BLOCKING_OF)
                .param("ids", customerIds.toArray(Long[]::new))
                .query(LinkRepository::blocking)
                .list();
    }

    List<Blocking> linkedTo(long stoppedCustomerId) {
        return jdbc.sql(LINKED_TO)
                .param("stoppedId", stoppedCustomerId)
                .query(LinkRepository::blocking)
                .list();
    }

    boolean flagged(long customerId) {
        return jdbc.sql(FLAGGED)
                .param("customerId", customerId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    boolean linked(long customerId, long linkedId) {
        return jdbc.sql(SHARED_KEYS)
                        .param("customerId", customerId)
                        .param("linkedId", linkedId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean clear(long customerId, long linkedId, String reason, String by, OffsetDateTime at) {
        return jdbc.sql(CLEAR)
                        .param("customerId", customerId)
                        .param("linkedId", linkedId)
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", at)
                        .update()
                == 1;
    }

    private static Blocking blocking(ResultSet rs, int n) throws SQLException {
        return new Blocking(
                rs.getLong("customer_id"),
                rs.getString("customer_code"),
                rs.getLong("linked_id"),
                rs.getString("linked_code"),
                rs.getString("attribute"),
                rs.getString("value"));
    }

    private static NormalisedParty party(ResultSet rs, int n) throws SQLException {
        List<String> names = texts(rs.getArray("person_names"));
        List<String> idNos = texts(rs.getArray("person_id_nos"));
        List<NormalisedParty.Person> people = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String idNo = i < idNos.size() ? idNos.get(i) : "";
            people.add(new NormalisedParty.Person(names.get(i), idNo.isEmpty() ? null : idNo));
        }
        return new NormalisedParty(
                rs.getLong("id"),
                rs.getString("address"),
                rs.getString("email"),
                texts(rs.getArray("phones")),
                texts(rs.getArray("bank_accounts")),
                people);
    }

    private static List<String> texts(@Nullable Array array) throws SQLException {
        if (array == null) return List.of();
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}

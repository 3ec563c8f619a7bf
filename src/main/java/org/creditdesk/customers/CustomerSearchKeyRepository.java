package org.creditdesk.customers;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the customer names whose pinyin keys are stale and writes new keys in one statement. */
@Repository
class CustomerSearchKeyRepository {

    record StaleName(long id, String name) {}

    private static final String STALE_AMONG = """
            SELECT id, name FROM customer
            WHERE id = ANY(CAST(:ids AS bigint[])) AND name_pinyin_of IS DISTINCT FROM name
            """;
    private static final String STALE_IN_IMPORT = """
            SELECT c.id, c.name FROM customer c JOIN import_customer ic ON ic.code = c.code
            WHERE ic.changed AND c.name_pinyin_of IS DISTINCT FROM c.name
            """;
    /** The changed rows of a customers import whose stored keys (if any) are not those of the new name. */
    private static final String UNKEYED_IN_IMPORT = """
            SELECT ic.code, ic.name FROM import_customer ic LEFT JOIN customer c ON c.code = ic.code
            WHERE ic.changed AND c.name_pinyin_of IS DISTINCT FROM ic.name
            """;

    private static final String KEY_IMPORT = """
            UPDATE import_customer ic
            SET name_pinyin = k.pinyin, name_initials = k.initials, name_pinyin_of = ic.name
            FROM unnest(CAST(:codes AS text[]), CAST(:fulls AS text[]), CAST(:initials AS text[])) AS k (code, pinyin, initials)
            WHERE ic.code = k.code
            """;
    private static final String STALE_ANY = """
            SELECT id, name FROM customer WHERE name_pinyin_of IS DISTINCT FROM name ORDER BY id LIMIT :limit
            """;
    private static final String WRITE_KEYS = """
            UPDATE customer c
            SET name_pinyin = k.pinyin, name_initials = k.initials, name_pinyin_of = k.name
            FROM unnest(CAST(:ids AS bigint[]), CAST(:names AS text[]), CAST(:fulls AS text[]),
                        CAST(:initials AS text[])) AS k (id, name, pinyin, initials)
            WHERE c.id = k.id
            """;

    private final JdbcClient jdbc;

    CustomerSearchKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<StaleName> staleAmong(Collection<Long> ids) {
        return jdbc.sql(STALE_AMONG)
                .param("ids", ids.toArray(Long[]::new))
                .query(StaleName.class)
                .list();
    }

    /** The changed rows of a customers import; only inside the import's transaction (its temp table). */
    List<StaleName> staleInImport() {
        return jdbc.sql(STALE_IN_IMPORT).query(StaleName.class).list();
    }

    record UnkeyedName(String code, String name) {}

    /** Only inside a customers import's transaction (its temp table {@code import_customer}). */
    List<UnkeyedName> unkeyedInImport() {
        return jdbc.sql(UNKEYED_IN_IMPORT).query(UnkeyedName.class).list();
    }

    void keyImport(List<UnkeyedName> names, List<NamePinyin> keys) {
        jdbc.sql(KEY_IMPORT)
                .param("codes", names.stream().map(UnkeyedName::code).toArray(String[]::new))
                .param("fulls", keys.stream().map(NamePinyin::full).toArray(String[]::new))
                .param("initials", keys.stream().map(NamePinyin::initials).toArray(String[]::new))
                .update();
    }

    List<StaleName> staleAny(int limit) {
        return jdbc.sql(STALE_ANY).param("limit", limit).query(StaleName.class).list();
    }

    void write(List<StaleName> names, List<NamePinyin> keys) {
        jdbc.sql(WRITE_KEYS)
                .param("ids", names.stream().map(StaleName::id).toArray(Long[]::new))
                .param("names", names.stream().map(StaleName::name).toArray(String[]::new))
                .param("fulls", keys.stream().map(NamePinyin::full).toArray(String[]::new))
                .param("initials", keys.stream().map(NamePinyin::initials).toArray(String[]::new))
                .update();
    }
}

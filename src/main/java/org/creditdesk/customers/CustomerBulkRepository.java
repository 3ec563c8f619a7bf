package org.creditdesk.customers;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link CustomerBulkLoad}: one statement checks every row, a few set-based
 * statements upsert. Placeholders: {@code %1$s} the staging table, {@code %2$s} the rejection
 * table.
 */
@Repository
class CustomerBulkRepository {

    private static final String PERSON_ITEM =
            "'^(LEGAL_REPRESENTATIVE|DIRECTOR|SHAREHOLDER|GENERAL_MANAGER):[^:]*[^:[:space:]][^:]*(:.*)?$'";

    private static final String REJECT_INVALID = """
            WITH duplicate AS (
                SELECT code FROM %1$s WHERE code <> '' GROUP BY code HAVING count(*) > 1
            ), r AS MATERIALIZED (
                SELECT s.line, s.code, s.name, s.established_on, s.area, s.business_group, s.payment_term_days,
                       coalesce(nullif(s.currency, ''), :base) AS currency, s.email, s.language,
                       import_date(s.established_on) AS established, import_integer(s.payment_term_days) AS term_days,
                       (SELECT item FROM unnest(import_list(s.people)) AS item WHERE item !~ %3$s LIMIT 1) AS bad_person
                FROM %1$s s
            )
            INSERT INTO %2$s (line, position, field, message)
            SELECT p.line, v.position, v.field, v.message
            FROM (
                -- each message computed once per row; OFFSET 0 keeps the filter below out of here
                SELECT r.line,
                       CASE
                         WHEN coalesce(r.code, '') = '' THEN 'is required'
                         WHEN d.code IS NOT NULL THEN 'customer ' || r.code || ' appears more than once in the file'
                         WHEN c.id IS NOT NULL AND cardinality(CAST(:areas AS text[])) > 0
                              AND NOT c.area_code = ANY(CAST(:areas AS text[]))
                             THEN 'customer ' || r.code || ' is outside your areas'
                    END AS m1,
                       CASE WHEN coalesce(r.name, '') = '' THEN 'is required' END AS m2,
                       CASE
                         WHEN coalesce(r.established_on, '') <> '' AND r.established IS NULL
                             THEN '''' || r.established_on || ''' is not a date yyyy-MM-dd'
                    END AS m3,
                       CASE
                         WHEN coalesce(r.area, '') = '' THEN 'is required'
                         WHEN cardinality(CAST(:areas AS text[])) > 0 AND NOT r.area = ANY(CAST(:areas AS text[]))
                             THEN 'area ' || r.area || ' is outside your areas'
                    END AS m4,
                       CASE
                         WHEN coalesce(r.business_group, '') = '' THEN 'is required'
                         WHEN r.business_group NOT IN ('VOLUME', 'VALUE_ADDED')
                             THEN '''' || r.business_group || ''' is not one of VOLUME, VALUE_ADDED'
                    END AS m5,
                       CASE
                         WHEN coalesce(r.payment_term_days, '') = '' THEN 'is required'
                         WHEN r.term_days IS NULL OR r.term_days > 3650
                             THEN '''' || r.payment_term_days || ''' is not a number of days from 0 to 3650'
                    END AS m6,
                       CASE
                         WHEN r.currency <> :base AND NOT r.currency = ANY(CAST(:known AS text[]))
                             THEN '''' || r.currency || ''' is not an ISO 4217 currency'
                    END AS m7,
                       CASE
                         WHEN coalesce(r.email, '') <> '' AND r.email !~ '^[^@[:space:]]+@[^@[:space:]]+[.][^@[:space:]]+$'
                             THEN '''' || r.email || ''' is not an e-mail address'
                    END AS m8,
                       CASE
                         WHEN r.bad_person IS NOT NULL
                             THEN '''' || r.bad_person || ''' is not ROLE:name:idNo with ROLE one of LEGAL_REPRESENTATIVE, '
                                  || 'DIRECTOR, SHAREHOLDER, GENERAL_MANAGER'
                    END AS m9,
                       CASE
                         WHEN coalesce(r.language, '') <> '' AND lower(replace(r.language, '_', '-')) NOT IN ('en', 'zh-cn')
                             THEN '''' || r.language || ''' is not a letter language (en, zh-CN)'
                    END AS m10
                FROM r
                LEFT JOIN duplicate d ON d.code = r.code
                LEFT JOIN customer c ON c.code = r.code
                OFFSET 0
            ) p
            CROSS JOIN LATERAL (VALUES (1, 'code', p.m1), (2, 'name', p.m2), (3, 'establishedOn', p.m3), (4, 'area', p.m4), (5, 'businessGroup', p.m5), (6, 'paymentTermDays', p.m6), (7, 'currency', p.m7), (8, 'email', p.m8), (9, 'people', p.m9), (10, 'language', p.m10))
                AS v (position, field, message)
            WHERE num_nonnulls(p.m1, p.m2, p.m3, p.m4, p.m5, p.m6, p.m7, p.m8, p.m9, p.m10) > 0 AND v.message IS NOT NULL
            """;

    private static final String DISTINCT_AREAS = "SELECT DISTINCT area FROM %1$s ORDER BY area";

    private static final String INSERT_MISSING_SALES_REPS = """
            INSERT INTO sales_rep (code, name, area_code)
            SELECT DISTINCT ON (s.sales_rep) s.sales_rep, s.sales_rep, s.area
            FROM %1$s s
            WHERE s.sales_rep <> ''
            ORDER BY s.sales_rep, s.line
            ON CONFLICT (code) DO NOTHING
            """;

    /** The rows typed, with lists as arrays; {@code changed} is cleared for identical customers. */
    private static final String CREATE_TYPED = """
            CREATE TEMP TABLE import_customer (
                code TEXT PRIMARY KEY, name TEXT, registration_no TEXT, established_on DATE, area_code TEXT,
                business_group TEXT, sales_rep TEXT, payment_term_days INTEGER, currency TEXT, address TEXT, email TEXT,
                language TEXT,
                phones TEXT[], bank_accounts TEXT[], person_roles TEXT[], person_names TEXT[], person_id_nos TEXT[],
                changed BOOLEAN NOT NULL, name_pinyin TEXT, name_initials TEXT, name_pinyin_of TEXT
            ) ON COMMIT DROP
            """;

    private static final String FILL_TYPED = """
            INSERT INTO import_customer (code, name, registration_no, established_on, area_code, business_group,
                                         sales_rep, payment_term_days, currency, address, email, language, phones,
                                         bank_accounts,
                                         person_roles, person_names, person_id_nos, changed)
            SELECT s.code, s.name, nullif(s.registration_no, '') AS registration_no,
                   import_date(s.established_on) AS established_on, s.area AS area_code, s.business_group,
                   nullif(s.sales_rep, '') AS sales_rep, import_integer(s.payment_term_days) AS payment_term_days,
                   coalesce(nullif(s.currency, ''), :base) AS currency, nullif(s.address, '') AS address,
                   nullif(s.email, '') AS email,
                   CASE lower(replace(s.language, '_', '-')) WHEN 'en' THEN 'en' WHEN 'zh-cn' THEN 'zh-CN' END AS language,
                   import_list(s.phones) AS phones,
                   import_list(s.bank_accounts) AS bank_accounts,
                   ARRAY(SELECT split_part(p.item, ':', 1)
                         FROM unnest(import_list(s.people)) WITH ORDINALITY AS p (item, n) ORDER BY p.n) AS person_roles,
                   ARRAY(SELECT btrim(split_part(p.item, ':', 2))
                         FROM unnest(import_list(s.people)) WITH ORDINALITY AS p (item, n) ORDER BY p.n) AS person_names,
                   ARRAY(SELECT nullif(btrim(substr(p.item, length(split_part(p.item, ':', 1))
                                                           + length(split_part(p.item, ':', 2)) + 3)), '')
                         FROM unnest(import_list(s.people)) WITH ORDINALITY AS p (item, n) ORDER BY p.n) AS person_id_nos,
                   true AS changed
            FROM %1$s s
            """;

    private static final String MARK_UNCHANGED = """
            UPDATE import_customer ic
            SET changed = false
            FROM customer c
            WHERE c.code = ic.code
              AND (c.name, c.registration_no, c.established_on, c.area_code, c.business_group, c.sales_rep,
                   c.payment_term_days, CAST(c.currency AS text), c.address, c.email, c.language)
                  IS NOT DISTINCT FROM (ic.name, ic.registration_no, ic.established_on, ic.area_code, ic.business_group,
                                        ic.sales_rep, ic.payment_term_days, ic.currency, ic.address, ic.email,
                                        ic.language)
              AND ARRAY(SELECT phone FROM customer_phone WHERE customer_id = c.id ORDER BY position) = ic.phones
              AND ARRAY(SELECT account_no FROM customer_bank_account WHERE customer_id = c.id ORDER BY position)
                  = ic.bank_accounts
              AND ARRAY(SELECT role FROM customer_person WHERE customer_id = c.id ORDER BY position) = ic.person_roles
              AND ARRAY(SELECT name FROM customer_person WHERE customer_id = c.id ORDER BY position) = ic.person_names
              AND ARRAY(SELECT id_no FROM customer_person WHERE customer_id = c.id ORDER BY position) = ic.person_id_nos
            """;

    /**
     * The pinyin keys go in with the row ({@code name_pinyin_of} NULL: the stored keys are still those
     * of this name), so an imported customer is written once, not inserted and then updated.
     */
    private static final String UPSERT_CHANGED = """
            INSERT INTO customer (code, name, registration_no, established_on, area_code, business_group, sales_rep,
                                  payment_term_days, currency, address, email, language, name_pinyin, name_initials,
                                  name_pinyin_of)
            SELECT code, name, registration_no, established_on, area_code, business_group, sales_rep,
                   payment_term_days, currency, address, email, language, name_pinyin, name_initials, name_pinyin_of
            FROM import_customer
            WHERE changed
            ON CONFLICT (code) DO UPDATE
            SET name = EXCLUDED.name, registration_no = EXCLUDED.registration_no,
                established_on = EXCLUDED.established_on, area_code = EXCLUDED.area_code,
                business_group = EXCLUDED.business_group, sales_rep = EXCLUDED.sales_rep,
                payment_term_days = EXCLUDED.payment_term_days, currency = EXCLUDED.currency,
                address = EXCLUDED.address, email = EXCLUDED.email, language = EXCLUDED.language,
                name_pinyin = CASE WHEN EXCLUDED.name_pinyin_of IS NULL THEN customer.name_pinyin ELSE EXCLUDED.name_pinyin END,
                name_initials = CASE WHEN EXCLUDED.name_pinyin_of IS NULL THEN customer.name_initials
                                     ELSE EXCLUDED.name_initials END,
                name_pinyin_of = coalesce(EXCLUDED.name_pinyin_of, customer.name_pinyin_of),
                updated_at = now(), version = customer.version + 1
            """;

    private static final String CHANGED_IDS =
            "SELECT c.id FROM customer c JOIN import_customer ic ON ic.code = c.code WHERE ic.changed";

    private static final String DELETE_PHONES = "DELETE FROM customer_phone WHERE customer_id IN (" + CHANGED_IDS + ")";
    private static final String DELETE_BANK_ACCOUNTS =
            "DELETE FROM customer_bank_account WHERE customer_id IN (" + CHANGED_IDS + ")";
    private static final String DELETE_PEOPLE =
            "DELETE FROM customer_person WHERE customer_id IN (" + CHANGED_IDS + ")";

    private static final String INSERT_PHONES = """
            INSERT INTO customer_phone (customer_id, position, phone)
            SELECT c.id, p.n, p.phone
            FROM import_customer ic
            JOIN customer c ON c.code = ic.code
            CROSS JOIN LATERAL unnest(ic.phones) WITH ORDINALITY AS p (phone, n)
            WHERE ic.changed
            """;

    private static final String INSERT_BANK_ACCOUNTS = """
            INSERT INTO customer_bank_account (customer_id, position, account_no)
            SELECT c.id, a.n, a.account_no
            FROM import_customer ic
            JOIN customer c ON c.code = ic.code
            CROSS JOIN LATERAL unnest(ic.bank_accounts) WITH ORDINALITY AS a (account_no, n)
            WHERE ic.changed
            """;

    private static final String INSERT_PEOPLE = """
            INSERT INTO customer_person (customer_id, position, name, id_no, role)
            SELECT c.id, p.n, p.name, p.id_no, p.role
            FROM import_customer ic
            JOIN customer c ON c.code = ic.code
            CROSS JOIN LATERAL unnest(ic.person_roles, ic.person_names, ic.person_id_nos) WITH ORDINALITY
                AS p (role, name, id_no, n)
            WHERE ic.changed
            """;

    private final JdbcClient jdbc;

    CustomerBulkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rejectInvalid(String staging, String rejections, String[] areas, String base, String[] knownCurrencies) {
        jdbc.sql(REJECT_INVALID.formatted(staging, rejections, PERSON_ITEM))
                .param("areas", areas)
                .param("base", base)
                .param("known", knownCurrencies)
                .update();
    }

    List<String> distinctAreas(String staging) {
        return jdbc.sql(DISTINCT_AREAS.formatted(staging)).query(String.class).list();
    }

    void insertMissingSalesReps(String staging) {
        jdbc.sql(INSERT_MISSING_SALES_REPS.formatted(staging)).update();
    }

    /** Types the staged rows into {@code import_customer} and marks the identical ones unchanged. */
    void prepare(String staging, String base) {
        jdbc.sql(CREATE_TYPED).update();
        jdbc.sql(FILL_TYPED.formatted(staging)).param("base", base).update();
        jdbc.sql(MARK_UNCHANGED).update();
    }

    /** Writes the prepared rows that changed (with the keys {@link CustomerSearchKeys} gave them). */
    int upsert() {
        int changed = jdbc.sql(UPSERT_CHANGED).update();
        for (String sql : List.of(
                DELETE_PHONES,
                DELETE_BANK_ACCOUNTS,
                DELETE_PEOPLE,
                INSERT_PHONES,
                INSERT_BANK_ACCOUNTS,
                INSERT_PEOPLE)) {
            jdbc.sql(sql).update();
        }
        return changed;
    }

    List<Long> changedIds() {
        return jdbc.sql(CHANGED_IDS + " ORDER BY c.id").query(Long.class).list();
    }
}

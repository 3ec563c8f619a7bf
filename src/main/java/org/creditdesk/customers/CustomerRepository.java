package org.creditdesk.customers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerRepository {

    private static final String MASTER_COLUMNS = """
            id, code, name, registration_no, established_on, area_code, business_group, sales_rep,
            payment_term_days, currency, address, email, language, version, created_at, updated_at
            """;
    // The customer with its phones, bank accounts and people in one statement (one round trip per read); the
    // people's three lists in one pass over customer_person (PEOPLE), not one sub-select per list.
    private static final String CHILDREN = """
            , ARRAY(SELECT p.phone FROM customer_phone p WHERE p.customer_id = c.id ORDER BY p.position) AS phones,
            ARRAY(SELECT a.account_no FROM customer_bank_account a WHERE a.customer_id = c.id ORDER BY a.position)
                AS accounts,
            pp.person_names, pp.person_ids, pp.person_roles
            """;
    private static final String PEOPLE = """
             CROSS JOIN LATERAL (
                SELECT coalesce(array_agg(p.name ORDER BY p.position), '{}') AS person_names,
                       coalesce(array_agg(p.id_no ORDER BY p.position), '{}') AS person_ids,
                       coalesce(array_agg(p.role ORDER BY p.position), '{}') AS person_roles
                FROM customer_person p WHERE p.customer_id = c.id) pp
            """;
    private static final String BY_CODE =
            "SELECT " + MASTER_COLUMNS + CHILDREN + " FROM customer c" + PEOPLE + " WHERE c.code = :code";
    private static final String BY_CODE_FOR_UPDATE = BY_CODE + " FOR UPDATE OF c";
    // The customer read (issue 14): the customer with its receivables summary and score in one round trip,
    // through the SQL functions the ledger and risk publish (V114).
    private static final String BY_CODE_WITH_FIGURES =
            "SELECT " + MASTER_COLUMNS + CHILDREN + """
            , s.open_receivables, s.overdue_amount, s.max_days_overdue, s.released_orders, s.unapplied_cash,
            customer_current_score(c.id) AS score
            FROM customer c
            CROSS JOIN LATERAL ledger_receivables_summary(c.id, CAST(:asOf AS date)) s
            """ + PEOPLE + " WHERE c.code = :code";

    // A concurrent create of the same code loses the race quietly and is then treated as an update.
    private static final String INSERT = """
            INSERT INTO customer (code, name, registration_no, established_on, area_code, business_group, sales_rep,
                                  payment_term_days, currency, address, email, language)
            VALUES (:code, :name, :registrationNo, :establishedOn, :area, :businessGroup, :salesRep,
                    :paymentTermDays, :currency, :address, :email, :language)
            ON CONFLICT (code) DO NOTHING
            RETURNING id
            """;
    private static final String UPDATE = """
            UPDATE customer
            SET name = :name, registration_no = :registrationNo, established_on = :establishedOn, area_code = :area,
                business_group = :businessGroup, sales_rep = :salesRep, payment_term_days = :paymentTermDays,
                currency = :currency, address = :address, email = :email, language = :language,
                version = version + 1, updated_at = now()
            WHERE id = :id AND version = :version
            """;

    private static final String DELETE_PHONES = "DELETE FROM customer_phone WHERE customer_id = :id";
    private static final String DELETE_BANK_ACCOUNTS = "DELETE FROM customer_bank_account WHERE customer_id = :id";
    private static final String DELETE_PEOPLE = "DELETE FROM customer_person WHERE customer_id = :id";
    private static final String INSERT_PHONES = """
            INSERT INTO customer_phone (customer_id, position, phone)
            SELECT :id, p.position, p.phone
            FROM unnest(CAST(:phones AS text[])) WITH ORDINALITY AS p (phone, position)
            """;
    private static final String INSERT_BANK_ACCOUNTS = """
            INSERT INTO customer_bank_account (customer_id, position, account_no)
            SELECT :id, a.position, a.account_no
            FROM unnest(CAST(:accounts AS text[])) WITH ORDINALITY AS a (account_no, position)
            """;
    private static final String INSERT_PEOPLE = """
            INSERT INTO customer_person (customer_id, position, name, id_no, role)
            SELECT :id, p.position, p.name, p.id_no, p.role
            FROM unnest(CAST(:names AS text[]), CAST(:idNos AS text[]), CAST(:roles AS text[]))
                 WITH ORDINALITY AS p (name, id_no, role, position)
            """;

    private static final String INSERT_SALES_REP_IF_MISSING = """
            INSERT INTO sales_rep (code, name, area_code) VALUES (:code, :code, :area)
            ON CONFLICT (code) DO NOTHING
            """;

    /*
     * One statement serves every combination of filters: an absent filter is a NULL parameter that
     * switches its condition off. :areas is empty for callers who see every area. The code prefix
     * and name part are LIKE patterns with the user's wildcards escaped (see likeEscaped).
     */
    private static final String SEARCH_CONDITIONS = """
            FROM customer c
            WHERE (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
              AND (CAST(:area AS text) IS NULL OR c.area_code = CAST(:area AS text))
              AND (CAST(:codePrefix AS text) IS NULL
                   OR lower(c.code) LIKE CAST(:codePrefix AS text)
                   OR lower(c.name) LIKE CAST(:namePart AS text)
                   OR c.name_pinyin LIKE CAST(:pinyinPart AS text)
                   OR c.name_initials LIKE CAST(:pinyinPart AS text))
              AND (CAST(:creditState AS text) IS NULL
                   OR customer_credit_state(c.id, CAST(:asOf AS date)) = CAST(:creditState AS text))
              AND (CAST(:riskClass AS text) IS NULL OR customer_risk_class(c.id) = CAST(:riskClass AS text))
            """;
    private static final String COUNT = "SELECT count(*) " + SEARCH_CONDITIONS;

    /** The search's rows with today's figures, sorted by the chosen column (a fixed fragment, never user text). */
    private static String searchWithFigures(CustomerSort sort, boolean descending) {
        return """
                SELECT s.code, s.name, s.area_code, s.business_group, s.sales_rep, s.currency, s.payment_term_days,
                       s.credit_state, f.credit_limit, f.limit_currency, f.exposure, f.overdue_amount,
                       f.max_days_overdue, f.escalation_level, f.risk_class
                FROM (SELECT c.id, c.code, c.name, c.area_code, c.business_group, c.sales_rep, c.currency,
                             c.payment_term_days, customer_credit_state(c.id, CAST(:asOf AS date)) AS credit_state
                      """ + SEARCH_CONDITIONS + """
                     ) s
                LEFT JOIN customer_figures(CAST(:asOf AS date)) f ON f.customer_id = s.id
                ORDER BY """ + " " + sort.orderBy(descending) + """

                LIMIT :limit OFFSET :offset
                """;
    }

    private final JdbcClient jdbc;

    CustomerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer with its receivables summary and current score as of the date, in one statement. */
    Optional<StoredCustomer.WithFigures> findWithFigures(String code, LocalDate asOf) {
        return jdbc.sql(BY_CODE_WITH_FIGURES)
                .param("code", code)
                .param("asOf", asOf)
                .query((rs, n) -> new StoredCustomer.WithFigures(
                        stored(rs, n),
                        new ReceivablesSummary(
                                rs.getBigDecimal("open_receivables"),
                                rs.getBigDecimal("overdue_amount"),
                                rs.getInt("max_days_overdue"),
                                rs.getBigDecimal("released_orders"),
                                rs.getBigDecimal("unapplied_cash")),
                        rs.getBigDecimal("score")))
                .optional();
    }

    /** Reads the customer and locks its row until the transaction ends, so concurrent upserts queue. */
    Optional<StoredCustomer> lockByCode(String code) {
        return load(BY_CODE_FOR_UPDATE, code);
    }

    private Optional<StoredCustomer> load(String sql, String code) {
        return jdbc.sql(sql)
                .param("code", code)
                .query(CustomerRepository::stored)
                .optional();
    }

    /** Inserts a new customer; empty when the code exists already. */
    Optional<Long> insert(String code, CustomerData data) {
        return masterParams(jdbc.sql(INSERT).param("code", code), data)
                .query(Long.class)
                .optional();
    }

    /** False when someone else changed the customer since it was read. */
    boolean update(long id, int version, CustomerData data) {
        return masterParams(jdbc.sql(UPDATE).param("id", id).param("version", version), data)
                        .update()
                == 1;
    }

    void replaceChildren(long id, CustomerData data) {
        jdbc.sql(DELETE_PHONES).param("id", id).update();
        jdbc.sql(DELETE_BANK_ACCOUNTS).param("id", id).update();
        jdbc.sql(DELETE_PEOPLE).param("id", id).update();
        if (!data.phones().isEmpty()) {
            jdbc.sql(INSERT_PHONES)
                    .param("id", id)
                    .param("phones", data.phones().toArray(String[]::new))
                    .update();
        }
        if (!data.bankAccounts().isEmpty()) {
            jdbc.sql(INSERT_BANK_ACCOUNTS)
                    .param("id", id)
                    .param("accounts", data.bankAccounts().toArray(String[]::new))
                    .update();
        }
        if (!data.people().isEmpty()) {
            List<CustomerPerson> people = data.people();
            jdbc.sql(INSERT_PEOPLE)
                    .param("id", id)
                    .param("names", people.stream().map(CustomerPerson::name).toArray(String[]::new))
                    .param("idNos", people.stream().map(CustomerPerson::idNo).toArray(String[]::new))
                    .param("roles", people.stream().map(p -> p.role().name()).toArray(String[]::new))
                    .update();
        }
    }

    void insertSalesRepIfMissing(String code, String area) {
        jdbc.sql(INSERT_SALES_REP_IF_MISSING)
                .param("code", code)
                .param("area", area)
                .update();
    }

    List<CustomerSummary> search(CustomerQuery query, String[] areas, LocalDate asOf) {
        return searchParams(jdbc.sql(searchWithFigures(query.sort(), query.descending())), query, areas, asOf)
                .param("limit", query.size())
                .param("offset", query.offset())
                .query((rs, n) -> new CustomerSummary(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("area_code"),
                        BusinessGroup.valueOf(rs.getString("business_group")),
                        rs.getString("sales_rep"),
                        rs.getString("currency").trim(),
                        rs.getInt("payment_term_days"),
                        CreditState.valueOf(rs.getString("credit_state")),
                        rs.getBigDecimal("credit_limit"),
                        rs.getString("limit_currency") == null
                                ? null
                                : rs.getString("limit_currency").trim(),
                        rs.getBigDecimal("exposure") == null ? BigDecimal.ZERO : rs.getBigDecimal("exposure"),
                        rs.getBigDecimal("overdue_amount") == null
                                ? BigDecimal.ZERO
                                : rs.getBigDecimal("overdue_amount"),
                        rs.getInt("max_days_overdue"),
                        rs.getInt("escalation_level"),
                        rs.getString("risk_class")))
                .list();
    }

    long count(CustomerQuery query, String[] areas, LocalDate asOf) {
        return searchParams(jdbc.sql(COUNT), query, areas, asOf)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec searchParams(
            JdbcClient.StatementSpec spec, CustomerQuery query, String[] areas, LocalDate asOf) {
        String text = query.query();
        String lowered = text == null ? null : likeEscaped(text.toLowerCase(java.util.Locale.ROOT));
        return spec.param("areas", areas)
                .param("area", query.area())
                .param("codePrefix", lowered == null ? null : lowered + "%")
                .param("namePart", lowered == null ? null : "%" + lowered + "%")
                .param("pinyinPart", pinyinPattern(text))
                .param(
                        "creditState",
                        query.creditState() == null ? null : query.creditState().name())
                .param("riskClass", query.riskClass())
                .param("asOf", asOf);
    }

    /** Matches the pinyin keys anywhere; nothing when the text has no letters or digits to match. */
    private static @Nullable String pinyinPattern(@Nullable String text) {
        String keys = text == null ? "" : NamePinyin.searchable(text);
        return keys.isEmpty() ? null : "%" + keys + "%";
    }

    /** Makes the user's text match literally: PostgreSQL's LIKE escapes with a backslash by default. */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static JdbcClient.StatementSpec masterParams(JdbcClient.StatementSpec spec, CustomerData data) {
        return spec.param("name", data.name())
                .param("registrationNo", data.registrationNo())
                .param("establishedOn", data.establishedOn())
                .param("area", data.area())
                .param("businessGroup", data.businessGroup().name())
                .param("salesRep", data.salesRep())
                .param("paymentTermDays", data.paymentTermDays())
                .param("currency", data.currency().getCurrencyCode())
                .param("address", data.address())
                .param("email", data.email())
                .param("language", data.language());
    }

    private static StoredCustomer stored(ResultSet rs, int n) throws SQLException {
        String[] names = (String[]) rs.getArray("person_names").getArray();
        String[] idNos = (String[]) rs.getArray("person_ids").getArray();
        String[] roles = (String[]) rs.getArray("person_roles").getArray();
        List<CustomerPerson> people = new java.util.ArrayList<>(names.length);
        for (int i = 0; i < names.length; i++) {
            people.add(new CustomerPerson(names[i], idNos[i], PersonRole.valueOf(roles[i])));
        }
        CustomerData data = new CustomerData(
                rs.getString("name"),
                rs.getString("registration_no"),
                rs.getObject("established_on", LocalDate.class),
                rs.getString("area_code"),
                BusinessGroup.valueOf(rs.getString("business_group")),
                rs.getString("sales_rep"),
                rs.getInt("payment_term_days"),
                Currency.getInstance(rs.getString("currency").trim()),
                rs.getString("address"),
                List.of((String[]) rs.getArray("phones").getArray()),
                rs.getString("email"),
                List.of((String[]) rs.getArray("accounts").getArray()),
                people,
                rs.getString("language"));
        return new StoredCustomer(
                rs.getLong("id"),
                rs.getString("code"),
                data,
                rs.getInt("version"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}

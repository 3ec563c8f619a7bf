package org.creditdesk.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/** The statements, their entries and the unmatched queue (V90). */
@Repository
class BankStatementRepository {

    private static final String INSERT_STATEMENT = """
            INSERT INTO bank_statement (identity_key, format, message_id, statement_ref, sequence_no, account, currency,
                                        from_date, to_date, opening_balance, closing_balance, entries, imported_by)
            VALUES (:identity, :format, :messageId, :statementRef, :sequence, :account, :currency, :fromDate, :toDate,
                    :opening, :closing, :entries, :importedBy)
            ON CONFLICT (identity_key) DO NOTHING
            RETURNING id
            """;
    private static final String STATEMENT_ID = "SELECT id FROM bank_statement WHERE identity_key = :identity";
    // Overlapping statements of one account are imported one after the other (until commit): the entries
    // known before an import are then exactly those it must skip as duplicates.
    private static final String LOCK_ACCOUNT =
            "SELECT pg_advisory_xact_lock(hashtextextended('bank_entry ' || :account, 0))";
    private static final String KNOWN_KEYS = """
            SELECT entry_key FROM bank_entry WHERE entry_key = ANY(CAST(:keys AS text[]))
            """;
    // The sequence is looked up once: pg_get_serial_sequence() in the select list ran per row (a catalog lookup each,
    // 1.3-1.6 s for 100,000 ids on a loaded machine against 0.08-0.14 s this way).
    private static final String RESERVE_IDS = """
            WITH s AS MATERIALIZED (SELECT CAST(pg_get_serial_sequence('bank_entry', 'id') AS regclass) AS seq)
            SELECT array_agg(id ORDER BY id) FROM (SELECT nextval(s.seq) AS id FROM s, generate_series(1, :n)) AS ids
            """;
    // All new entries with what each became, in one COPY (ids reserved before booking: a payment is numbered after its
    // entry; COPY writes the given identity values, as OVERRIDING SYSTEM VALUE would). Session 10: the INSERT ...
    // SELECT
    // FROM unnest of 26 arrays cost the request thread about as much as PostgreSQL (encoding the arrays) and held
    // them all in the heap at once; COPY streams rows in chunks.
    private static final String COPY_ENTRIES = """
            COPY bank_entry (id, statement_id, entry_key, position, location, booked_on, value_on, amount, currency,
                             credit, reversal, returned, return_reason, bank_code, cheque, bank_reference, end_to_end_id,
                             cheque_no, payer_name, payer_account, remittance, invoice_refs, charges, outcome, payment_no,
                             customer_code, note)
            FROM STDIN
            """;
    private static final int FLUSH_CHARS = 256 * 1024;
    private static final String SET_OUTCOMES = """
            UPDATE bank_entry e
            SET outcome = t.outcome, payment_no = t.payment_no, customer_code = t.customer_code, note = t.note,
                decided_by = t.decided_by, decided_at = CASE WHEN t.decided_by IS NULL THEN NULL ELSE now() END
            FROM unnest(CAST(:ids AS bigint[]), CAST(:outcomes AS text[]), CAST(:paymentNos AS text[]),
                        CAST(:customerCodes AS text[]), CAST(:notes AS text[]), CAST(:decidedBy AS text[]))
                 AS t (id, outcome, payment_no, customer_code, note, decided_by)
            WHERE e.id = t.id
            """;
    // The credit a return or reversal takes back: the same end-to-end id or cheque, else the latest booked
    // credit of the same payer and amount; one that was taken back already is not taken twice.
    private static final String TAKEN_BACK = """
            SELECT e.payment_no
            FROM bank_entry e
            WHERE e.credit AND e.payment_no IS NOT NULL AND e.outcome IN ('MATCHED', 'ON_ACCOUNT', 'ASSIGNED')
              AND e.currency = :currency AND e.booked_on <= :bookedOn
              AND ((CAST(:endToEnd AS text) IS NOT NULL AND e.end_to_end_id = :endToEnd)
                   OR (CAST(:chequeNo AS text) IS NOT NULL AND e.cheque_no = :chequeNo AND e.amount = :amount)
                   OR (CAST(:accountKey AS text) IS NOT NULL AND bank_account_key(e.payer_account) = :accountKey
                       AND e.amount = :amount))
              AND NOT EXISTS (SELECT 1 FROM bank_entry r WHERE r.outcome = 'RETURNED' AND r.payment_no = e.payment_no)
            ORDER BY (e.end_to_end_id IS NOT DISTINCT FROM CAST(:endToEnd AS text)) DESC, e.booked_on DESC, e.id DESC
            LIMIT 1
            """;
    private static final String ENTRY_COLUMNS = """
            SELECT e.id, e.statement_id, s.account AS statement_account, e.location, e.booked_on, e.amount, e.currency,
                   e.credit, e.bank_code, e.bank_reference, e.cheque_no, e.payer_name, e.payer_account, e.remittance,
                   e.invoice_refs, e.outcome, e.payment_no, e.customer_code, e.note, e.return_reason, e.charges, e.cheque
            FROM bank_entry e JOIN bank_statement s ON s.id = e.statement_id
            """;
    private static final String UNMATCHED_PAGE = ENTRY_COLUMNS + """
            WHERE e.outcome = 'UNMATCHED'
            ORDER BY e.booked_on, e.id
            LIMIT :limit OFFSET :offset
            """;
    private static final String UNMATCHED_COUNT = "SELECT count(*) FROM bank_entry WHERE outcome = 'UNMATCHED'";
    private static final String LOCK_ENTRY = ENTRY_COLUMNS + "WHERE e.id = :id FOR UPDATE OF e";
    private static final String TOLERANCE = "SELECT tolerance FROM bank_matching_settings WHERE id = 1";
    private static final String SET_TOLERANCE = "UPDATE bank_matching_settings SET tolerance = :tolerance WHERE id = 1";

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    BankStatementRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Optional<Long> insertStatement(BankStatement s, int entries, String importedBy) {
        return jdbc.sql(INSERT_STATEMENT)
                .param("identity", s.identity())
                .param("format", s.format().name())
                .param("messageId", s.messageId())
                .param("statementRef", s.statementRef())
                .param("sequence", s.sequence())
                .param("account", s.account())
                .param("currency", s.currency())
                .param("fromDate", s.from())
                .param("toDate", s.to())
                .param("opening", s.opening() == null ? null : s.opening().amount())
                .param("closing", s.closing() == null ? null : s.closing().amount())
                .param("entries", entries)
                .param("importedBy", importedBy)
                .query(Long.class)
                .optional();
    }

    long statementId(String identity) {
        return jdbc.sql(STATEMENT_ID)
                .param("identity", identity)
                .query(Long.class)
                .single();
    }

    /** Holds, until commit, every other import of a statement of this account. */
    void lockAccount(String account) {
        jdbc.sql(LOCK_ACCOUNT).param("account", account).query(rs -> {});
    }

    /** The entry keys among these that are stored already. */
    Set<String> knownEntryKeys(List<String> keys) {
        if (keys.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql(KNOWN_KEYS)
                .param("keys", keys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** {@code n} new entry ids, ascending. */
    long[] reserveEntryIds(int n) {
        if (n == 0) return new long[0];
        // One array, not n rows: a row mapper per id cost about a second of the request at 100,000 under load.
        return jdbc.sql(RESERVE_IDS)
                .param("n", n)
                .query((rs, row) -> {
                    Long[] ids = (Long[]) rs.getArray(1).getArray();
                    long[] sorted = new long[ids.length];
                    for (int i = 0; i < ids.length; i++) sorted[i] = ids[i];
                    return sorted;
                })
                .single();
    }

    /** An entry to store, with the id reserved for it and what it became. */
    record NewEntry(long id, String key, BankStatement.Entry entry, Outcome outcome) {}

    /** Inserts the new entries of a statement with their outcomes, in one statement (COPY, in id order). */
    void insertEntries(long statementId, List<NewEntry> rows) {
        if (rows.isEmpty()) return;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = null;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_ENTRIES);
            StringBuilder out = new StringBuilder(FLUSH_CHARS + 8192);
            for (NewEntry row : rows) {
                BankStatement.Entry e = row.entry();
                Outcome o = row.outcome();
                out.append(row.id()).append('\t').append(statementId);
                text(out, row.key());
                out.append('\t').append(e.position());
                text(out, e.location());
                text(out, e.bookedOn().toString());
                text(out, e.valueOn() == null ? null : e.valueOn().toString());
                text(out, e.amount().toPlainString());
                text(out, e.currency());
                bool(out, e.credit());
                bool(out, e.reversal());
                bool(out, e.returned());
                text(out, e.returnReason());
                text(out, e.bankCode());
                bool(out, e.cheque());
                text(out, e.bankReference());
                text(out, e.endToEndId());
                text(out, e.chequeNo());
                text(out, e.counterpartyName());
                text(out, e.counterpartyAccount());
                text(out, e.remittance());
                text(out, arrayLiteral(e.structuredRefs()));
                text(out, e.charges().toPlainString());
                text(out, o.outcome().name());
                text(out, o.paymentNo());
                text(out, o.customerCode());
                text(out, o.note());
                out.append('\n');
                if (out.length() >= FLUSH_CHARS) CopyText.flush(copy, out);
            }
            CopyText.flush(copy, out);
            copy.endCopy();
            copy = null;
        } catch (SQLException e) {
            throw CopyText.translated("COPY into bank_entry", e);
        } finally {
            CopyText.cancel(copy);
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static void bool(StringBuilder out, boolean value) {
        out.append('\t').append(value ? 't' : 'f');
    }

    /** A tab, then the value in COPY's text format: backslash escapes, {@code \N} is null. */
    private static void text(StringBuilder out, @Nullable String value) {
        out.append('\t');
        if (value == null) out.append("\\N");
        else CopyText.escaped(out, value);
    }

    /** A text[] literal, every element quoted: {@code {"a","b \"c\""}}. */
    static String arrayLiteral(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) literal.append(',');
            literal.append('"');
            String value = values.get(i);
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if (c == '"' || c == '\\') literal.append('\\');
                literal.append(c);
            }
            literal.append('"');
        }
        return literal.append('}').toString();
    }

    record Outcome(
            long id,
            EntryOutcome.Kind outcome,
            @Nullable String paymentNo,
            @Nullable String customerCode,
            @Nullable String note,
            @Nullable String decidedBy) {}

    void setOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) return;
        jdbc.sql(SET_OUTCOMES)
                .param("ids", outcomes.stream().map(Outcome::id).toArray(Long[]::new))
                .param(
                        "outcomes",
                        outcomes.stream().map(o -> o.outcome().name()).toArray(String[]::new))
                .param("paymentNos", outcomes.stream().map(Outcome::paymentNo).toArray(String[]::new))
                .param(
                        "customerCodes",
                        outcomes.stream().map(Outcome::customerCode).toArray(String[]::new))
                .param("notes", outcomes.stream().map(Outcome::note).toArray(String[]::new))
                .param("decidedBy", outcomes.stream().map(Outcome::decidedBy).toArray(String[]::new))
                .update();
    }

    Optional<String> paymentTakenBack(BankStatement.Entry entry, @Nullable String accountKey) {
        BigDecimal original = entry.amount().subtract(entry.charges());
        return jdbc.sql(TAKEN_BACK)
                .param("currency", entry.currency())
                .param("bookedOn", entry.bookedOn())
                .param("endToEnd", entry.endToEndId())
                .param("chequeNo", entry.chequeNo())
                .param("accountKey", accountKey)
                .param("amount", original)
                .query(String.class)
                .optional();
    }

    /** An entry of the queue, or of a statement, as stored. */
    record StoredEntry(
            long id,
            long statementId,
            String location,
            LocalDate bookedOn,
            BigDecimal amount,
            String currency,
            boolean credit,
            boolean cheque,
            String bankCode,
            @Nullable String bankReference,
            @Nullable String chequeNo,
            @Nullable String payerName,
            @Nullable String payerAccount,
            String remittance,
            List<String> invoiceRefs,
            EntryOutcome.Kind outcome,
            @Nullable String paymentNo,
            @Nullable String customerCode,
            @Nullable String note) {}

    List<StoredEntry> unmatched(int limit, long offset) {
        return jdbc.sql(UNMATCHED_PAGE)
                .param("limit", limit)
                .param("offset", offset)
                .query(BankStatementRepository::entry)
                .list();
    }

    long unmatchedCount() {
        return jdbc.sql(UNMATCHED_COUNT).query(Long.class).single();
    }

    Optional<StoredEntry> lockEntry(long id) {
        return jdbc.sql(LOCK_ENTRY)
                .param("id", id)
                .query(BankStatementRepository::entry)
                .optional();
    }

    /** The ids of these customers (read through the function customers publishes). */
    List<Long> customerIds(Collection<String> codes) {
        if (codes.isEmpty()) return List.of();
        return jdbc.sql("SELECT customer_id FROM customers_by_code(CAST(:codes AS text[])) ORDER BY customer_id")
                .param("codes", codes.toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    BigDecimal tolerance() {
        return jdbc.sql(TOLERANCE).query(BigDecimal.class).single();
    }

    void setTolerance(BigDecimal tolerance) {
        jdbc.sql(SET_TOLERANCE).param("tolerance", tolerance).update();
    }

    private static StoredEntry entry(ResultSet rs, int n) throws SQLException {
        return new StoredEntry(
                rs.getLong("id"),
                rs.getLong("statement_id"),
                rs.getString("location"),
                rs.getObject("booked_on", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getBoolean("credit"),
                rs.getBoolean("cheque"),
                rs.getString("bank_code"),
                rs.getString("bank_reference"),
                rs.getString("cheque_no"),
                rs.getString("payer_name"),
                rs.getString("payer_account"),
                rs.getString("remittance"),
                new ArrayList<>(
                        Arrays.asList((String[]) rs.getArray("invoice_refs").getArray())),
                EntryOutcome.Kind.valueOf(rs.getString("outcome")),
                rs.getString("payment_no"),
                rs.getString("customer_code"),
                rs.getString("note"));
    }
}

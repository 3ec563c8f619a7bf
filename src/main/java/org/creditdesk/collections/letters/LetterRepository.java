package org.creditdesk.collections.letters;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The letters' SQL. The run is one set-based statement: it reads the escalation level as of the date
 * (monitoring's escalation_history), open amounts as of the date from the ledger's invoices and
 * allocations, disputes through the published {@code invoice_disputed_amounts(asOf)}, and contacts,
 * promises and the lawyer of an open legal case, and writes each letter with its content as JSON.
 */
@Repository
class LetterRepository {

    private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('creditdesk.letter-run'))";

    private static final String NEWEST_RUN = "SELECT as_of FROM letter_run ORDER BY as_of DESC LIMIT 1";

    private static final String RUN_OF = "SELECT id FROM letter_run WHERE as_of = :asOf";

    private static final String INSERT_RUN = """
            INSERT INTO letter_run (as_of, run_by, run_at, letters, emails_queued, duration_ms)
            VALUES (:asOf, :runBy, :runAt, 0, 0, 0) RETURNING id
            """;

    private static final String FINISH_RUN = """
            UPDATE letter_run SET letters = :letters, emails_queued = :emails, duration_ms = :ms WHERE id = :id
            """;

    private static final String SETTINGS =
            "SELECT reminder_interval_days, cc_from_level, (SELECT grace_days FROM credit_policy WHERE id = 1) AS grace"
                    + " FROM letter_settings WHERE id = 1";

    /*
     * Who gets a letter: customers on a level as of the date whose level rose since their last letter, or
     * whose last letter is at least the reminder interval old, and who still owe an undisputed overdue
     * amount beyond the grace days. The letter carries its content as JSON (amounts as text: exact).
     */
    private static final String WRITE_LETTERS = """
            INSERT INTO reminder_letter (run_id, customer_id, letter_date, level, language, template_id, recipient,
                                         recipient_name, cc, amount, currency, data, created_by)
            WITH lvl AS (
                SELECT h.customer_id, h.level
                FROM escalation_history h
                WHERE h.entered_on <= :asOf AND (h.left_on IS NULL OR h.left_on > :asOf)
            ),
            previous AS (
                SELECT DISTINCT ON (r.customer_id) r.customer_id, r.level, r.letter_date
                FROM reminder_letter r
                JOIN lvl ON lvl.customer_id = r.customer_id
                WHERE r.letter_date < :asOf
                ORDER BY r.customer_id, r.letter_date DESC, r.id DESC
            ),
            due AS (
                SELECT lvl.customer_id, lvl.level
                FROM lvl
                LEFT JOIN previous p ON p.customer_id = lvl.customer_id
                WHERE p.customer_id IS NULL OR lvl.level > p.level OR p.letter_date + :interval <= :asOf
            ),
            settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                JOIN due ON due.customer_id = a.customer_id
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                GROUP BY a.invoice_id
            ),
            items AS (
                SELECT i.customer_id, i.invoice_no, i.issue_date, i.due_date, i.currency,
                       i.amount - coalesce(s.amount, 0) AS open_amount,
                       least(coalesce(d.disputed_amount, 0), i.amount - coalesce(s.amount, 0)) AS disputed_amount,
                       CAST(:asOf AS date) - i.due_date AS days_overdue
                FROM invoice i
                JOIN due ON due.customer_id = i.customer_id
                LEFT JOIN settled s ON s.invoice_id = i.id
                LEFT JOIN invoice_disputed_amounts(:asOf) d ON d.invoice_id = i.id
                WHERE i.issue_date <= :asOf AND i.due_date < :asOf
                  AND i.amount - coalesce(s.amount, 0) > 0
            ),
            claimed AS (
                SELECT items.*, open_amount - disputed_amount AS claimed_amount FROM items
                WHERE open_amount - disputed_amount > 0
            ),
            per_customer AS (
                SELECT c.customer_id, max(c.days_overdue) AS max_days,
                       jsonb_agg(jsonb_build_object(
                           'invoiceNo', c.invoice_no, 'issueDate', c.issue_date, 'dueDate', c.due_date,
                           'daysOverdue', c.days_overdue, 'currency', c.currency,
                           'openAmount', CAST(c.open_amount AS text), 'disputedAmount', CAST(c.disputed_amount AS text),
                           'claimedAmount', CAST(c.claimed_amount AS text)) ORDER BY c.due_date, c.invoice_no) AS invoices
                FROM claimed c
                GROUP BY c.customer_id
                HAVING max(c.days_overdue) > :grace
            ),
            totals AS (
                SELECT t.customer_id,
                       jsonb_agg(jsonb_build_object('currency', t.currency, 'amount', CAST(t.amount AS text))
                                 ORDER BY t.currency) AS totals
                FROM (SELECT customer_id, currency, sum(claimed_amount) AS amount FROM claimed GROUP BY 1, 2) t
                GROUP BY t.customer_id
            ),
            -- What the letter claims in the customer's own currency; grouped once (a correlated sum over the
            -- claimed rows per customer was quadratic: minutes at 100,000 customers).
            own AS (
                SELECT c.customer_id, sum(c.claimed_amount) AS amount
                FROM claimed c
                JOIN customer cu ON cu.id = c.customer_id AND c.currency = cu.currency
                GROUP BY c.customer_id
            ),
            letters AS (
                SELECT due.customer_id, due.level, cu.code, cu.name, cu.address, cu.currency,
                       coalesce(cu.language, cs.language) AS language, cs.name AS company,
                       pc.max_days, pc.invoices, tt.totals,
                       coalesce(own.amount, 0) AS amount,
                       fin.name AS finance_name, coalesce(fin.email, nullif(cu.email, '')) AS recipient,
                       CASE WHEN due.level >= :ccFrom THEN coalesce((
                           SELECT array_agg(DISTINCT k.email ORDER BY k.email)
                           FROM customer_contact k
                           WHERE k.customer_id = due.customer_id AND k.active AND nullif(k.email, '') IS NOT NULL
                             AND (k.general_manager OR k.chain_role = 'DECISION_MAKER')
                             AND lower(k.email) <> lower(coalesce(fin.email, cu.email, ''))), '{}')
                       ELSE '{}' END AS cc,
                       coalesce((
                           SELECT jsonb_agg(jsonb_build_object('promisedOn', p.promised_on, 'currency', p.currency,
                                                               'amount', CAST(p.amount AS text),
                                                               'paidAmount', CAST(p.paid_amount AS text))
                                            ORDER BY p.promised_on, p.id)
                           FROM payment_promise p
                           WHERE p.customer_id = due.customer_id AND p.status IN ('BROKEN', 'PARTLY_KEPT')
                             AND p.promised_on < :asOf AND p.promised_on >= CAST(:asOf AS date) - 365), '[]') AS broken,
                       lawyer.display_name AS lawyer
                FROM due
                JOIN per_customer pc ON pc.customer_id = due.customer_id
                JOIN totals tt ON tt.customer_id = due.customer_id
                JOIN customer cu ON cu.id = due.customer_id
                LEFT JOIN own ON own.customer_id = due.customer_id
                CROSS JOIN company_settings cs
                LEFT JOIN LATERAL (
                    SELECT k.name, nullif(k.email, '') AS email FROM customer_contact k
                    WHERE k.customer_id = due.customer_id AND k.active AND k.chain_role = 'FINANCE'
                    ORDER BY (nullif(k.email, '') IS NULL), k.id LIMIT 1) fin ON TRUE
                LEFT JOIN LATERAL (
                    SELECT coalesce(u.display_name, lc.lawyer) AS display_name FROM legal_case lc
                    LEFT JOIN app_user u ON u.username = lc.lawyer
                    WHERE lc.customer_id = due.customer_id AND lc.status NOT IN ('SETTLED', 'WRITTEN_OFF')
                    ORDER BY lc.opened_on DESC, lc.id DESC LIMIT 1) lawyer ON due.level = 4
            )
            SELECT :runId, l.customer_id, :asOf, l.level, l.language, tpl.id, l.recipient,
                   coalesce(l.finance_name, l.name), l.cc, l.amount, l.currency,
                   jsonb_build_object(
                       'companyName', l.company, 'customerCode', l.code, 'customerName', l.name,
                       'customerAddress', l.address, 'letterDate', CAST(:asOf AS date), 'level', l.level,
                       'language', l.language, 'recipientName', coalesce(l.finance_name, l.name),
                       'recipient', l.recipient, 'cc', to_jsonb(l.cc), 'invoices', l.invoices, 'totals', l.totals,
                       'maxDaysOverdue', l.max_days, 'brokenPromises', l.broken,
                       'replyContact', :replyContact,
                       'signature', CASE WHEN l.level = 4 AND l.lawyer IS NOT NULL
                                         THEN l.lawyer || CASE WHEN l.language = 'zh-CN' THEN '（律师）' ELSE ', Attorney at law' END
                                         ELSE l.company || CASE WHEN l.language = 'zh-CN' THEN ' 信用管理部' ELSE ', Credit Department' END
                                    END),
                   :runBy
            FROM letters l
            JOIN LATERAL (
                SELECT t.id FROM letter_template t WHERE t.level = l.level AND t.language = l.language
                ORDER BY t.version DESC LIMIT 1) tpl ON TRUE
            ON CONFLICT (customer_id, letter_date) DO NOTHING
            """;

    private static final String LETTER_COLUMNS = """
            r.id, r.run_id, c.code AS customer_code, r.letter_date, r.level, r.language, r.recipient, r.cc,
            r.amount, r.currency, r.created_by, r.created_at, t.subject, t.body, CAST(r.data AS text) AS data,
            r.customer_id
            """;

    private static final String LETTERS_OF_CUSTOMER = "SELECT " + LETTER_COLUMNS + """
            FROM reminder_letter r JOIN customer c ON c.id = r.customer_id JOIN letter_template t ON t.id = r.template_id
            WHERE r.customer_id = :customerId
            ORDER BY r.letter_date DESC, r.id DESC
            """;

    private static final String LETTER = "SELECT " + LETTER_COLUMNS + """
            FROM reminder_letter r JOIN customer c ON c.id = r.customer_id JOIN letter_template t ON t.id = r.template_id
            WHERE r.id = :id
            """;

    // A run's letters a slice at a time (V64's index): at 1,000,000 customers a run wrote 197,314 letters, whose
    // texts do not fit a 512 MB heap at once.
    private static final String LETTERS_OF_RUN_AFTER = "SELECT " + LETTER_COLUMNS + """
            FROM reminder_letter r JOIN customer c ON c.id = r.customer_id JOIN letter_template t ON t.id = r.template_id
            WHERE r.run_id = :runId AND r.id > :afterId
            ORDER BY r.id
            LIMIT :limit
            """;

    // One printed part of a run, in customer order.
    private static final String PRINT_PART = "SELECT " + LETTER_COLUMNS + """
            FROM reminder_letter r JOIN customer c ON c.id = r.customer_id JOIN letter_template t ON t.id = r.template_id
            WHERE r.run_id = :runId
            ORDER BY c.code, r.id
            OFFSET :offset LIMIT :limit
            """;

    private static final String RUNS = """
            SELECT id, as_of, run_by, run_at, letters, emails_queued, duration_ms FROM letter_run
            ORDER BY as_of DESC LIMIT :limit
            """;

    private static final String CURRENT_TEMPLATES = """
            SELECT DISTINCT ON (level, language) id, level, language, version, subject, body, note, created_by, created_at
            FROM letter_template ORDER BY level, language, version DESC
            """;

    private static final String VERSIONS = """
            SELECT id, level, language, version, subject, body, note, created_by, created_at
            FROM letter_template WHERE level = :level AND language = :language ORDER BY version DESC
            """;

    private static final String SAVE_TEMPLATE = """
            INSERT INTO letter_template (level, language, version, subject, body, note, created_by)
            SELECT :level, :language, coalesce(max(version), 0) + 1, :subject, :body, :note, :by
            FROM letter_template WHERE level = :level AND language = :language
            RETURNING id, level, language, version, subject, body, note, created_by, created_at
            """;

    record Settings(int intervalDays, int ccFromLevel, int graceDays) {}

    record Stored(
            long id,
            long runId,
            String customerCode,
            LocalDate date,
            int level,
            String language,
            @Nullable String recipient,
            List<String> cc,
            BigDecimal amount,
            String currency,
            String createdBy,
            OffsetDateTime createdAt,
            String subject,
            String body,
            String data,
            long customerId) {}

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void lock() {
        jdbc.sql(LOCK).query((rs, n) -> 1).list();
    }

    Optional<LocalDate> newestRun() {
        return jdbc.sql(NEWEST_RUN).query(LocalDate.class).optional();
    }

    Optional<Long> runOf(LocalDate asOf) {
        return jdbc.sql(RUN_OF).param("asOf", asOf).query(Long.class).optional();
    }

    long insertRun(LocalDate asOf, String runBy, OffsetDateTime at) {
        return jdbc.sql(INSERT_RUN)
                .param("asOf", asOf)
                .param("runBy", runBy)
                .param("runAt", at)
                .query(Long.class)
                .single();
    }

    void finishRun(long id, int letters, int emails, long ms) {
        jdbc.sql(FINISH_RUN)
                .param("id", id)
                .param("letters", letters)
                .param("emails", emails)
                .param("ms", ms)
                .update();
    }

    Settings settings() {
        return jdbc.sql(SETTINGS)
                .query((rs, n) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .single();
    }

    int writeLetters(long runId, LocalDate asOf, Settings settings, String replyContact, String runBy) {
        return jdbc.sql(WRITE_LETTERS)
                .param("runId", runId)
                .param("asOf", asOf)
                .param("interval", settings.intervalDays())
                .param("ccFrom", settings.ccFromLevel())
                .param("grace", settings.graceDays())
                .param("replyContact", replyContact)
                .param("runBy", runBy)
                .update();
    }

    List<Stored> ofCustomer(long customerId) {
        return jdbc.sql(LETTERS_OF_CUSTOMER)
                .param("customerId", customerId)
                .query(LetterRepository::stored)
                .list();
    }

    Optional<Stored> find(long id) {
        return jdbc.sql(LETTER).param("id", id).query(LetterRepository::stored).optional();
    }

    /** Up to {@code limit} letters of the run after the letter {@code afterId}, in id order. */
    List<Stored> ofRun(long runId, long afterId, int limit) {
        return jdbc.sql(LETTERS_OF_RUN_AFTER)
                .param("runId", runId)
                .param("afterId", afterId)
                .param("limit", limit)
                .query(LetterRepository::stored)
                .list();
    }

    /** Letters {@code offset} to {@code offset + limit - 1} of the run in customer order. */
    List<Stored> printPart(long runId, long offset, int limit) {
        return jdbc.sql(PRINT_PART)
                .param("runId", runId)
                .param("offset", offset)
                .param("limit", limit)
                .query(LetterRepository::stored)
                .list();
    }

    List<LetterRunRecord> runs(int limit) {
        return jdbc.sql(RUNS)
                .param("limit", limit)
                .query((rs, n) -> new LetterRunRecord(
                        rs.getLong("id"),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getString("run_by"),
                        rs.getObject("run_at", OffsetDateTime.class),
                        rs.getInt("letters"),
                        rs.getInt("emails_queued"),
                        rs.getLong("duration_ms")))
                .list();
    }

    List<LetterTemplate> currentTemplates() {
        return jdbc.sql(CURRENT_TEMPLATES).query(LetterRepository::template).list();
    }

    List<LetterTemplate> versions(int level, String language) {
        return jdbc.sql(VERSIONS)
                .param("level", level)
                .param("language", language)
                .query(LetterRepository::template)
                .list();
    }

    LetterTemplate saveTemplate(
            int level, String language, String subject, String body, @Nullable String note, String by) {
        return jdbc.sql(SAVE_TEMPLATE)
                .param("level", level)
                .param("language", language)
                .param("subject", subject)
                .param("body", body)
                .param("note", note)
                .param("by", by)
                .query(LetterRepository::template)
                .single();
    }

    private static LetterTemplate template(ResultSet rs, int n) throws SQLException {
        return new LetterTemplate(
                rs.getLong("id"),
                rs.getInt("level"),
                rs.getString("language"),
                rs.getInt("version"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("note"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }

    private static Stored stored(ResultSet rs, int n) throws SQLException {
        return new Stored(
                rs.getLong("id"),
                rs.getLong("run_id"),
                rs.getString("customer_code"),
                rs.getObject("letter_date", LocalDate.class),
                rs.getInt("level"),
                rs.getString("language"),
                rs.getString("recipient"),
                List.of((String[]) rs.getArray("cc").getArray()),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("data"),
                rs.getLong("customer_id"));
    }
}

package org.creditdesk.risk;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The factor values of every customer as of a date in one statement (CTEs over invoices,
 * allocations, payments, limits, statements and ratings), the scores written back by COPY, and the
 * set-based steps after a run (current score, class-drop alerts).
 *
 * <p>History as of a date comes from the allocations effective on it (allocated by then and not
 * reversed by then), so any past date can be rescored; today's date reads the invoices alone.
 */
@Repository
class ScoreRepository {

    /** A customer's factor values and the inputs of its recommended limit. */
    record FactorValues(
            long customerId,
            String code,
            String businessGroup,
            String currency,
            int termDays,
            int invoicesDue12Months,
            BigDecimal sales12Months,
            @Nullable BigDecimal bookEquity,
            Map<ScoreFactor, @Nullable BigDecimal> values) {}

    // "{{CUSTOMERS column}}" restricts a statement to the customers scored; TRUE when the run scores all.
    private static final Pattern CUSTOMERS = Pattern.compile("\\{\\{CUSTOMERS ([a-z_.]+)}}");
    private static final String INVOICES = "{{INVOICES}}";

    /**
     * Each invoice's open amount and payment date as of a past date, re-derived from the allocations
     * effective then (allocated by then, not reversed by then).
     */
    private static final String INVOICES_AS_OF = """
            settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount, max(a.allocated_on) AS last_on
                FROM allocation a
                WHERE a.allocated_on <= CAST(:asOf AS date) AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                  AND {{CUSTOMERS a.customer_id}}
                GROUP BY a.invoice_id
            ),
            inv AS (
                SELECT i.customer_id, i.currency, i.amount, i.issue_date, i.due_date,
                       i.amount - coalesce(s.amount, 0) AS open_amount,
                       CASE WHEN coalesce(s.amount, 0) >= i.amount THEN s.last_on END AS paid_on
                FROM invoice i
                LEFT JOIN settled s ON s.invoice_id = i.id
                WHERE i.issue_date <= CAST(:asOf AS date) AND {{CUSTOMERS i.customer_id}}
            ),
            """;

    /**
     * The same when nothing was allocated or reversed after the date: the ledger's own open amount and
     * newest allocation date of each invoice say it without touching the allocations.
     */
    private static final String INVOICES_NOW = """
            inv AS (
                SELECT i.customer_id, i.currency, i.amount, i.issue_date, i.due_date, i.open_amount,
                       CAST(NULL AS date) AS paid_on
                FROM open_item i
                WHERE i.issue_date <= CAST(:asOf AS date) AND {{CUSTOMERS i.customer_id}}
                UNION ALL
                SELECT i.customer_id, i.currency, i.amount, i.issue_date, i.due_date, 0.00, i.last_allocated_on
                FROM paid_item i
                WHERE i.issue_date <= CAST(:asOf AS date) AND {{CUSTOMERS i.customer_id}}
            ),
            """;

    /**
     * The same, for the open invoices only, plus the paid ones of the customers whose paid invoices were written
     * since the kept sums ({@link ClosedInvoiceSumsRepository}) were moved to the date; the other paid invoices come from
     * those sums ({@link #STORED_SUMS}).
     */
    private static final String INVOICES_OPEN = """
            touched AS (
                SELECT DISTINCT t.customer_id FROM score_closed_touched t WHERE {{CUSTOMERS t.customer_id}}
            ),
            inv AS (
                SELECT i.customer_id, i.currency, i.amount, i.issue_date, i.due_date, i.open_amount,
                       CAST(NULL AS date) AS paid_on
                FROM open_item i
                WHERE i.issue_date <= CAST(:asOf AS date) AND {{CUSTOMERS i.customer_id}}
                UNION ALL
                SELECT i.customer_id, i.currency, i.amount, i.issue_date, i.due_date, 0.00,
                       i.last_allocated_on AS paid_on
                FROM paid_item i
                WHERE i.issue_date <= CAST(:asOf AS date)
                  AND i.customer_id IN (SELECT customer_id FROM touched)
            ),
            """;

    // The kept sums of the paid invoices, in per_currency's columns; a 0 sum is no invoice (every amount is > 0).
    private static final String STORED_SUMS = """
                UNION ALL
                SELECT s.customer_id, s.currency, nullif(s.weighted_days_late, 0), nullif(s.amount_due, 0),
                       nullif(s.weighted_days_late_3m, 0), nullif(s.amount_due_3m, 0), s.invoices_due, s.invoices_late,
                       CAST(NULL AS integer), CAST(NULL AS numeric), nullif(s.sales_recent, 0), nullif(s.sales_before, 0)
                FROM score_closed s
                WHERE s.customer_id NOT IN (SELECT customer_id FROM touched) AND {{CUSTOMERS s.customer_id}}
            """;
    private static final String SUMS = "{{STORED}}";

    // Nothing allocated or reversed after the date (the ledger's published fact, V116).
    private static final String LEDGER_SETTLED_BY =
            "SELECT coalesce(ledger_last_settlement_change() <= CAST(:asOf AS date), true)";

    // Amount-based figures use the documents in the customer's own currency; timing factors use all.
    // An invoice paid before the 12-month window and not open adds to no factor, so it is left out
    // before aggregating; grouping by currency first spares joining every invoice to its customer.
    // Sums skip the rows that would add zero: adding NUMERICs is most of the statement's work.
    private static final String FACTOR_VALUES = """
            WITH {{INVOICES}}
            per_currency AS (
                SELECT inv.customer_id, inv.currency,
                       sum(inv.amount * (coalesce(inv.paid_on, CAST(:asOf AS date)) - inv.due_date))
                           FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date)
                                     AND coalesce(inv.paid_on, CAST(:asOf AS date)) > inv.due_date)
                           AS weighted_days_late,
                       sum(inv.amount) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date))
                           AS amount_due,
                       sum(inv.amount * (coalesce(inv.paid_on, CAST(:asOf AS date)) - inv.due_date))
                           FILTER (WHERE inv.due_date > CAST(:from3 AS date) AND inv.due_date <= CAST(:asOf AS date)
                                     AND coalesce(inv.paid_on, CAST(:asOf AS date)) > inv.due_date)
                           AS weighted_days_late_3m,
                       sum(inv.amount) FILTER (WHERE inv.due_date > CAST(:from3 AS date) AND inv.due_date <= CAST(:asOf AS date))
                           AS amount_due_3m,
                       count(*) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date))
                           AS invoices_due,
                       count(*) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date)
                                          AND coalesce(inv.paid_on, CAST(:asOf AS date)) > inv.due_date)
                           AS invoices_late,
                       max(CAST(:asOf AS date) - inv.due_date) FILTER (WHERE inv.open_amount > 0 AND inv.due_date < CAST(:asOf AS date))
                           AS max_days_overdue,
                       sum(inv.open_amount) FILTER (WHERE inv.open_amount > 0) AS open_receivables,
                       sum(inv.amount) FILTER (WHERE inv.issue_date > CAST(:from6 AS date)) AS sales_recent,
                       sum(inv.amount) FILTER (WHERE inv.issue_date > CAST(:from12 AS date) AND inv.issue_date <= CAST(:from6 AS date))
                           AS sales_before
                FROM inv
                WHERE inv.due_date > CAST(:from12 AS date) OR inv.open_amount > 0
                GROUP BY inv.customer_id, inv.currency
            {{STORED}}),
            behaviour AS (
                SELECT p.customer_id,
                       coalesce(sum(p.weighted_days_late), 0) / nullif(sum(p.amount_due), 0) AS days_beyond_terms,
                       coalesce(sum(p.weighted_days_late_3m), 0) / nullif(sum(p.amount_due_3m), 0) AS days_beyond_terms_3m,
                       100.0 * sum(p.invoices_late) / nullif(sum(p.invoices_due), 0) AS late_share,
                       sum(p.invoices_due) AS invoices_due,
                       max(p.max_days_overdue) AS max_days_overdue,
                       sum(p.open_receivables) FILTER (WHERE p.currency = c.currency) AS open_receivables,
                       coalesce(sum(p.sales_recent) FILTER (WHERE p.currency = c.currency), 0)
                         + coalesce(sum(p.sales_before) FILTER (WHERE p.currency = c.currency), 0) AS sales_12m,
                       sum(p.sales_recent) FILTER (WHERE p.currency = c.currency) AS sales_recent,
                       sum(p.sales_before) FILTER (WHERE p.currency = c.currency) AS sales_before
                FROM per_currency p
                JOIN customer c ON c.id = p.customer_id
                GROUP BY p.customer_id
            ),
            released AS (
                SELECT o.customer_id, sum(o.amount) AS amount
                FROM sales_order o
                JOIN customer c ON c.id = o.customer_id AND o.currency = c.currency
                WHERE o.status = 'RELEASED' AND o.order_date <= CAST(:asOf AS date) AND {{CUSTOMERS o.customer_id}}
                GROUP BY o.customer_id
            ),
            line AS (
                SELECT l.customer_id, l.amount
                FROM credit_limit l
                JOIN customer c ON c.id = l.customer_id AND l.currency = c.currency
                WHERE l.contract_no IS NULL AND l.superseded_at IS NULL
                  AND l.valid_from <= CAST(:asOf AS date) AND l.valid_until >= CAST(:asOf AS date)
                  AND {{CUSTOMERS l.customer_id}}
            ),
            bounced AS (
                SELECT pay.customer_id, count(*) AS cheques
                FROM payment pay
                WHERE pay.status = 'BOUNCED' AND pay.bounced_on > CAST(:from24 AS date) AND pay.bounced_on <= CAST(:asOf AS date)
                  AND {{CUSTOMERS pay.customer_id}}
                GROUP BY pay.customer_id
            ),
            statement AS (
                SELECT DISTINCT ON (f.customer_id) f.customer_id, f.revenue, f.net_income, f.ebit, f.current_assets,
                       f.current_liabilities, f.total_assets, f.total_liabilities, f.retained_earnings, f.book_equity
                FROM financial_statement f
                WHERE f.year <= extract(YEAR FROM CAST(:asOf AS date)) AND {{CUSTOMERS f.customer_id}}
                ORDER BY f.customer_id, f.year DESC
            ),
            rating AS (
                SELECT DISTINCT ON (r.customer_id) r.customer_id, r.rating
                FROM external_rating r
                WHERE r.rated_on <= CAST(:asOf AS date) AND {{CUSTOMERS r.customer_id}}
                ORDER BY r.customer_id, r.rated_on DESC, r.agency
            ),
            promises AS (
                SELECT bp.customer_id, bp.broken_promises
                FROM customer_broken_promises(CAST(:asOf AS date)) bp
                WHERE {{CUSTOMERS bp.customer_id}}
            ),
            bad_party AS (
                SELECT pk.customer_id, pk.attribute, pk.value
                FROM party_key pk
                WHERE pk.customer_id IN (SELECT ca.customer_id FROM credit_account ca WHERE ca.credit_state = 'STOPPED' OR ca.legal
                                         UNION
                                         SELECT o.customer_id FROM customer_outcome o WHERE o.occurred_on <= CAST(:asOf AS date))
            ),
            bad_links AS (
                SELECT mine.customer_id, count(DISTINCT bp.customer_id) AS links
                FROM bad_party bp
                JOIN party_key mine ON mine.attribute = bp.attribute AND mine.value = bp.value AND mine.customer_id <> bp.customer_id
                WHERE {{CUSTOMERS mine.customer_id}}
                  AND NOT EXISTS (SELECT 1 FROM link_clearance lc
                                  WHERE lc.customer_id = mine.customer_id AND lc.linked_customer_id = bp.customer_id)
                GROUP BY mine.customer_id
            )
            SELECT c.id AS customer_id, c.code, c.business_group, c.currency, c.payment_term_days,
                   coalesce(b.sales_12m, 0) AS sales_12m,
                   st.book_equity,
                   round(b.days_beyond_terms, 4) AS days_beyond_terms,
                   round(b.days_beyond_terms_3m, 4) AS days_beyond_terms_3m,
                   round(b.late_share, 4) AS late_payment_share,
                   CAST(coalesce(bc.cheques, 0) AS numeric) AS bounced_cheques,
                   CAST(coalesce(b.max_days_overdue, 0) AS numeric) AS max_days_overdue,
                   round(100.0 * (coalesce(b.open_receivables, 0) + coalesce(r.amount, 0)) / nullif(l.amount, 0), 4)
                       AS limit_utilisation,
                   CASE WHEN c.established_on <= CAST(:asOf AS date)
                        THEN round((CAST(:asOf AS date) - c.established_on) / 365.25, 4) END AS years_in_business,
                   round(100.0 * (coalesce(b.sales_recent, 0) / nullif(b.sales_before, 0) - 1), 4) AS sales_trend,
                   round(st.current_assets / nullif(st.current_liabilities, 0), 4) AS current_ratio,
                   round(100.0 * st.total_liabilities / st.total_assets, 4) AS debt_ratio,
                   round(100.0 * st.net_income / nullif(st.revenue, 0), 4) AS net_margin,
                   round(6.56 * (st.current_assets - st.current_liabilities) / st.total_assets
                         + 3.26 * st.retained_earnings / st.total_assets
                         + 6.72 * st.ebit / st.total_assets
                         + 1.05 * st.book_equity / nullif(st.total_liabilities, 0), 4) AS altman_z,
                   round(100.0 * (st.current_assets - st.current_liabilities) / st.total_assets, 4)
                       AS working_capital_to_assets,
                   round(100.0 * st.retained_earnings / st.total_assets, 4) AS retained_earnings_to_assets,
                   round(100.0 * st.ebit / st.total_assets, 4) AS ebit_to_assets,
                   round(st.book_equity / nullif(st.total_liabilities, 0), 4) AS equity_to_liabilities,
                   round(100.0 * st.net_income / st.total_assets, 4) AS net_income_to_assets,
                   round(st.revenue / st.total_assets, 4) AS sales_to_assets,
                   CASE WHEN st.total_assets > 0 THEN round(log(st.total_assets), 4) END AS log_total_assets,
                   round(100.0 * st.net_income / nullif(st.total_liabilities, 0), 4) AS net_income_to_liabilities,
                   CAST(array_position(ARRAY['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'], ra.rating)
                        AS numeric) AS external_rating,
                   CAST(coalesce(pr.broken_promises, 0) AS numeric) AS broken_promises_12m,
                   CAST(coalesce(bl.links, 0) AS numeric) AS bad_links,
                   CAST(coalesce(b.invoices_due, 0) AS integer) AS invoices_due_12m
            FROM customer c
            LEFT JOIN behaviour b ON b.customer_id = c.id
            LEFT JOIN released r ON r.customer_id = c.id
            LEFT JOIN line l ON l.customer_id = c.id
            LEFT JOIN bounced bc ON bc.customer_id = c.id
            LEFT JOIN statement st ON st.customer_id = c.id
            LEFT JOIN rating ra ON ra.customer_id = c.id
            LEFT JOIN promises pr ON pr.customer_id = c.id
            LEFT JOIN bad_links bl ON bl.customer_id = c.id
            WHERE {{CUSTOMERS c.id}}
            ORDER BY c.id
            """;

    // Rescoring a date replaces its scores: delete, then COPY the new rows in (faster than upserting).
    private static final String DELETE_SCORES = """
            DELETE FROM score_history h WHERE h.as_of = :asOf AND {{CUSTOMERS h.customer_id}}
            """;
    private static final String COPY_SCORES = """
            COPY score_history (customer_id, as_of, scorecard_id, score, risk_class, factor_values, factor_points,
                                recommended_limit, currency, review_on, scored_at)
            FROM STDIN (FORMAT csv)
            """;

    // The newest score per customer; an older date rescored later does not overwrite a newer one.
    // The rows written are the customers whose newest score is of this date: their classes go to credit. A full run
    // makes each copied chunk's customers current as it goes (after < customer <= upTo).
    private static final String CURRENT = """
            INSERT INTO customer_score (customer_id, as_of, score, risk_class, previous_class)
            SELECT h.customer_id, h.as_of, h.score, h.risk_class, NULL
            FROM score_history h
            WHERE h.as_of = :asOf AND h.customer_id > :after AND h.customer_id <= :upTo AND {{CUSTOMERS h.customer_id}}
            ON CONFLICT (customer_id) DO UPDATE
                SET previous_class = CASE WHEN customer_score.as_of < EXCLUDED.as_of THEN customer_score.risk_class
                                          ELSE customer_score.previous_class END,
                    as_of = EXCLUDED.as_of, score = EXCLUDED.score, risk_class = EXCLUDED.risk_class
                WHERE customer_score.as_of <= EXCLUDED.as_of
            RETURNING customer_id, risk_class
            """;

    // Letters sort like the classes (A best), so a greater letter is a drop. Same date again: no new alert.
    private static final String CLASS_DROP_ALERTS = """
            INSERT INTO risk_alert (at, customer_id, type, message, message_key, message_args, business_date)
            SELECT :at, s.customer_id, 'CLASS_DROP',
                   'Risk class fell from ' || s.previous_class || ' to ' || s.risk_class
                   || ' (score ' || s.score || ') as of ' || s.as_of,
                   'risk.alert.classDrop',
                   ARRAY[CAST(s.previous_class AS text), CAST(s.risk_class AS text), CAST(s.score AS text),
                         CAST(s.as_of AS text)],
                   s.as_of
            FROM customer_score s
            WHERE s.as_of = :asOf AND s.previous_class IS NOT NULL AND s.risk_class > s.previous_class
              AND {{CUSTOMERS s.customer_id}}
              AND NOT EXISTS (SELECT 1 FROM risk_alert a
                              WHERE a.customer_id = s.customer_id AND a.type = 'CLASS_DROP'
                                AND a.message = 'Risk class fell from ' || s.previous_class || ' to ' || s.risk_class
                                                || ' (score ' || s.score || ') as of ' || s.as_of)
            """;

    // The history's key is (as_of, customer_id) (V177), so a run's rows append at its end: one customer's newest dates
    // come from a backward skip scan of it, one descent per date returned.
    private static final String HISTORY_OF = """
            SELECT as_of, score, risk_class, recommended_limit, currency, review_on
            FROM score_history
            WHERE customer_id = :customerId AND as_of <= :asOf
            ORDER BY as_of DESC
            LIMIT :limit
            """;

    // The statement the factor values use: the newest of a year up to the date's.
    private static final String STATEMENT_ON = """
            SELECT year, currency, revenue, net_income, ebit, current_assets, current_liabilities, total_assets,
                   total_liabilities, retained_earnings, book_equity
            FROM financial_statement
            WHERE customer_id = :customerId AND year <= :year
            ORDER BY year DESC
            LIMIT 1
            """;

    // Whether this transaction has written anything yet: it has a transaction id only once it has.
    private static final String NOTHING_WRITTEN = "SELECT pg_current_xact_id_if_assigned() IS NULL";

    // The run's aggregates over all invoices and allocations get more sort/hash memory than a request needs.
    private static final String RUN_WORK_MEM = "SET LOCAL work_mem = '256MB'";

    // Chunks (256 KB each) the reading thread may be ahead of the copying one; the end of the rows is an empty one.
    private static final int CHUNKS_AHEAD = 8;
    private static final Chunk ALL_READ = new Chunk(new byte[0], Long.MAX_VALUE);

    /** Rows of score_history in CSV, of the customers up to this one (the factor values come in customer order). */
    private record Chunk(byte[] csv, long upTo) {}

    // Below G1's humongous size at -Xmx512m (half a 1 MB region), so the chunks are ordinary young objects.
    private static final int COPY_CHUNK = 1 << 18;

    /*
     * The factor values are read through a cursor this many rows at a time (in a transaction; outside one the
     * driver reads all rows at once) and handed on row by row, so a full run never holds 100,000 rows of
     * 30 columns as the driver's byte arrays nor as FactorValues at once: under -Xmx512m those filled the old
     * generation and the runs after the first paid for mixed collections (session 10, docs/performance.md).
     */
    static final int FETCH_SIZE = 2000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final DataSource dataSource;
    private final ClosedInvoiceSumsRepository closedSums;
    private final TransactionTemplate reading;
    private final int copyChunk;

    @Autowired
    ScoreRepository(
            JdbcClient jdbc,
            DataSource dataSource,
            ClosedInvoiceSumsRepository closedSums,
            PlatformTransactionManager transactions) {
        this(jdbc, dataSource, closedSums, transactions, FETCH_SIZE, COPY_CHUNK);
    }

    /** With other sizes: a test makes a small portfolio's run fetch and copy many times, interleaved. */
    ScoreRepository(
            JdbcClient jdbc,
            DataSource dataSource,
            ClosedInvoiceSumsRepository closedSums,
            PlatformTransactionManager transactions,
            int fetchSize,
            int copyChunk) {
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(fetchSize);
        this.streaming = JdbcClient.create(fetching);
        this.dataSource = dataSource;
        this.closedSums = closedSums;
        this.reading = new TransactionTemplate(transactions);
        this.reading.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.copyChunk = copyChunk;
    }

    /**
     * A run's new rows of {@code score_history}, copied in as the run goes: CSV lines (some 250 bytes a customer) are
     * gathered to 256 KB and then copied in on the run's connection between two fetches of the factor values' cursor
     * (its portal stays open meanwhile), so the run never holds more than one chunk. Kept until the end (25 MB at
     * 100,000 customers) they outlived every young collection of the run and filled the old generation run after run
     * until a concurrent cycle and mixed collections ran inside a run (session 11, docs/performance.md).
     */
    final class ScoreCopy {
        private final StringBuilder out = new StringBuilder(copyChunk + 4096);
        private int rows;
        private long copyNanos;
        private long besideNanos;
        private long currentBesideNanos;
        // Whether the run's transaction had written nothing before the date's old rows were deleted.
        private boolean nothingWrittenBefore;
        // Set while the rows are gathered on the thread that reads the factor values (scorePortfolio): each full chunk
        // goes to the run's thread, which copies it in on the run's connection and makes its customers current.
        private @Nullable Consumer<Chunk> handOff;
        private long lastCustomer = Long.MIN_VALUE;
        // The customers up to this one are current already, with these classes.
        private long currentUpTo = Long.MIN_VALUE;
        private final Map<Long, String> current = new LinkedHashMap<>();

        void add(ScoreRow row) {
            row.appendCsv(out);
            rows++;
            lastCustomer = row.customerId();
            if (out.length() >= copyChunk) flush();
        }

        int rows() {
            return rows;
        }

        /** Copies the rows still gathered. */
        void finish() {
            flush();
        }

        /** The time spent so far deleting the date's old rows and copying the new ones in. */
        long copyNanos() {
            return copyNanos;
        }

        /** The part of {@link #copyNanos} spent while the factor values were read on another thread. */
        long besideNanos() {
            return besideNanos;
        }

        /** The time spent making the copied customers' scores current while the factor values were read. */
        long currentBesideNanos() {
            return currentBesideNanos;
        }

        private void flush() {
            if (out.isEmpty()) return;
            byte[] chunk = out.toString().getBytes(StandardCharsets.UTF_8);
            out.setLength(0);
            if (handOff == null) {
                copy(chunk);
            } else {
                handOff.accept(new Chunk(chunk, lastCustomer));
            }
        }

        private void copy(byte[] chunk) {
            long from = System.nanoTime();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SCORES);
                try {
                    copy.writeToCopy(chunk, 0, chunk.length);
                    copy.endCopy();
                } finally {
                    if (copy.isActive()) copy.cancelCopy();
                }
            } catch (SQLException e) {
                throw new UncategorizedSQLException("COPY score_history", COPY_SCORES, e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            copyNanos += System.nanoTime() - from;
        }
    }

    /**
     * One scoring run at a time, across app instances: a transaction-scoped advisory lock. The run's
     * aggregates over all invoices and allocations get more sort/hash memory than a request needs.
     */
    void lockRun() {
        jdbc.sql("SELECT pg_advisory_xact_lock(4500001)").query((rs, n) -> 1).list();
        jdbc.sql(RUN_WORK_MEM).update();
    }

    /** Where an invoice's open amount and payment date as of the scored date come from. */
    enum InvoiceState {
        /** The ledger's open amounts: valid when nothing was allocated or reversed after the date. */
        LEDGER,
        /** Re-derived from the allocations effective on the date: valid for any date. */
        ALLOCATIONS,
        /**
         * The open invoices from the ledger, the paid ones from the sums kept for the date ({@link
         * ClosedInvoiceSumsRepository#keep}): valid when {@link #LEDGER} is and the sums were kept for the date.
         */
        STORED
    }

    /** Factor values as of the date for these customers (all when null), by customer id. */
    List<FactorValues> factorValues(LocalDate asOf, @Nullable List<Long> customerIds) {
        List<FactorValues> all = new ArrayList<>();
        factorValues(asOf, customerIds, all::add);
        return all;
    }

    /** The same, handed on one customer at a time in customer id order. */
    void factorValues(LocalDate asOf, @Nullable List<Long> customerIds, Consumer<FactorValues> each) {
        factorValues(asOf, customerIds, ledgerHolds(asOf) ? InvoiceState.LEDGER : InvoiceState.ALLOCATIONS, each);
    }

    /**
     * Every customer's factor values as of the date, as a full run reads them: when the ledger holds for the date,
     * the paid invoices' sums are kept for it and read with the open invoices ({@link InvoiceState#STORED});
     * otherwise from the allocations. Handed on one customer at a time in customer id order.
     */
    void portfolioFactorValues(LocalDate asOf, Consumer<FactorValues> each) {
        if (!ledgerHolds(asOf)) {
            factorValues(asOf, null, InvoiceState.ALLOCATIONS, each);
            return;
        }
        closedSums.keep(asOf);
        // The statement groups ~457,000 open invoices by customer and currency, then ~190,000 rows (those groups
        // and the kept sums) by customer. Hashed, all groups' NUMERIC sum states are held at once (125 MB and 250 MB
        // at 100,000 customers); sorted, the groups stream one customer at a time and merge with the customers in id
        // order: 2.15–2.19 CPU s against 2.71–2.78 (session 10, docs/performance.md). For this statement only.
        jdbc.sql(ClosedInvoiceSumsRepository.SORTED_AGGREGATES).update();
        factorValues(asOf, null, InvoiceState.STORED, each);
        jdbc.sql(ClosedInvoiceSumsRepository.HASHED_AGGREGATES_AGAIN).update();
    }

    /**
     * A full run's scores: every customer's factor values as of the date ({@link #portfolioFactorValues}) handed to the
     * scorer, and the rows it returns copied in as {@code copy} gathers them.
     *
     * <p>When the run's transaction had written nothing before it deleted the date's old scores (a run started on its
     * own, as every caller but a test in a transaction of its own does), the factor values are read on a second
     * connection, in a transaction of their own that also moves the kept sums, and scored on a second thread, while the
     * run's thread copies each chunk of rows in on the run's connection as it comes and makes those customers' scores
     * current: the history's COPY and the current scores (about 1.4 and 0.7 CPU s of PostgreSQL at 100,000 customers)
     * run on the other core beside the factor statement instead of between its fetches and after it (session 13,
     * docs/performance.md). The second transaction sees what the run's would: the run has written nothing the statement
     * reads (the deleted scores are not among its inputs), and each reads committed rows as of its statement's start.
     * The kept sums' move commits with the reading even if the run then fails: they are the sums of their date either
     * way. Otherwise (the caller wrote in this transaction, which another connection could not see) everything stays on
     * the run's connection.
     */
    void scorePortfolio(LocalDate asOf, Function<FactorValues, @Nullable ScoreRow> scorer, ScoreCopy copy) {
        if (!copy.nothingWrittenBefore) {
            portfolioFactorValues(asOf, values -> gather(scorer.apply(values), copy));
            return;
        }
        BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
        AtomicBoolean stopped = new AtomicBoolean();
        copy.handOff = chunk -> handOver(chunks, chunk, stopped);
        FutureTask<Void> read = new FutureTask<>(() -> {
            try {
                reading.executeWithoutResult(status -> {
                    jdbc.sql(RUN_WORK_MEM).update();
                    portfolioFactorValues(asOf, values -> {
                        if (stopped.get()) throw new CancellationException("the run stopped copying");
                        gather(scorer.apply(values), copy);
                    });
                    copy.finish();
                });
            } finally {
                handOver(chunks, ALL_READ, stopped);
            }
            return null;
        });
        Thread.ofPlatform().name("scoring-read").start(read);
        RuntimeException copyFailed = null;
        try {
            for (Chunk chunk = chunks.take(); chunk != ALL_READ; chunk = chunks.take()) {
                if (copyFailed != null) continue;
                try {
                    long from = System.nanoTime();
                    copy.copy(chunk.csv());
                    long copied = System.nanoTime();
                    copy.besideNanos += copied - from;
                    makeCurrent(asOf, null, copy, chunk.upTo());
                    copy.currentBesideNanos += System.nanoTime() - copied;
                } catch (RuntimeException e) {
                    copyFailed = e;
                    stopped.set(true);
                }
            }
            read.get();
        } catch (InterruptedException e) {
            stopped.set(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while copying the scores in", e);
        } catch (ExecutionException e) {
            if (copyFailed == null) {
                throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
            }
        } finally {
            copy.handOff = null;
        }
        if (copyFailed != null) throw copyFailed;
    }

    private static void gather(@Nullable ScoreRow row, ScoreCopy copy) {
        if (row != null) copy.add(row);
    }

    /** Waits for room; gives up once the run stopped taking chunks. */
    private static void handOver(BlockingQueue<Chunk> chunks, Chunk chunk, AtomicBoolean stopped) {
        try {
            while (!chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (stopped.get()) throw new CancellationException("the run stopped copying");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while handing over scores");
        }
    }

    /** Whether the ledger's open amounts are those of the date: nothing allocated or reversed after it. */
    private boolean ledgerHolds(LocalDate asOf) {
        return jdbc.sql(LEDGER_SETTLED_BY)
                .param("asOf", asOf)
                .query(Boolean.class)
                .single();
    }

    List<FactorValues> factorValues(LocalDate asOf, @Nullable List<Long> customerIds, InvoiceState state) {
        List<FactorValues> all = new ArrayList<>();
        factorValues(asOf, customerIds, state, all::add);
        return all;
    }

    void factorValues(
            LocalDate asOf, @Nullable List<Long> customerIds, InvoiceState state, Consumer<FactorValues> each) {
        String invoices = switch (state) {
            case LEDGER -> INVOICES_NOW;
            case ALLOCATIONS -> INVOICES_AS_OF;
            case STORED -> INVOICES_OPEN;
        };
        String sql = FACTOR_VALUES
                .replace(INVOICES, invoices)
                .replace(SUMS, state == InvoiceState.STORED ? STORED_SUMS : "");
        dated(streaming.sql(filtered(sql, customerIds)), asOf, customerIds).query(rs -> {
            each.accept(values(rs, rs.getRow()));
        });
    }

    /**
     * Deletes the scores of the date of these customers (all when null) and returns what copies the new ones in; in the
     * run's transaction, so the date's scores are replaced at once.
     */
    ScoreCopy replaceScores(LocalDate asOf, @Nullable List<Long> customerIds) {
        long from = System.nanoTime();
        boolean nothingWritten = jdbc.sql(NOTHING_WRITTEN).query(Boolean.class).single();
        withIds(jdbc.sql(filtered(DELETE_SCORES, customerIds)), customerIds)
                .param("asOf", asOf)
                .update();
        ScoreCopy copy = new ScoreCopy();
        copy.nothingWrittenBefore = nothingWritten;
        copy.copyNanos = System.nanoTime() - from;
        return copy;
    }

    /**
     * Makes this date's scores current where no newer score exists (those of the customers the copy has not made current
     * as it went); returns the classes of every customer made current.
     */
    Map<Long, String> updateCurrent(LocalDate asOf, @Nullable List<Long> customerIds, ScoreCopy copy) {
        makeCurrent(asOf, customerIds, copy, Long.MAX_VALUE);
        return copy.current;
    }

    private void makeCurrent(LocalDate asOf, @Nullable List<Long> customerIds, ScoreCopy copy, long upTo) {
        withIds(jdbc.sql(filtered(CURRENT, customerIds)), customerIds)
                .param("asOf", asOf)
                .param("after", copy.currentUpTo)
                .param("upTo", upTo)
                .query(rs -> {
                    copy.current.put(rs.getLong("customer_id"), rs.getString("risk_class"));
                });
        copy.currentUpTo = upTo;
    }

    int alertClassDrops(LocalDate asOf, @Nullable List<Long> customerIds, OffsetDateTime at) {
        return withIds(jdbc.sql(filtered(CLASS_DROP_ALERTS, customerIds)), customerIds)
                .param("asOf", asOf)
                .param("at", at)
                .update();
    }

    /** A financial statement and its fiscal year. */
    record DatedStatement(int year, FinancialStatement statement) {}

    /** The statement the customer's ratios as of the date come from, if any. */
    Optional<DatedStatement> statementOn(long customerId, LocalDate asOf) {
        return jdbc.sql(STATEMENT_ON)
                .param("customerId", customerId)
                .param("year", asOf.getYear())
                .query((rs, n) -> new DatedStatement(rs.getInt("year"), FinancialStatementRepository.statement(rs)))
                .optional();
    }

    /** A stored score as the run wrote it. */
    record StoredScore(
            LocalDate asOf,
            BigDecimal score,
            String riskClass,
            BigDecimal recommendedLimit,
            String currency,
            LocalDate reviewOn) {}

    List<StoredScore> history(long customerId, LocalDate asOf, int limit) {
        return jdbc.sql(HISTORY_OF)
                .param("customerId", customerId)
                .param("asOf", asOf)
                .param("limit", limit)
                .query((rs, n) -> new StoredScore(
                        rs.getObject("as_of", LocalDate.class),
                        rs.getBigDecimal("score"),
                        rs.getString("risk_class"),
                        rs.getBigDecimal("recommended_limit"),
                        rs.getString("currency").trim(),
                        rs.getObject("review_on", LocalDate.class)))
                .list();
    }

    Optional<StoredScore> stored(long customerId, LocalDate asOf) {
        return history(customerId, asOf, 1).stream()
                .filter(s -> s.asOf().equals(asOf))
                .findFirst();
    }

    private static String filtered(String sql, @Nullable List<Long> customerIds) {
        return CUSTOMERS.matcher(sql).replaceAll(customerIds == null ? "TRUE" : "$1 = ANY(CAST(:ids AS bigint[]))");
    }

    private static JdbcClient.StatementSpec withIds(JdbcClient.StatementSpec spec, @Nullable List<Long> customerIds) {
        return customerIds == null ? spec : spec.param("ids", customerIds.toArray(Long[]::new));
    }

    private static JdbcClient.StatementSpec dated(
            JdbcClient.StatementSpec spec, LocalDate asOf, @Nullable List<Long> customerIds) {
        return withIds(spec, customerIds)
                .param("asOf", asOf)
                .param("from3", asOf.minusMonths(3))
                .param("from6", asOf.minusMonths(6))
                .param("from12", asOf.minusMonths(12))
                .param("from24", asOf.minusMonths(24));
    }

    // Each factor's column in FACTOR_VALUES, named once instead of once a row.
    private static final ScoreFactor[] FACTORS = ScoreFactor.values();
    private static final String[] FACTOR_COLUMNS =
            Arrays.stream(FACTORS).map(f -> f.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

    private static FactorValues values(ResultSet rs, int row) throws SQLException {
        Map<ScoreFactor, @Nullable BigDecimal> values = new EnumMap<>(ScoreFactor.class);
        for (int f = 0; f < FACTORS.length; f++) {
            values.put(FACTORS[f], rs.getBigDecimal(FACTOR_COLUMNS[f]));
        }
        return new FactorValues(
                rs.getLong("customer_id"),
                rs.getString("code"),
                rs.getString("business_group"),
                rs.getString("currency").trim(),
                rs.getInt("payment_term_days"),
                rs.getInt("invoices_due_12m"),
                rs.getBigDecimal("sales_12m"),
                rs.getBigDecimal("book_equity"),
                values);
    }
}

package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The prediction's SQL: paid history and open invoices as of a date from the ledger's invoices and
 * allocations (the same as-of rule as the aging), the collections facts (disputes, promises, approval
 * steps), the stored predictions and models.
 */
@Repository
class PredictionRepository {

    // An invoice is paid on the date of the allocation that settled it, as of the date asked.
    private static final String PAID = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount, max(a.allocated_on) AS paid_on
                FROM allocation a
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                GROUP BY a.invoice_id
            )
            SELECT i.customer_id, i.id, i.due_date, s.paid_on, i.amount
            FROM invoice i
            JOIN settled s ON s.invoice_id = i.id
            WHERE s.amount >= i.amount AND i.issue_date <= :asOf AND i.due_date >= :from
            ORDER BY i.customer_id, s.paid_on, i.due_date, i.id
            """;

    // Each customer's last invoices paid by the date (the last payment in the two years before it), newest
    // first, from the allocations effective on the date (allocated by then, not reversed by then).
    private static final String RECENT_PAID = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount, max(a.allocated_on) AS paid_on
                FROM allocation a
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                GROUP BY a.invoice_id
            ),
            ranked AS (
                SELECT i.customer_id, i.id, i.due_date, s.paid_on, i.amount,
                       row_number() OVER (PARTITION BY i.customer_id ORDER BY s.paid_on DESC, i.due_date DESC, i.id DESC) AS n
                FROM invoice i
                JOIN settled s ON s.invoice_id = i.id
                WHERE s.amount >= i.amount AND s.paid_on > CAST(:asOf AS date) - 730
                  AND i.customer_id BETWEEN :fromCustomer AND :toCustomer
            )
            SELECT customer_id, id, due_date, paid_on, amount FROM ranked WHERE n <= :history
            """;

    // The same when nothing was allocated or reversed after the date: a settled invoice (open amount 0) was
    // paid on its newest allocation (the ledger keeps it in paid_item, V92), and each customer's newest are
    // read off paid_item_newest_idx without touching the allocations or sorting the paid invoices.
    private static final String RECENT_PAID_NOW = """
            SELECT c.id AS customer_id, r.id, r.due_date, r.paid_on, r.amount
            FROM customer c
            CROSS JOIN LATERAL (
                SELECT i.id, i.due_date, i.last_allocated_on AS paid_on, i.amount
                FROM paid_item i
                WHERE i.customer_id = c.id AND i.last_allocated_on > CAST(:asOf AS date) - 730
                ORDER BY i.last_allocated_on DESC, i.due_date DESC, i.id DESC
                LIMIT :history
            ) r
            WHERE c.id BETWEEN :fromCustomer AND :toCustomer
            """;

    private static final String OPEN = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                GROUP BY a.invoice_id
            )
            SELECT i.customer_id, i.id, i.due_date, i.amount, i.amount - coalesce(s.amount, 0) AS open_amount, i.currency,
                   i.product_line, c.area_code
            FROM invoice i
            JOIN customer c ON c.id = i.customer_id
            LEFT JOIN settled s ON s.invoice_id = i.id
            WHERE i.issue_date <= :asOf AND i.amount - coalesce(s.amount, 0) > 0
              AND i.customer_id BETWEEN :fromCustomer AND :toCustomer
            """;

    // The same when nothing was allocated or reversed after the date: the ledger's own open amounts.
    private static final String OPEN_NOW = """
            SELECT i.customer_id, i.id, i.due_date, i.amount, i.open_amount, i.currency, i.product_line, c.area_code
            FROM open_item i
            JOIN customer c ON c.id = i.customer_id
            WHERE i.issue_date <= :asOf AND i.customer_id BETWEEN :fromCustomer AND :toCustomer
            """;

    // Whether the invoices' own open amounts and newest allocation dates are the state as of the date: nothing
    // allocated or reversed after it (the ledger's published fact, V116).
    private static final String LEDGER_SETTLED_BY =
            "SELECT coalesce(ledger_last_settlement_change() <= CAST(:asOf AS date), true)";

    private static final String DISPUTES = """
            SELECT invoice_id, raised_on, resolved_on FROM invoice_dispute WHERE raised_on <= :asOf
            """;

    private static final String PROMISES = """
            SELECT p.customer_id, p.made_on, p.promised_on, p.status,
                   coalesce(array_agg(pi.invoice_id) FILTER (WHERE pi.invoice_id IS NOT NULL), '{}') AS invoice_ids
            FROM payment_promise p
            LEFT JOIN payment_promise_invoice pi ON pi.promise_id = p.id
            WHERE p.made_on <= :asOf
            GROUP BY p.id
            """;

    private static final String STEPS = """
            SELECT invoice_id, status, since FROM invoice_approval_step WHERE since <= :asOf ORDER BY invoice_id, since, id
            """;

    private static final String GRACE = "SELECT grace_days FROM credit_policy WHERE id = 1";

    // A run replaces every row: emptied, loaded without its indexes and the model's foreign key, which are then
    // built once over the loaded rows (at 456,753 rows on a loaded machine about 3 s instead of 8 s for DELETE
    // and COPY through the indexes). TRUNCATE locks the table to the run's commit: pages reading predictions
    // wait for those seconds instead of reading the previous run's rows.
    private static final List<String> CLEAR = List.of(
            "TRUNCATE invoice_prediction",
            "ALTER TABLE invoice_prediction DROP CONSTRAINT invoice_prediction_pkey,"
                    + " DROP CONSTRAINT invoice_prediction_model_id_fkey",
            "DROP INDEX invoice_prediction_customer_idx");

    private static final List<String> INDEX = List.of(
            "ALTER TABLE invoice_prediction ADD CONSTRAINT invoice_prediction_pkey PRIMARY KEY (invoice_id),"
                    + " ADD CONSTRAINT invoice_prediction_model_id_fkey FOREIGN KEY (model_id) REFERENCES payment_model (id)",
            "CREATE INDEX invoice_prediction_customer_idx ON invoice_prediction (customer_id, predicted_pay_date)",
            // TRUNCATE and COPY leave the planner the old run's statistics (or none): the cash forecast then joined
            // the 456,753 predictions to their customers by as many index lookups (1.2 s instead of 0.6 s at 100 k).
            "ANALYZE invoice_prediction");

    // The sums the cash forecast reads (V152), per area, product line, currency and predicted pay date (P) or due
    // date (D), written with the predictions.
    private static final String SUMS = """
            INSERT INTO cash_forecast_sum (kind, area_code, product_line, currency, on_date, predictions, amount)
            SELECT k.kind, p.area_code, p.product_line, p.currency,
                   CASE k.kind WHEN 'P' THEN p.predicted_pay_date ELSE p.due_date END, count(*), sum(p.open_amount)
            FROM invoice_prediction p
            CROSS JOIN (VALUES ('P'), ('D')) AS k (kind)
            GROUP BY 1, 2, 3, 4, 5
            """;

    // Currencies are ISO codes, the rest numbers and dates: nothing to quote but the product line and the area.
    // An empty model: NULL (the baseline).
    private static final String COPY = """
            COPY invoice_prediction (invoice_id, customer_id, as_of, due_date, open_amount, currency,
                                     predicted_pay_date, late_probability, model_id, product_line, area_code)
            FROM STDIN (FORMAT csv)
            """;

    private static final int COPY_CHUNK = 1 << 20;

    private static final String MODEL_COLUMNS = """
            id, fitted_as_of, fitted_by, fitted_at, features, means, scales, late_intercept, late_coefficients,
            days_intercept, days_coefficients, snap_to_pay_day, CAST(report AS text) AS report, status, adopted_by,
            adopted_at
            """;

    private static final String INSERT_MODEL = """
            INSERT INTO payment_model (fitted_as_of, fitted_by, fitted_at, features, means, scales, late_intercept,
                                       late_coefficients, days_intercept, days_coefficients, snap_to_pay_day, report)
            VALUES (:asOf, :by, :at, :features, :means, :scales, :lateIntercept, :lateCoefficients, :daysIntercept,
                    :daysCoefficients, :snap, CAST(:report AS jsonb))
            RETURNING id
            """;

    private static final String MODELS = "SELECT " + MODEL_COLUMNS + " FROM payment_model ORDER BY id DESC LIMIT 20";

    private static final String MODEL = "SELECT " + MODEL_COLUMNS + " FROM payment_model WHERE id = :id";

    private static final String ADOPTED = "SELECT " + MODEL_COLUMNS + " FROM payment_model WHERE status = 'ADOPTED'";

    private static final String RETIRE = "UPDATE payment_model SET status = 'RETIRED' WHERE status = 'ADOPTED'";

    private static final String ADOPT = """
            UPDATE payment_model SET status = 'ADOPTED', adopted_by = :by, adopted_at = :at WHERE id = :id
            """;

    record Paid(long customerId, long invoiceId, PaidInvoice invoice) {}

    record Open(
            long customerId,
            long invoiceId,
            LocalDate dueDate,
            BigDecimal amount,
            BigDecimal openAmount,
            String currency,
            @Nullable String productLine,
            String areaCode) {}

    record Dispute(
            long invoiceId, LocalDate raisedOn, @Nullable LocalDate resolvedOn) {}

    record Promise(long customerId, LocalDate madeOn, LocalDate promisedOn, String status, List<Long> invoiceIds) {}

    record Step(long invoiceId, String status, LocalDate since) {}

    /** Rows fetched per round trip by the run's big reads (a cursor: the run is one transaction). */
    static final int FETCH_SIZE = 20_000;

    private final JdbcClient jdbc;
    private final JdbcClient streaming;
    private final DataSource dataSource;

    PredictionRepository(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = JdbcClient.create(template);
    }

    int graceDays() {
        return jdbc.sql(GRACE).query(Integer.class).single();
    }

    List<Paid> paid(LocalDate asOf, LocalDate dueFrom) {
        return jdbc.sql(PAID)
                .param("asOf", asOf)
                .param("from", dueFrom)
                .query(PredictionRepository::paid)
                .list();
    }

    /**
     * Whether nothing was allocated or reversed after the date, so that the invoices' own open amounts and
     * newest allocation dates are the ledger as of it (today's run; the two indexes answer without a scan).
     */
    boolean ledgerSettledBy(LocalDate asOf) {
        return jdbc.sql(LEDGER_SETTLED_BY)
                .param("asOf", asOf)
                .query(Boolean.class)
                .single();
    }

    /**
     * Each customer's last paid invoices, newest first; {@code settled}: see {@link #ledgerSettledBy}. Read
     * in slices (a run's 1.1 million rows at 100,000 customers are never all in the driver at once), with
     * one instance per date, as they repeat, and put in order per customer here (sorting them in the
     * statement cost more than the rest of it).
     */
    Map<Long, List<PaidInvoice>> recentPaid(LocalDate asOf, boolean settled, Customers customers) {
        Map<Long, List<Ranked>> byCustomer = new HashMap<>();
        Map<LocalDate, LocalDate> dates = new HashMap<>();
        streaming
                .sql(settled ? RECENT_PAID_NOW : RECENT_PAID)
                .param("asOf", asOf)
                .param("fromCustomer", customers.from())
                .param("toCustomer", customers.to())
                .param("history", PaymentFeatures.HISTORY)
                .query(rs -> {
                    LocalDate due = dates.computeIfAbsent(rs.getObject(3, LocalDate.class), d -> d);
                    LocalDate paidOn = dates.computeIfAbsent(rs.getObject(4, LocalDate.class), d -> d);
                    byCustomer
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(PaymentFeatures.HISTORY))
                            .add(new Ranked(rs.getLong(2), new PaidInvoice(due, paidOn, rs.getBigDecimal(5))));
                });
        Map<Long, List<PaidInvoice>> newestFirst = HashMap.newHashMap(byCustomer.size());
        byCustomer.forEach((customerId, paid) -> {
            paid.sort(Ranked.NEWEST_FIRST);
            List<PaidInvoice> invoices = new ArrayList<>(paid.size());
            for (Ranked r : paid) invoices.add(r.invoice());
            newestFirst.put(customerId, invoices);
        });
        return newestFirst;
    }

    /** A paid invoice and its id, which breaks ties of the same payment and due dates. */
    private record Ranked(long invoiceId, PaidInvoice invoice) {
        static final Comparator<Ranked> NEWEST_FIRST = Comparator.<Ranked, LocalDate>comparing(
                        r -> r.invoice().paidOn())
                .thenComparing(r -> r.invoice().dueDate())
                .thenComparingLong(Ranked::invoiceId)
                .reversed();
    }

    /** Customer ids {@code from} to {@code to}, both included: a run predicts them together. */
    record Customers(long from, long to) {}

    /** The customer ids in ranges of {@code size} ids, from the smallest to the largest (one range if there are none). */
    List<Customers> customerRanges(long size) {
        long[] bounds = jdbc.sql("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM customer")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        List<Customers> ranges = new ArrayList<>();
        long from = bounds[0];
        while (true) {
            long to = bounds[1] - from < size ? bounds[1] : from + size - 1;
            ranges.add(new Customers(from, to));
            if (to == bounds[1]) return ranges;
            from = to + 1;
        }
    }

    /** Each invoice open as of the date, in no order, read in slices; {@code settled}: see {@link #ledgerSettledBy}. */
    void eachOpen(LocalDate asOf, boolean settled, Customers customers, Consumer<Open> action) {
        streaming
                .sql(settled ? OPEN_NOW : OPEN)
                .param("asOf", asOf)
                .param("fromCustomer", customers.from())
                .param("toCustomer", customers.to())
                .query(rs -> {
                    action.accept(new Open(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getBigDecimal(4),
                            rs.getBigDecimal(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                });
    }

    List<Dispute> disputes(LocalDate asOf) {
        return jdbc.sql(DISPUTES)
                .param("asOf", asOf)
                .query((rs, n) -> new Dispute(
                        rs.getLong("invoice_id"),
                        rs.getObject("raised_on", LocalDate.class),
                        rs.getObject("resolved_on", LocalDate.class)))
                .list();
    }

    List<Promise> promises(LocalDate asOf) {
        return jdbc.sql(PROMISES)
                .param("asOf", asOf)
                .query((rs, n) -> new Promise(
                        rs.getLong("customer_id"),
                        rs.getObject("made_on", LocalDate.class),
                        rs.getObject("promised_on", LocalDate.class),
                        rs.getString("status"),
                        List.of((Long[]) rs.getArray("invoice_ids").getArray())))
                .list();
    }

    List<Step> steps(LocalDate asOf) {
        return jdbc.sql(STEPS)
                .param("asOf", asOf)
                .query((rs, n) -> new Step(
                        rs.getLong("invoice_id"), rs.getString("status"), rs.getObject("since", LocalDate.class)))
                .list();
    }

    /**
     * One prediction run at a time, to the end of its transaction. Runs after consecutive scoring runs can
     * overlap (the demo replays many): the second waits for the first's rows instead of colliding with
     * them, and then sees their date.
     */
    void lockRuns() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('invoice_prediction.replace'))")
                .query((rs, n) -> 1)
                .list();
    }

    /** The date the stored predictions were made as of (each run replaces all of them; none stored: empty). */
    Optional<LocalDate> predictedAsOf() {
        return jdbc.sql("SELECT as_of FROM invoice_prediction LIMIT 1")
                .query(LocalDate.class)
                .optional();
    }

    /**
     * A run's predictions as COPY's CSV lines, in chunks: at 456,753 invoices about 30 MB, instead of a
     * record of objects per invoice kept until the write.
     */
    static final class Predictions {

        private final String asOf;
        private final String modelId;
        private final List<byte[]> chunks = new ArrayList<>();
        private final StringBuilder out = new StringBuilder(COPY_CHUNK + 256);
        private int count;

        Predictions(LocalDate asOf, @Nullable Long modelId) {
            this.asOf = asOf.toString();
            this.modelId = modelId == null ? "" : modelId.toString();
        }

        void add(Open open, LocalDate payDate, double lateProbability) {
            out.append(open.invoiceId())
                    .append(',')
                    .append(open.customerId())
                    .append(',')
                    .append(asOf)
                    .append(',')
                    .append(open.dueDate())
                    .append(',')
                    .append(open.openAmount().toPlainString())
                    .append(',')
                    .append(open.currency())
                    .append(',')
                    .append(payDate)
                    .append(',')
                    .append(probability(lateProbability))
                    .append(',')
                    .append(modelId)
                    .append(',');
            // No product line: unquoted empty, which COPY reads as NULL; codes are quoted (CSV).
            if (open.productLine() != null) quoted(open.productLine());
            out.append(',');
            quoted(open.areaCode());
            out.append('\n');
            count++;
            if (out.length() >= COPY_CHUNK) flush();
        }

        int count() {
            return count;
        }

        private void quoted(String text) {
            out.append('"').append(text.replace("\"", "\"\"")).append('"');
        }

        private void flush() {
            if (!out.isEmpty()) chunks.add(out.toString().getBytes(StandardCharsets.UTF_8));
            out.setLength(0);
        }
    }

    /** Empties the stored predictions and drops their keys for the run's COPYs, under {@link #lockRuns}. */
    void clear() {
        CLEAR.forEach(sql -> jdbc.sql(sql).update());
    }

    /** Writes these predictions with one COPY (after {@link #clear}) and empties them for the next customers. */
    void copy(Predictions predictions) {
        predictions.flush();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
            try {
                for (byte[] chunk : predictions.chunks) copy.writeToCopy(chunk, 0, chunk.length);
                copy.endCopy();
            } finally {
                if (copy.isActive()) copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw new UncategorizedSQLException("COPY invoice_prediction", COPY, e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        predictions.chunks.clear();
    }

    /** After the last {@link #copy}: the keys and index built again, and the cash forecast's sums. */
    void finish() {
        INDEX.forEach(sql -> jdbc.sql(sql).update());
        jdbc.sql("DELETE FROM cash_forecast_sum").update();
        jdbc.sql(SUMS).update();
    }

    /**
     * Empties the log of customers moved to another area (V152) before a run reads the open invoices with their
     * customers' areas: a move committed after this statement's snapshot keeps its entry, so the forecast moves that
     * customer's predictions to its area now whichever area the run wrote on them.
     */
    void forgetMoves() {
        jdbc.sql("DELETE FROM cash_forecast_moved").update();
    }

    /** The stored late probability: four places, half up (the column's scale). */
    static String probability(double p) {
        return BigDecimal.valueOf(p).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    long insertModel(StoredModel m) {
        return jdbc.sql(INSERT_MODEL)
                .param("asOf", m.fittedAsOf())
                .param("by", m.fittedBy())
                .param("at", m.fittedAt())
                .param("features", m.features().toArray(String[]::new))
                .param("means", boxed(m.model().means()))
                .param("scales", boxed(m.model().scales()))
                .param("lateIntercept", m.model().lateIntercept())
                .param("lateCoefficients", boxed(m.model().lateCoefficients()))
                .param("daysIntercept", m.model().daysIntercept())
                .param("daysCoefficients", boxed(m.model().daysCoefficients()))
                .param("snap", m.model().snapToPayDay())
                .param("report", m.report())
                .query(Long.class)
                .single();
    }

    List<StoredModel> models() {
        return jdbc.sql(MODELS).query(PredictionRepository::model).list();
    }

    Optional<StoredModel> model(long id) {
        return jdbc.sql(MODEL)
                .param("id", id)
                .query(PredictionRepository::model)
                .optional();
    }

    Optional<StoredModel> adopted() {
        return jdbc.sql(ADOPTED).query(PredictionRepository::model).optional();
    }

    void adopt(long id, String by, OffsetDateTime at) {
        jdbc.sql(RETIRE).update();
        jdbc.sql(ADOPT).param("id", id).param("by", by).param("at", at).update();
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) boxed[i] = values[i];
        return boxed;
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) result[i] = ((Number) values[i]).doubleValue();
        return result;
    }

    private static Paid paid(ResultSet rs, int n) throws SQLException {
        return new Paid(
                rs.getLong("customer_id"),
                rs.getLong("id"),
                new PaidInvoice(
                        rs.getObject("due_date", LocalDate.class),
                        rs.getObject("paid_on", LocalDate.class),
                        rs.getBigDecimal("amount")));
    }

    private static StoredModel model(ResultSet rs, int n) throws SQLException {
        return new StoredModel(
                rs.getLong("id"),
                rs.getObject("fitted_as_of", LocalDate.class),
                rs.getString("fitted_by"),
                rs.getObject("fitted_at", OffsetDateTime.class),
                List.of((String[]) rs.getArray("features").getArray()),
                new PaymentModel(
                        rs.getLong("id"),
                        doubles(rs.getArray("means")),
                        doubles(rs.getArray("scales")),
                        rs.getDouble("late_intercept"),
                        doubles(rs.getArray("late_coefficients")),
                        rs.getDouble("days_intercept"),
                        doubles(rs.getArray("days_coefficients")),
                        rs.getBoolean("snap_to_pay_day")),
                rs.getString("report"),
                rs.getString("status"),
                rs.getString("adopted_by"),
                rs.getObject("adopted_at", OffsetDateTime.class));
    }
}

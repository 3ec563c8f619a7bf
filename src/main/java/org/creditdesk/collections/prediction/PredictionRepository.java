package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.sql.Array;
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

    // Each customer's last invoices paid by the date, newest first.
    private static final String RECENT_PAID = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount, max(a.allocated_on) AS paid_on
                FROM allocation a
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                  AND a.allocated_on > CAST(:asOf AS date) - 730
                GROUP BY a.invoice_id
            ),
            ranked AS (
                SELECT i.customer_id, i.id, i.due_date, s.paid_on, i.amount,
                       row_number() OVER (PARTITION BY i.customer_id ORDER BY s.paid_on DESC, i.due_date DESC, i.id DESC) AS n
                FROM invoice i
                JOIN settled s ON s.invoice_id = i.id
                WHERE s.amount >= i.amount
            )
            SELECT customer_id, id, due_date, paid_on, amount FROM ranked WHERE n <= :history
            ORDER BY customer_id, paid_on, due_date, id
            """;

    private static final String OPEN = """
            WITH settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount
                FROM allocation a
                WHERE a.allocated_on <= :asOf AND (a.reversed_on IS NULL OR a.reversed_on > :asOf)
                GROUP BY a.invoice_id
            )
            SELECT i.customer_id, i.id, i.due_date, i.amount, i.amount - coalesce(s.amount, 0) AS open_amount, i.currency
            FROM invoice i
            LEFT JOIN settled s ON s.invoice_id = i.id
            WHERE i.issue_date <= :asOf AND i.amount - coalesce(s.amount, 0) > 0
            ORDER BY i.customer_id, i.id
            """;

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

    private static final String CLEAR = "DELETE FROM invoice_prediction";

    private static final String INSERT = """
            INSERT INTO invoice_prediction (invoice_id, customer_id, as_of, due_date, open_amount, currency,
                                            predicted_pay_date, late_probability, model_id)
            SELECT p.invoice_id, p.customer_id, :asOf, p.due_date, p.open_amount, p.currency, p.pay_date,
                   p.late_probability, :modelId
            FROM unnest(CAST(:invoiceIds AS bigint[]), CAST(:customerIds AS bigint[]), CAST(:dueDates AS date[]),
                        CAST(:openAmounts AS numeric[]), CAST(:currencies AS text[]), CAST(:payDates AS date[]),
                        CAST(:probabilities AS numeric[]))
                 AS p (invoice_id, customer_id, due_date, open_amount, currency, pay_date, late_probability)
            """;

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
            String currency) {}

    record Dispute(
            long invoiceId, LocalDate raisedOn, @Nullable LocalDate resolvedOn) {}

    record Promise(long customerId, LocalDate madeOn, LocalDate promisedOn, String status, List<Long> invoiceIds) {}

    record Step(long invoiceId, String status, LocalDate since) {}

    record Row(
            long invoiceId,
            long customerId,
            LocalDate dueDate,
            BigDecimal openAmount,
            String currency,
            LocalDate payDate,
            double lateProbability) {}

    private final JdbcClient jdbc;

    PredictionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    List<Paid> recentPaid(LocalDate asOf) {
        return jdbc.sql(RECENT_PAID)
                .param("asOf", asOf)
                .param("history", PaymentFeatures.HISTORY)
                .query(PredictionRepository::paid)
                .list();
    }

    List<Open> open(LocalDate asOf) {
        return jdbc.sql(OPEN)
                .param("asOf", asOf)
                .query((rs, n) -> new Open(
                        rs.getLong("customer_id"),
                        rs.getLong("id"),
                        rs.getObject("due_date", LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("open_amount"),
                        rs.getString("currency")))
                .list();
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

    /** Replaces every stored prediction by these (one statement per batch), under {@link #lockRuns}. */
    void replace(LocalDate asOf, @Nullable Long modelId, List<Row> rows) {
        jdbc.sql(CLEAR).update();
        int batch = 50_000;
        for (int from = 0; from < rows.size(); from += batch) {
            List<Row> part = rows.subList(from, Math.min(rows.size(), from + batch));
            jdbc.sql(INSERT)
                    .param("asOf", asOf)
                    .param("modelId", modelId)
                    .param("invoiceIds", part.stream().map(Row::invoiceId).toArray(Long[]::new))
                    .param("customerIds", part.stream().map(Row::customerId).toArray(Long[]::new))
                    .param(
                            "dueDates",
                            part.stream().map(r -> r.dueDate().toString()).toArray(String[]::new))
                    .param("openAmounts", part.stream().map(Row::openAmount).toArray(BigDecimal[]::new))
                    .param("currencies", part.stream().map(Row::currency).toArray(String[]::new))
                    .param(
                            "payDates",
                            part.stream().map(r -> r.payDate().toString()).toArray(String[]::new))
                    .param(
                            "probabilities",
                            part.stream()
                                    .map(r -> BigDecimal.valueOf(r.lateProbability())
                                            .setScale(4, java.math.RoundingMode.HALF_UP))
                                    .toArray(BigDecimal[]::new))
                    .update();
        }
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

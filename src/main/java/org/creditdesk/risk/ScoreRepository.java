package org.creditdesk.risk;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The factor values of every customer as of a date in one statement (CTEs over invoices,
 * allocations, payments, limits, statements and ratings), and the scoring run that bands, scores,
 * classes and prices the whole portfolio in SQL, joined to the active cards.
 *
 * <p>History as of a date comes from the allocations effective on it (allocated by then and not
 * reversed by then), so any past date can be rescored.
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
            BigDecimal sales12Months,
            @Nullable BigDecimal bookEquity,
            Map<ScoreFactor, @Nullable BigDecimal> values) {}

    private static final String CUSTOMERS = "{{CUSTOMERS}}";

    // Every amount-based figure uses the documents in the customer's own currency; timing factors use all.
    private static final String FACTOR_VALUES = """
            WITH cust AS (
                SELECT c.id, c.code, c.business_group, c.payment_term_days, c.currency, c.established_on
                FROM customer c
                WHERE {{CUSTOMERS}}
            ),
            settled AS (
                SELECT a.invoice_id, sum(a.amount) AS amount, max(a.allocated_on) AS last_on
                FROM allocation a
                JOIN cust c ON c.id = a.customer_id
                WHERE a.allocated_on <= CAST(:asOf AS date) AND (a.reversed_on IS NULL OR a.reversed_on > CAST(:asOf AS date))
                GROUP BY a.invoice_id
            ),
            inv AS (
                SELECT i.customer_id, i.amount, i.issue_date, i.due_date, i.currency = c.currency AS own_currency,
                       i.amount - coalesce(s.amount, 0) AS open_amount,
                       CASE WHEN coalesce(s.amount, 0) >= i.amount THEN s.last_on END AS paid_on
                FROM invoice i
                JOIN cust c ON c.id = i.customer_id
                LEFT JOIN settled s ON s.invoice_id = i.id
                WHERE i.issue_date <= CAST(:asOf AS date)
            ),
            behaviour AS (
                SELECT inv.customer_id,
                       sum(inv.amount * greatest(coalesce(inv.paid_on, CAST(:asOf AS date)) - inv.due_date, 0))
                           FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date))
                         / nullif(sum(inv.amount) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date)), 0)
                           AS days_beyond_terms,
                       100.0 * count(*) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date)
                                                  AND coalesce(inv.paid_on, CAST(:asOf AS date)) > inv.due_date)
                         / nullif(count(*) FILTER (WHERE inv.due_date > CAST(:from12 AS date) AND inv.due_date <= CAST(:asOf AS date)), 0)
                           AS late_share,
                       max(CAST(:asOf AS date) - inv.due_date) FILTER (WHERE inv.open_amount > 0 AND inv.due_date < CAST(:asOf AS date))
                           AS max_days_overdue,
                       sum(inv.open_amount) FILTER (WHERE inv.own_currency) AS open_receivables,
                       sum(inv.amount) FILTER (WHERE inv.own_currency AND inv.issue_date > CAST(:from12 AS date)) AS sales_12m,
                       sum(inv.amount) FILTER (WHERE inv.own_currency AND inv.issue_date > CAST(:from6 AS date)) AS sales_recent,
                       sum(inv.amount) FILTER (WHERE inv.own_currency AND inv.issue_date > CAST(:from12 AS date)
                                                 AND inv.issue_date <= CAST(:from6 AS date)) AS sales_before
                FROM inv
                GROUP BY inv.customer_id
            ),
            released AS (
                SELECT o.customer_id, sum(o.amount) AS amount
                FROM sales_order o
                JOIN cust c ON c.id = o.customer_id AND o.currency = c.currency
                WHERE o.status = 'RELEASED' AND o.order_date <= CAST(:asOf AS date)
                GROUP BY o.customer_id
            ),
            line AS (
                SELECT l.customer_id, l.amount
                FROM credit_limit l
                JOIN cust c ON c.id = l.customer_id AND l.currency = c.currency
                WHERE l.contract_no IS NULL AND l.superseded_at IS NULL
                  AND l.valid_from <= CAST(:asOf AS date) AND l.valid_until >= CAST(:asOf AS date)
            ),
            bounced AS (
                SELECT pay.customer_id, count(*) AS cheques
                FROM payment pay
                JOIN cust c ON c.id = pay.customer_id
                WHERE pay.status = 'BOUNCED' AND pay.bounced_on > CAST(:from24 AS date) AND pay.bounced_on <= CAST(:asOf AS date)
                GROUP BY pay.customer_id
            ),
            statement AS (
                SELECT DISTINCT ON (f.customer_id) f.customer_id, f.revenue, f.net_income, f.ebit, f.current_assets,
                       f.current_liabilities, f.total_assets, f.total_liabilities, f.retained_earnings, f.book_equity
                FROM financial_statement f
                JOIN cust c ON c.id = f.customer_id
                WHERE f.year <= extract(YEAR FROM CAST(:asOf AS date))
                ORDER BY f.customer_id, f.year DESC
            ),
            rating AS (
                SELECT DISTINCT ON (r.customer_id) r.customer_id, r.rating
                FROM external_rating r
                JOIN cust c ON c.id = r.customer_id
                WHERE r.rated_on <= CAST(:asOf AS date)
                ORDER BY r.customer_id, r.rated_on DESC, r.agency
            ),
            fv AS (
                SELECT c.id AS customer_id, c.code, c.business_group, c.currency, c.payment_term_days,
                       coalesce(b.sales_12m, 0) AS sales_12m,
                       st.book_equity,
                       round(b.days_beyond_terms, 4) AS days_beyond_terms,
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
                       CAST(array_position(ARRAY['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'], ra.rating)
                            AS numeric) AS external_rating
                FROM cust c
                LEFT JOIN behaviour b ON b.customer_id = c.id
                LEFT JOIN released r ON r.customer_id = c.id
                LEFT JOIN line l ON l.customer_id = c.id
                LEFT JOIN bounced bc ON bc.customer_id = c.id
                LEFT JOIN statement st ON st.customer_id = c.id
                LEFT JOIN rating ra ON ra.customer_id = c.id
            )
            """;

    private static final String SELECT_VALUES = FACTOR_VALUES + """
            SELECT customer_id, code, business_group, currency, payment_term_days, sales_12m, book_equity,
                   days_beyond_terms, late_payment_share, bounced_cheques, max_days_overdue, limit_utilisation,
                   years_in_business, sales_trend, current_ratio, debt_ratio, net_margin, altman_z, external_rating
            FROM fv
            ORDER BY customer_id
            """;

    // Bands and points by joins to the active card of the customer's group; the points add up to the score.
    private static final String RUN = FACTOR_VALUES + """
            ,
            card AS (SELECT id, business_group, net_worth_cap_share FROM scorecard WHERE active),
            vals AS MATERIALIZED (
                SELECT fv.customer_id, card.id AS card_id, v.factor, v.value
                FROM fv
                JOIN card ON card.business_group = fv.business_group
                CROSS JOIN LATERAL (VALUES
                    ('DAYS_BEYOND_TERMS', fv.days_beyond_terms), ('LATE_PAYMENT_SHARE', fv.late_payment_share),
                    ('BOUNCED_CHEQUES', fv.bounced_cheques), ('MAX_DAYS_OVERDUE', fv.max_days_overdue),
                    ('LIMIT_UTILISATION', fv.limit_utilisation), ('YEARS_IN_BUSINESS', fv.years_in_business),
                    ('SALES_TREND', fv.sales_trend), ('CURRENT_RATIO', fv.current_ratio),
                    ('DEBT_RATIO', fv.debt_ratio), ('NET_MARGIN', fv.net_margin), ('ALTMAN_Z', fv.altman_z),
                    ('EXTERNAL_RATING', fv.external_rating)) AS v (factor, value)
            ),
            pts AS (
                SELECT vals.customer_id, sf.position, vals.factor, vals.value, b.label,
                       round(sf.weight * b.grade, 2) AS points
                FROM vals
                JOIN scorecard_factor sf ON sf.scorecard_id = vals.card_id AND sf.factor = vals.factor
                JOIN scorecard_band b ON b.scorecard_id = vals.card_id AND b.factor = vals.factor
                     AND CASE WHEN vals.value IS NULL THEN b.missing
                              ELSE NOT b.missing AND (b.from_value IS NULL OR vals.value >= b.from_value)
                                   AND (b.to_value IS NULL OR vals.value < b.to_value) END
            ),
            totals AS (
                SELECT customer_id, sum(points) AS score,
                       jsonb_agg(jsonb_build_object('name', factor, 'value', value, 'points', points, 'band', label)
                                 ORDER BY position) AS factors
                FROM pts
                GROUP BY customer_id
            )
            INSERT INTO score_history (customer_id, as_of, scorecard_id, score, risk_class, factors, recommended_limit,
                                       currency, review_on, scored_at)
            SELECT fv.customer_id, CAST(:asOf AS date), card.id, t.score, k.risk_class, t.factors,
                   floor(least(fv.sales_12m * (fv.payment_term_days + :graceDays) * k.limit_factor / 36000,
                               CASE WHEN fv.book_equity IS NOT NULL
                                    THEN greatest(fv.book_equity, 0) * card.net_worth_cap_share / 100 END)) * 100,
                   fv.currency, CAST(CAST(:asOf AS date) + make_interval(months => k.review_months) AS date), :scoredAt
            FROM fv
            JOIN card ON card.business_group = fv.business_group
            JOIN totals t ON t.customer_id = fv.customer_id
            CROSS JOIN LATERAL (
                SELECT c.risk_class, c.limit_factor, c.review_months
                FROM scorecard_class c
                WHERE c.scorecard_id = card.id AND c.min_score <= t.score
                ORDER BY c.min_score DESC
                LIMIT 1) k
            ON CONFLICT (customer_id, as_of) DO UPDATE
                SET scorecard_id = EXCLUDED.scorecard_id, score = EXCLUDED.score, risk_class = EXCLUDED.risk_class,
                    factors = EXCLUDED.factors, recommended_limit = EXCLUDED.recommended_limit,
                    currency = EXCLUDED.currency, review_on = EXCLUDED.review_on, scored_at = EXCLUDED.scored_at
            """;

    // The newest score per customer; an older date rescored later does not overwrite a newer one.
    private static final String CURRENT = """
            INSERT INTO customer_score (customer_id, as_of, score, risk_class, previous_class)
            SELECT h.customer_id, h.as_of, h.score, h.risk_class, NULL
            FROM score_history h
            WHERE h.as_of = :asOf AND {{CUSTOMERS}}
            ON CONFLICT (customer_id) DO UPDATE
                SET previous_class = CASE WHEN customer_score.as_of < EXCLUDED.as_of THEN customer_score.risk_class
                                          ELSE customer_score.previous_class END,
                    as_of = EXCLUDED.as_of, score = EXCLUDED.score, risk_class = EXCLUDED.risk_class
                WHERE customer_score.as_of <= EXCLUDED.as_of
            """;

    // Letters sort like the classes (A best), so a greater letter is a drop. Same date again: no new alert.
    private static final String CLASS_DROP_ALERTS = """
            INSERT INTO risk_alert (at, customer_id, type, message, business_date)
            SELECT :at, s.customer_id, 'CLASS_DROP',
                   'Risk class fell from ' || s.previous_class || ' to ' || s.risk_class
                   || ' (score ' || s.score || ') as of ' || s.as_of,
                   s.as_of
            FROM customer_score s
            WHERE s.as_of = :asOf AND s.previous_class IS NOT NULL AND s.risk_class > s.previous_class
              AND {{CUSTOMERS}}
              AND NOT EXISTS (SELECT 1 FROM risk_alert a
                              WHERE a.customer_id = s.customer_id AND a.type = 'CLASS_DROP'
                                AND a.message = 'Risk class fell from ' || s.previous_class || ' to ' || s.risk_class
                                                || ' (score ' || s.score || ') as of ' || s.as_of)
            """;

    private static final String CURRENT_CLASSES = """
            SELECT s.customer_id, s.risk_class FROM customer_score s WHERE s.as_of = :asOf AND {{CUSTOMERS}}
            """;

    private static final String RUN_SUMMARY = """
            SELECT risk_class, count(*) AS customers FROM score_history h
            WHERE h.as_of = :asOf AND {{CUSTOMERS}}
            GROUP BY risk_class ORDER BY risk_class
            """;

    private static final String HISTORY_OF = """
            SELECT as_of, score, risk_class, recommended_limit, currency, review_on, CAST(factors AS text) AS factors
            FROM score_history
            WHERE customer_id = :customerId AND as_of <= :asOf
            ORDER BY as_of DESC
            LIMIT :limit
            """;

    private static final String CURRENT_SCORE = "SELECT score FROM customer_score WHERE customer_id = :customerId";

    private final JdbcClient jdbc;

    java.util.Optional<java.math.BigDecimal> currentScore(long customerId) {
        return jdbc.sql(CURRENT_SCORE)
                .param("customerId", customerId)
                .query(java.math.BigDecimal.class)
                .optional();
    }

    ScoreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One scoring run at a time, across app instances: a transaction-scoped advisory lock. The run's
     * aggregates over all invoices and allocations get more sort/hash memory than a request needs.
     */
    void lockRun() {
        jdbc.sql("SELECT pg_advisory_xact_lock(4500001)").query((rs, n) -> 1).list();
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
    }

    /** Factor values as of the date for these customers (all when null). */
    List<FactorValues> factorValues(LocalDate asOf, @Nullable List<Long> customerIds) {
        return dated(jdbc.sql(filtered(SELECT_VALUES, customerIds, "c.id")), asOf, customerIds)
                .query(ScoreRepository::values)
                .list();
    }

    /** Scores these customers (all when null) as of the date into the history; returns rows written. */
    int scoreInto(LocalDate asOf, @Nullable List<Long> customerIds, int graceDays, OffsetDateTime at) {
        return dated(jdbc.sql(filtered(RUN, customerIds, "c.id")), asOf, customerIds)
                .param("graceDays", graceDays)
                .param("scoredAt", at)
                .update();
    }

    void updateCurrent(LocalDate asOf, @Nullable List<Long> customerIds) {
        withIds(jdbc.sql(filtered(CURRENT, customerIds, "h.customer_id")), customerIds)
                .param("asOf", asOf)
                .update();
    }

    int alertClassDrops(LocalDate asOf, @Nullable List<Long> customerIds, OffsetDateTime at) {
        return withIds(jdbc.sql(filtered(CLASS_DROP_ALERTS, customerIds, "s.customer_id")), customerIds)
                .param("asOf", asOf)
                .param("at", at)
                .update();
    }

    /** The classes of the customers whose newest score is of this date. */
    Map<Long, String> currentClasses(LocalDate asOf, @Nullable List<Long> customerIds) {
        Map<Long, String> classes = new LinkedHashMap<>();
        withIds(jdbc.sql(filtered(CURRENT_CLASSES, customerIds, "s.customer_id")), customerIds)
                .param("asOf", asOf)
                .query(rs -> {
                    classes.put(rs.getLong("customer_id"), rs.getString("risk_class"));
                });
        return classes;
    }

    Map<String, Long> classCounts(LocalDate asOf, @Nullable List<Long> customerIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        withIds(jdbc.sql(filtered(RUN_SUMMARY, customerIds, "h.customer_id")), customerIds)
                .param("asOf", asOf)
                .query(rs -> {
                    counts.put(rs.getString("risk_class"), rs.getLong("customers"));
                });
        return counts;
    }

    /** A stored score as the run wrote it. */
    record StoredScore(
            LocalDate asOf,
            BigDecimal score,
            String riskClass,
            BigDecimal recommendedLimit,
            String currency,
            LocalDate reviewOn,
            String factorsJson) {}

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
                        rs.getObject("review_on", LocalDate.class),
                        rs.getString("factors")))
                .list();
    }

    Optional<StoredScore> stored(long customerId, LocalDate asOf) {
        return history(customerId, asOf, 1).stream()
                .filter(s -> s.asOf().equals(asOf))
                .findFirst();
    }

    private static String filtered(String sql, @Nullable List<Long> customerIds, String column) {
        return sql.replace(CUSTOMERS, customerIds == null ? "TRUE" : column + " = ANY(CAST(:ids AS bigint[]))");
    }

    private static JdbcClient.StatementSpec withIds(JdbcClient.StatementSpec spec, @Nullable List<Long> customerIds) {
        return customerIds == null ? spec : spec.param("ids", customerIds.toArray(Long[]::new));
    }

    private static JdbcClient.StatementSpec dated(
            JdbcClient.StatementSpec spec, LocalDate asOf, @Nullable List<Long> customerIds) {
        return withIds(spec, customerIds)
                .param("asOf", asOf)
                .param("from6", asOf.minusMonths(6))
                .param("from12", asOf.minusMonths(12))
                .param("from24", asOf.minusMonths(24));
    }

    private static FactorValues values(ResultSet rs, int row) throws SQLException {
        Map<ScoreFactor, @Nullable BigDecimal> values = new EnumMap<>(ScoreFactor.class);
        for (ScoreFactor factor : ScoreFactor.values()) {
            values.put(factor, rs.getBigDecimal(factor.name().toLowerCase(java.util.Locale.ROOT)));
        }
        return new FactorValues(
                rs.getLong("customer_id"),
                rs.getString("code"),
                rs.getString("business_group"),
                rs.getString("currency").trim(),
                rs.getInt("payment_term_days"),
                rs.getBigDecimal("sales_12m"),
                rs.getBigDecimal("book_equity"),
                values);
    }
}

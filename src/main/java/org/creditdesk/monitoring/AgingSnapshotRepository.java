package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The aging the daily run computed, kept per business date (customer, currency, bucket): trends and
 * past-date views read it instead of replaying the allocation history. The product-line grouping is
 * not in a snapshot (the run ages per customer) and always computes live.
 */
@Repository
class AgingSnapshotRepository {

    /**
     * How long snapshots are kept ({@code creditdesk.monitoring.snapshots.*}).
     *
     * @param dailyDays every run date within this many days of the newest run is kept
     * @param monthEndYears older than that, the last snapshot of each month is kept for this many years
     */
    @ConfigurationProperties("creditdesk.monitoring.snapshots")
    record Retention(
            @DefaultValue("90") int dailyDays,
            @DefaultValue("5") int monthEndYears) {}

    /** The bucket definitions as one string: a snapshot is usable only under the same definitions. */
    static final String BUCKET_SET =
            "SELECT string_agg(code || ':' || from_days || ':' || coalesce(to_days::text, ''), ',' ORDER BY position)"
                    + " FROM aging_bucket";

    private static final String FORGET_DATE = "DELETE FROM aging_snapshot WHERE as_of = :asOf";

    private static final String FORGET_ROLLUP = "DELETE FROM aging_snapshot_rollup WHERE as_of = :asOf";

    /* The snapshot's rollup (V133): per area and business group as the customers are at the run. */
    private static final String KEEP_ROLLUP = """
            INSERT INTO aging_snapshot_rollup (as_of, area_code, business_group, currency, bucket, customers, invoices,
                                               open_amount)
            SELECT CAST(:asOf AS date), c.area_code, c.business_group, a.currency, b.code, count(*), sum(a.invoices),
                   sum(a.open_amount)
            FROM pg_temp.daily_aging a
            JOIN aging_bucket b ON b.position = a.bucket
            JOIN customer c ON c.id = a.customer_id
            GROUP BY c.area_code, c.business_group, a.currency, b.code
            """;

    /* The trend's points from the rollups: per date, currency and bucket, for the caller's areas. */
    private static final String TREND = """
            SELECT r.as_of, r.currency, r.bucket, sum(r.open_amount) AS amount
            FROM aging_snapshot_rollup r
            WHERE r.as_of = ANY(CAST(:dates AS date[]))
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR r.area_code = ANY(CAST(:areas AS text[])))
            GROUP BY r.as_of, r.currency, r.bucket
            """;

    private static final String KEEP = """
            INSERT INTO aging_snapshot (as_of, customer_id, currency, bucket, invoices, open_amount)
            SELECT CAST(:asOf AS date), a.customer_id, a.currency, b.code, a.invoices, a.open_amount
            FROM pg_temp.daily_aging a
            JOIN aging_bucket b ON b.position = a.bucket
            """;

    private static final String MARK_DATE = """
            INSERT INTO aging_snapshot_date (as_of, bucket_set) VALUES (:asOf, (%s))
            ON CONFLICT (as_of) DO UPDATE SET bucket_set = excluded.bucket_set, taken_at = now()
            """.formatted(BUCKET_SET);

    /*
     * Dates past the daily window that are not the last snapshot of their month, and month ends past
     * the long window. Both tables are pruned with the same list.
     */
    private static final String EXPIRED = """
            SELECT as_of FROM (
                SELECT as_of,
                       as_of = max(as_of) OVER (PARTITION BY date_trunc('month', as_of)) AS last_of_month
                FROM aging_snapshot_date
            ) d
            WHERE (as_of < CAST(:dailyFrom AS date) AND NOT last_of_month) OR as_of < CAST(:monthEndsFrom AS date)
            """;

    private static final String USABLE_DATES = """
            SELECT as_of FROM aging_snapshot_date
            WHERE as_of BETWEEN CAST(:from AS date) AND CAST(:to AS date) AND bucket_set = (%s)
            ORDER BY as_of
            """.formatted(BUCKET_SET);

    /** One customer's kept aging on the given dates in one currency, per bucket (the primary key's prefix). */
    private static final String CUSTOMER_AGING = """
            SELECT s.as_of, s.bucket, sum(s.open_amount) AS amount
            FROM aging_snapshot s
            WHERE s.as_of = ANY(CAST(:dates AS date[])) AND s.customer_id = :customerId AND s.currency = :currency
            GROUP BY s.as_of, s.bucket
            """;

    /*
     * Same groupings and columns as AgingRepository's live statement, read from the snapshot. The
     * disputed part is not kept: disputes are few, so it comes from collections' published
     * invoice_disputed_amounts(date) for each date, capped at the invoice amount.
     */
    private static final String AGING = """
            WITH dates AS (
                SELECT DISTINCT d AS as_of FROM unnest(CAST(:dates AS date[])) AS d
            ),
            disputed AS (
                SELECT d.as_of, i.customer_id, i.currency, b.code AS bucket,
                       sum(least(x.disputed_amount, i.amount)) AS amount
                FROM dates d
                CROSS JOIN LATERAL invoice_disputed_amounts(d.as_of) x
                JOIN invoice i ON i.id = x.invoice_id
                JOIN aging_bucket b ON greatest(d.as_of - i.due_date, 0) >= b.from_days
                    AND (b.to_days IS NULL OR greatest(d.as_of - i.due_date, 0) <= b.to_days)
                GROUP BY d.as_of, i.customer_id, i.currency, b.code
            )
            SELECT s.as_of,
                   CASE :groupBy
                       WHEN 'AREA' THEN c.area_code
                       WHEN 'SALES_REP' THEN c.sales_rep
                       WHEN 'CUSTOMER' THEN c.code
                       ELSE c.business_group
                   END AS group_key,
                   CASE :groupBy
                       WHEN 'AREA' THEN ar.name
                       WHEN 'SALES_REP' THEN sr.name
                       WHEN 'CUSTOMER' THEN c.name
                       ELSE c.business_group
                   END AS group_name,
                   s.currency, s.bucket, sum(s.open_amount) AS amount,
                   sum(least(coalesce(x.amount, 0.00), s.open_amount)) AS disputed
            FROM aging_snapshot s
            JOIN customer c ON c.id = s.customer_id
            JOIN area ar ON ar.code = c.area_code
            LEFT JOIN sales_rep sr ON sr.code = c.sales_rep
            LEFT JOIN disputed x ON x.as_of = s.as_of AND x.customer_id = s.customer_id
                AND x.currency = s.currency AND x.bucket = s.bucket
            WHERE s.as_of = ANY(CAST(:dates AS date[]))
              AND (coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            GROUP BY s.as_of, group_key, group_name, s.currency, s.bucket
            ORDER BY s.as_of, group_key NULLS LAST, s.currency, s.bucket
            """;

    private final JdbcClient jdbc;
    private final Retention retention;
    private final AgingTodayRepository todays;

    AgingSnapshotRepository(JdbcClient jdbc, Retention retention, AgingTodayRepository todays) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.todays = todays;
    }

    /**
     * Keeps the run's aging (pg_temp.daily_aging, filled for {@code asOf}) as that date's snapshot,
     * replacing one an earlier run of the same date kept, and prunes what the retention lets go,
     * counted back from the run's date or today, whichever is earlier: a run forced far into the future
     * must not prune the real history. With it its rollup (V133). Today's aging for the pages is stored after a run
     * of today commits ({@link TodayStoresAfterDailyRun}).
     */
    void keep(LocalDate asOf, LocalDate today) {
        jdbc.sql(FORGET_DATE).param("asOf", asOf).update();
        jdbc.sql(FORGET_ROLLUP).param("asOf", asOf).update();
        jdbc.sql(KEEP).param("asOf", asOf).update();
        jdbc.sql(KEEP_ROLLUP).param("asOf", asOf).update();
        jdbc.sql(MARK_DATE).param("asOf", asOf).update();
        LocalDate from = asOf.isBefore(today) ? asOf : today;
        List<LocalDate> expired = jdbc.sql(EXPIRED)
                .param("dailyFrom", from.minusDays(retention.dailyDays()))
                .param("monthEndsFrom", from.minusYears(retention.monthEndYears()))
                .query(LocalDate.class)
                .list();
        if (!expired.isEmpty()) {
            String[] dates = isoDates(expired);
            jdbc.sql("DELETE FROM aging_snapshot WHERE as_of = ANY(CAST(:dates AS date[]))")
                    .param("dates", dates)
                    .update();
            jdbc.sql("DELETE FROM aging_snapshot_rollup WHERE as_of = ANY(CAST(:dates AS date[]))")
                    .param("dates", dates)
                    .update();
            jdbc.sql("DELETE FROM aging_snapshot_date WHERE as_of = ANY(CAST(:dates AS date[]))")
                    .param("dates", dates)
                    .update();
        }
    }

    /** A reset to {@code asOf} undoes the runs after it: their snapshots go with them. */
    void forgetAfter(LocalDate asOf) {
        todays.forgetAfter(asOf);
        jdbc.sql("DELETE FROM aging_snapshot WHERE as_of > :asOf")
                .param("asOf", asOf)
                .update();
        jdbc.sql("DELETE FROM aging_snapshot_rollup WHERE as_of > :asOf")
                .param("asOf", asOf)
                .update();
        jdbc.sql("DELETE FROM aging_snapshot_date WHERE as_of > :asOf")
                .param("asOf", asOf)
                .update();
    }

    /** A trend point from the snapshots' rollups: what was open on the date in one currency and bucket. */
    record TrendCell(LocalDate asOf, String currency, String bucket, java.math.BigDecimal amount) {

        static TrendCell of(AgingRepository.Cell cell) {
            return new TrendCell(cell.asOf(), cell.currency(), cell.bucket(), cell.amount());
        }
    }

    /** The rollups' totals of snapshot dates per currency and bucket, for the areas (none = all). */
    List<TrendCell> trend(List<LocalDate> dates, String[] areas) {
        if (dates.isEmpty()) return List.of();
        return jdbc.sql(TREND)
                .param("dates", isoDates(dates))
                .param("areas", areas)
                .query((rs, n) -> new TrendCell(
                        rs.getObject("as_of", LocalDate.class),
                        rs.getString("currency").trim(),
                        rs.getString("bucket"),
                        rs.getBigDecimal("amount")))
                .list();
    }

    /** Snapshot dates in [from, to] cut with today's bucket definitions, oldest first. */
    /** One customer's kept aging in its currency on the dates (each must be a usable snapshot date). */
    List<CustomerCell> customerAging(long customerId, String currency, List<LocalDate> dates) {
        if (dates.isEmpty()) return List.of();
        return jdbc.sql(CUSTOMER_AGING)
                .param("dates", isoDates(dates))
                .param("customerId", customerId)
                .param("currency", currency)
                .query((rs, n) -> new CustomerCell(
                        rs.getObject("as_of", LocalDate.class), rs.getString("bucket"), rs.getBigDecimal("amount")))
                .list();
    }

    /** A customer's open amount in one bucket on a date. */
    record CustomerCell(LocalDate asOf, String bucket, java.math.BigDecimal amount) {}

    List<LocalDate> usableDates(LocalDate from, LocalDate to) {
        return jdbc.sql(USABLE_DATES)
                .param("from", from)
                .param("to", to)
                .query(LocalDate.class)
                .list();
    }

    /** The aging cells of snapshot dates; {@code grouping} must not be PRODUCT_LINE. */
    List<AgingRepository.Cell> aging(List<LocalDate> dates, AgingGrouping grouping, String[] areas) {
        if (grouping == AgingGrouping.PRODUCT_LINE) {
            throw new IllegalArgumentException("Snapshots do not keep product lines");
        }
        return jdbc.sql(AGING)
                .param("dates", isoDates(dates))
                .param("groupBy", grouping.name())
                .param("areas", areas)
                .query((rs, n) -> AgingRepository.Cell.of(rs, null))
                .list();
    }

    private static String[] isoDates(List<LocalDate> dates) {
        return dates.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    static boolean covers(AgingGrouping grouping) {
        return grouping != AgingGrouping.PRODUCT_LINE;
    }

    /** For tests: the snapshot dates kept, newest last. */
    List<LocalDate> dates() {
        return jdbc.sql("SELECT as_of FROM aging_snapshot_date ORDER BY as_of")
                .query(LocalDate.class)
                .list();
    }

    static @Nullable LocalDate lastOfMonth(List<LocalDate> dates, LocalDate monthEnd) {
        LocalDate found = null;
        for (LocalDate date : dates) {
            if (!date.isAfter(monthEnd)
                    && date.getYear() == monthEnd.getYear()
                    && date.getMonth() == monthEnd.getMonth()) {
                found = date;
            }
        }
        return found;
    }
}

package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aging of receivables as of any date; area-scoped callers see their areas. A past date the daily run
 * has kept a snapshot of is read from it (trends from the snapshots' rollups); today, once today's run has
 * stored it, from that store with the customers changed since recomputed (equal to live); any other date
 * (and the product-line grouping of a past date, which snapshots do not keep) is computed live from the
 * ledger, and the report says which.
 */
@Service
public class Aging {

    public static final int TREND_MONTHS = 12;

    private final AgingRepository repository;
    private final AgingSnapshotRepository snapshots;
    private final AgingTodayRepository todays;
    private final BusinessCalendar calendar;

    Aging(
            AgingRepository repository,
            AgingSnapshotRepository snapshots,
            AgingTodayRepository todays,
            BusinessCalendar calendar) {
        this.repository = repository;
        this.snapshots = snapshots;
        this.todays = todays;
        this.calendar = calendar;
    }

    /**
     * Today's aging as stored by today's daily run, when it answers for {@code date}: the date is today, the store
     * was built today with today's buckets and nothing was settled with a later date (then live replays).
     */
    @Transactional(readOnly = true)
    public Optional<StoredToday> storedToday(LocalDate date) {
        if (!date.equals(calendar.today())) return Optional.empty();
        return todays.state()
                .filter(state -> state.serves(date) && state.builtAt() != null)
                .filter(state -> repository.openAmountsHold(date))
                .map(state -> new StoredToday(state.builtAt(), state.touched()));
    }

    /**
     * Today's aging is the one today's daily run stored at {@code storedAt} with the {@code touchedSince}
     * customers changed since recomputed with the live rule: the figures equal a live computation.
     */
    public record StoredToday(OffsetDateTime storedAt, int touchedSince) {}

    @Transactional(readOnly = true)
    public AgingBuckets buckets() {
        return repository.buckets();
    }

    @Transactional(readOnly = true)
    public AgingReport report(@Nullable LocalDate asOf, AgingGrouping grouping, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        AgingBuckets buckets = repository.buckets();
        boolean fromSnapshot = date.isBefore(calendar.today())
                && AgingSnapshotRepository.covers(grouping)
                && !snapshots.usableDates(date, date).isEmpty();
        boolean stored = !fromSnapshot && storedToday(date).isPresent();
        if (stored && grouping == AgingGrouping.CUSTOMER) {
            return storedCustomerReport(date, buckets, caller.areaFilter());
        }
        List<AgingRepository.Cell> cells = fromSnapshot
                ? snapshots.aging(List.of(date), grouping, caller.areaFilter())
                : stored
                        ? todays.aging(date, grouping, caller.areaFilter())
                        : live(List.of(date), grouping, caller.areaFilter());
        return assemble(
                date,
                grouping,
                buckets,
                cells,
                fromSnapshot
                        ? AgingReport.Source.SNAPSHOT
                        : stored ? AgingReport.Source.STORED_TODAY : AgingReport.Source.LIVE);
    }

    /**
     * What the aging page shows for a date: the grouping's report (by customer from today's store, its rows are
     * the page's only), the page of its rows, the areas' report (chart), the trend, and whether today's figures
     * are the store of today's run (null: not).
     */
    public record AgingPage(
            AgingReport report,
            Page<AgingRow> rows,
            AgingReport byArea,
            AgingTrend trend,
            @Nullable StoredToday storedToday) {}

    /**
     * The aging page's figures, {@code size} rows of the grouping from page {@code page}. Today, once today's run
     * stored it, the grouping's and the areas' cells (chart, totals, the trend's point) come from one statement that
     * replays the touched customers once; by customer the page reads only its rows, in code order from the
     * per-customer store with the count (a second replay of the touched customers). A date that is computed live (no snapshot, no store of today) and that nothing was settled after is
     * computed in one pass for the grouping, the areas and the trend's point of the date (it took three passes of
     * ~2 s each at 100,000 customers); everything else reads as {@link #report} and {@link #trend}.
     */
    @Transactional(readOnly = true)
    public AgingPage page(@Nullable LocalDate asOf, AgingGrouping grouping, int page, int size, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        Optional<StoredToday> stored = storedToday(date);
        if (stored.isPresent()) {
            return storedPage(date, grouping, Math.max(page, 0), size, caller, stored.get());
        }
        boolean live = !(date.isBefore(calendar.today())
                        && !snapshots.usableDates(date, date).isEmpty())
                && repository.openAmountsHold(date);
        if (!live) {
            AgingReport report = report(date, grouping, caller);
            AgingReport byArea = grouping == AgingGrouping.AREA ? report : report(date, AgingGrouping.AREA, caller);
            return new AgingPage(report, slice(report.rows(), page, size), byArea, trend(date, caller), null);
        }
        AgingBuckets buckets = repository.buckets();
        AgingRepository.PageCells cells = repository.pageFromOpenAmounts(date, grouping, caller.areaFilter());
        AgingReport report = assemble(date, grouping, buckets, cells.report(), AgingReport.Source.LIVE);
        AgingReport byArea = assemble(date, AgingGrouping.AREA, buckets, cells.areas(), AgingReport.Source.LIVE);
        return new AgingPage(
                report,
                slice(report.rows(), page, size),
                byArea,
                trend(date, false, caller, cells.areas(), true),
                null);
    }

    private AgingPage storedPage(
            LocalDate date, AgingGrouping grouping, int page, int size, Caller caller, StoredToday stored) {
        AgingBuckets buckets = repository.buckets();
        String[] areas = caller.areaFilter();
        AgingRepository.PageCells cells = grouping == AgingGrouping.CUSTOMER || grouping == AgingGrouping.AREA
                ? new AgingRepository.PageCells(List.of(), todays.aging(date, AgingGrouping.AREA, areas))
                : todays.agingWithAreas(date, grouping, areas);
        AgingReport byArea =
                assemble(date, AgingGrouping.AREA, buckets, cells.areas(), AgingReport.Source.STORED_TODAY);
        AgingTrend trend = trend(date, false, caller, cells.areas(), false);
        if (grouping == AgingGrouping.CUSTOMER) {
            Page<AgingRow> rows = storedCustomerPage(date, buckets, areas, page, size);
            AgingReport report = new AgingReport(
                    date,
                    grouping.parameter(),
                    buckets.buckets(),
                    rows.items(),
                    byArea.totals(),
                    AgingReport.Source.STORED_TODAY);
            return new AgingPage(report, rows, byArea, trend, stored);
        }
        AgingReport report = grouping == AgingGrouping.AREA
                ? byArea
                : assemble(date, grouping, buckets, cells.report(), AgingReport.Source.STORED_TODAY);
        return new AgingPage(report, slice(report.rows(), page, size), byArea, trend, stored);
    }

    /** The most rows a page of the JSON report holds. */
    public static final int MAX_PAGE_SIZE = 1_000;

    /** One page of a report: its rows of the page, the totals of all rows, and the count of all rows. */
    public record ReportPage(AgingReport report, long total) {}

    /**
     * Page {@code page} of {@link #report}: the same rows in the same order, {@code size} at a time, with the totals
     * and the count of all of them; by customer from today's store only the page's rows are read (by index).
     */
    @Transactional(readOnly = true)
    public ReportPage reportPage(@Nullable LocalDate asOf, AgingGrouping grouping, int page, int size, Caller caller) {
        Page.requireValid(page, size, MAX_PAGE_SIZE);
        LocalDate date = calendar.asOfOrToday(asOf);
        AgingReport report;
        Page<AgingRow> rows;
        if (grouping == AgingGrouping.CUSTOMER && storedToday(date).isPresent()) {
            AgingBuckets buckets = repository.buckets();
            report = storedCustomerHead(date, buckets, caller.areaFilter());
            rows = storedCustomerPage(date, buckets, caller.areaFilter(), page, size);
        } else {
            report = report(date, grouping, caller);
            rows = slice(report.rows(), page, size);
        }
        return new ReportPage(
                new AgingReport(
                        report.asOf(),
                        report.groupBy(),
                        report.buckets(),
                        rows.items(),
                        report.totals(),
                        report.source()),
                rows.total());
    }

    /** Page {@code page} of today's stored rows by customer in code order, with the count of all. */
    Page<AgingRow> storedCustomerPage(LocalDate date, AgingBuckets buckets, String[] areas, int page, int size) {
        List<AgingRow> rows = new ArrayList<>();
        long[] total = {0};
        todays.customerRows(date, areas, (long) page * size, size, (row, all) -> {
            rows.add(row(row, buckets));
            total[0] = all;
        });
        if (rows.isEmpty() && page > 0) {
            todays.customerRows(date, areas, 0, 1, (row, all) -> total[0] = all);
        }
        return new Page<>(rows, page, size, total[0]);
    }

    /** Today's stored report by customer without its rows: the totals per currency, from the areas' cells. */
    private AgingReport storedCustomerHead(LocalDate date, AgingBuckets buckets, String[] areas) {
        AgingReport byArea = assemble(
                date,
                AgingGrouping.AREA,
                buckets,
                todays.aging(date, AgingGrouping.AREA, areas),
                AgingReport.Source.STORED_TODAY);
        return new AgingReport(
                date,
                AgingGrouping.CUSTOMER.parameter(),
                buckets.buckets(),
                List.of(),
                byArea.totals(),
                AgingReport.Source.STORED_TODAY);
    }

    /** Today's whole stored report by customer (rows in code order). */
    AgingReport storedCustomerReport(LocalDate date, AgingBuckets buckets, String[] areas) {
        AgingReport head = storedCustomerHead(date, buckets, areas);
        List<AgingRow> rows = new ArrayList<>();
        todays.customerRows(date, areas, 0, null, (row, all) -> rows.add(row(row, buckets)));
        return new AgingReport(date, head.groupBy(), head.buckets(), rows, head.totals(), head.source());
    }

    /**
     * The report of {@link #report} handed to {@code writer}: its head (without rows), every row, then the end.
     * By customer from today's store the rows are read and written one at a time (a whole book of ~164,000 rows
     * is never held in memory).
     */
    @Transactional(readOnly = true)
    void write(@Nullable LocalDate asOf, AgingGrouping grouping, Caller caller, AgingWriter writer) {
        LocalDate date = calendar.asOfOrToday(asOf);
        if (grouping == AgingGrouping.CUSTOMER && storedToday(date).isPresent()) {
            AgingBuckets buckets = repository.buckets();
            writer.start(storedCustomerHead(date, buckets, caller.areaFilter()));
            todays.customerRows(date, caller.areaFilter(), 0, null, (row, all) -> writer.row(row(row, buckets)));
            writer.finish();
            return;
        }
        AgingReport report = report(date, grouping, caller);
        writer.start(new AgingReport(
                report.asOf(), report.groupBy(), report.buckets(), List.of(), report.totals(), report.source()));
        report.rows().forEach(writer::row);
        writer.finish();
    }

    private static Page<AgingRow> slice(List<AgingRow> rows, int page, int size) {
        int first = Math.clamp((long) page * size, 0, rows.size());
        return new Page<>(
                rows.subList(first, Math.min(first + size, rows.size())), Math.max(page, 0), size, rows.size());
    }

    /** A stored customer row as the report shows it: every bucket present (zero when empty), the total. */
    private static AgingRow row(AgingTodayRepository.CustomerRow stored, AgingBuckets buckets) {
        Map<String, BigDecimal> amounts = zeros(buckets);
        for (int i = 0; i < stored.buckets().length; i++) {
            amounts.merge(stored.buckets()[i], stored.amounts()[i], BigDecimal::add);
        }
        return row(stored.code(), stored.name(), stored.currency(), amounts, stored.disputed());
    }

    static AgingReport assemble(
            LocalDate date,
            AgingGrouping grouping,
            AgingBuckets buckets,
            List<AgingRepository.Cell> cells,
            AgingReport.Source source) {
        Map<RowKey, Map<String, BigDecimal>> rows = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> totals = new LinkedHashMap<>();
        Map<Object, BigDecimal> disputed = new LinkedHashMap<>();
        for (AgingRepository.Cell cell : cells) {
            disputed.merge(
                    new RowKey(cell.groupKey(), cell.groupName(), cell.currency()), cell.disputed(), BigDecimal::add);
            disputed.merge(cell.currency(), cell.disputed(), BigDecimal::add);
            rows.computeIfAbsent(new RowKey(cell.groupKey(), cell.groupName(), cell.currency()), k -> zeros(buckets))
                    .merge(cell.bucket(), cell.amount(), BigDecimal::add);
            totals.computeIfAbsent(cell.currency(), k -> zeros(buckets))
                    .merge(cell.bucket(), cell.amount(), BigDecimal::add);
        }
        List<AgingRow> rowList = new ArrayList<>();
        rows.forEach(
                (key, amounts) -> rowList.add(row(key.key(), key.name(), key.currency(), amounts, disputed.get(key))));
        List<AgingRow> totalList = new ArrayList<>();
        totals.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> totalList.add(row(null, null, e.getKey(), e.getValue(), disputed.get(e.getKey()))));
        return new AgingReport(date, grouping.parameter(), buckets.buckets(), rowList, totalList, source);
    }

    /**
     * The last {@value #TREND_MONTHS} month ends up to the date (the date itself closes the series),
     * in the company's base currency. A month end is read from the last snapshot of its month (the
     * daily run keeps one per business date); the date itself only from its own snapshot. Points
     * without a snapshot are computed live, all in one statement, and listed in {@code computedLive}.
     */
    @Transactional(readOnly = true)
    public AgingTrend trend(@Nullable LocalDate asOf, Caller caller) {
        return trend(asOf, false, caller);
    }

    /**
     * The trend, its last point from today's snapshot when {@code todayAsRun} and today's daily run kept one (a
     * page that shows the figures "as stored after today's daily run" draws its trend from the same run); else as
     * {@link #trend(LocalDate, Caller)}: today live, because its figures move with every payment after the run.
     */
    @Transactional(readOnly = true)
    public AgingTrend trend(@Nullable LocalDate asOf, boolean todayAsRun, Caller caller) {
        return trend(asOf, todayAsRun, caller, null, false);
    }

    /**
     * {@code dateCells}: the date's cells when the caller has them already (any grouping), computed live
     * ({@code dateCellsLive}) or from today's store (which equals live, so the point is not listed as live).
     */
    private AgingTrend trend(
            @Nullable LocalDate asOf,
            boolean todayAsRun,
            Caller caller,
            @Nullable List<AgingRepository.Cell> dateCells,
            boolean dateCellsLive) {
        LocalDate date = calendar.asOfOrToday(asOf);
        String currency = calendar.baseCurrency().getCurrencyCode();
        TrendPoints at = trendPoints(date, todayAsRun);
        List<LocalDate> points = at.points();
        List<LocalDate> fromSnapshots = at.fromSnapshots();
        List<LocalDate> live = new ArrayList<>(at.live());
        AgingBuckets buckets = repository.buckets();
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (String code : buckets.codes()) {
            series.put(code, new ArrayList<>(java.util.Collections.nCopies(points.size(), BigDecimal.ZERO)));
        }
        List<AgingSnapshotRepository.TrendCell> cells =
                new ArrayList<>(snapshots.trend(fromSnapshots, caller.areaFilter()));
        // The date's point without a snapshot: the caller's live cells if it has them (still computed live), else
        // today's store with the customers touched since, which is what a live computation answers, so that point
        // is not listed as computed live.
        List<LocalDate> computed = live;
        if (live.contains(date) && dateCells != null) {
            if (dateCellsLive) computed = List.copyOf(live);
            live.remove(date);
            dateCells.stream().map(AgingSnapshotRepository.TrendCell::of).forEach(cells::add);
        } else if (live.contains(date) && storedToday(date).isPresent()) {
            live.remove(date);
            todays.aging(date, AgingGrouping.BUSINESS_GROUP, caller.areaFilter()).stream()
                    .map(AgingSnapshotRepository.TrendCell::of)
                    .forEach(cells::add);
        }
        if (!live.isEmpty()) {
            live(live, AgingGrouping.BUSINESS_GROUP, caller.areaFilter()).stream()
                    .map(AgingSnapshotRepository.TrendCell::of)
                    .forEach(cells::add);
        }
        for (AgingSnapshotRepository.TrendCell cell : cells) {
            if (!cell.currency().equals(currency)) continue;
            int index = points.indexOf(cell.asOf());
            List<BigDecimal> values = series.get(cell.bucket());
            if (index < 0 || values == null) continue;
            values.set(index, values.get(index).add(cell.amount()));
        }
        return new AgingTrend(currency, buckets.buckets(), points, series, computed);
    }

    /**
     * Computed from the ledger: from the current open amounts for a date no settlement happened after
     * (today, as a rule), else by replaying the allocation history.
     */
    private List<AgingRepository.Cell> live(List<LocalDate> dates, AgingGrouping grouping, String[] areas) {
        List<LocalDate> replayed = new ArrayList<>();
        List<AgingRepository.Cell> cells = new ArrayList<>();
        for (LocalDate date : dates) {
            if (repository.openAmountsHold(date)) {
                cells.addAll(repository.agingFromOpenAmounts(date, grouping, areas));
            } else {
                replayed.add(date);
            }
        }
        if (!replayed.isEmpty()) {
            cells.addAll(repository.aging(replayed, grouping, areas));
        }
        return cells;
    }

    /** The month ends before the date, oldest first, then the date itself: {@code months} points. */
    /**
     * One customer's aging at the month ends (the last point is the as-of date) in the customer's currency,
     * for the customer risk page: read from the daily runs' snapshots, and computed from the ledger only
     * for the points without one ({@code computedLive}). The caller has already been let see the customer.
     */
    @Transactional(readOnly = true)
    public AgingTrend customerTrend(CustomerRef customer, @Nullable LocalDate asOf) {
        LocalDate date = calendar.asOfOrToday(asOf);
        TrendPoints at = trendPoints(date, false);
        AgingBuckets buckets = repository.buckets();
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (String code : buckets.codes()) {
            series.put(
                    code,
                    new ArrayList<>(java.util.Collections.nCopies(at.points().size(), BigDecimal.ZERO)));
        }
        List<AgingSnapshotRepository.CustomerCell> cells = new ArrayList<>();
        cells.addAll(snapshots.customerAging(customer.id(), customer.currency(), at.fromSnapshots()));
        cells.addAll(repository.customerAging(customer.id(), customer.currency(), at.live()));
        for (AgingSnapshotRepository.CustomerCell cell : cells) {
            int index = at.points().indexOf(cell.asOf());
            List<BigDecimal> values = series.get(cell.bucket());
            if (index < 0 || values == null) continue;
            values.set(index, values.get(index).add(cell.amount()));
        }
        return new AgingTrend(customer.currency(), buckets.buckets(), at.points(), series, at.live());
    }

    /** The trend's dates: each month end's last kept snapshot, else the month end itself computed live. */
    private record TrendPoints(List<LocalDate> points, List<LocalDate> fromSnapshots, List<LocalDate> live) {}

    private TrendPoints trendPoints(LocalDate date, boolean todayAsRun) {
        List<LocalDate> monthEnds = monthEnds(date, TREND_MONTHS);
        // Only past dates (unless the page shows today as run): today's figures move with every payment after the
        // night's run.
        LocalDate last = todayAsRun ? calendar.today() : calendar.today().minusDays(1);
        List<LocalDate> kept =
                snapshots.usableDates(monthEnds.getFirst().withDayOfMonth(1), date.isAfter(last) ? last : date);
        List<LocalDate> points = new ArrayList<>();
        List<LocalDate> fromSnapshots = new ArrayList<>();
        List<LocalDate> live = new ArrayList<>();
        for (LocalDate monthEnd : monthEnds) {
            LocalDate snapshot = monthEnd.equals(date)
                    ? (kept.contains(date) ? date : null)
                    : AgingSnapshotRepository.lastOfMonth(kept, monthEnd);
            points.add(snapshot != null ? snapshot : monthEnd);
            (snapshot != null ? fromSnapshots : live).add(snapshot != null ? snapshot : monthEnd);
        }
        return new TrendPoints(points, fromSnapshots, live);
    }

    static List<LocalDate> monthEnds(LocalDate asOf, int months) {
        List<LocalDate> dates = new ArrayList<>();
        for (int back = months - 1; back >= 1; back--) {
            dates.add(asOf.minusMonths(back).with(TemporalAdjusters.lastDayOfMonth()));
        }
        dates.add(asOf);
        return dates;
    }

    private static Map<String, BigDecimal> zeros(AgingBuckets buckets) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        buckets.codes().forEach(code -> amounts.put(code, new BigDecimal("0.00")));
        return amounts;
    }

    private static AgingRow row(
            @Nullable String key,
            @Nullable String name,
            String currency,
            Map<String, BigDecimal> amounts,
            @Nullable BigDecimal disputed) {
        BigDecimal total = amounts.values().stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new AgingRow(key, name, currency, amounts, total, disputed == null ? new BigDecimal("0.00") : disputed);
    }

    private record RowKey(@Nullable String key, @Nullable String name, String currency) {}
}

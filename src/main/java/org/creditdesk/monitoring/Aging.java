package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Aging of receivables as of any date, rebuilt from the ledger's history; area-scoped callers see their areas. */
@Service
public class Aging {

    public static final int TREND_MONTHS = 12;

    private final AgingRepository repository;
    private final BusinessCalendar calendar;

    Aging(AgingRepository repository, BusinessCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    public AgingBuckets buckets() {
        return repository.buckets();
    }

    @Transactional(readOnly = true)
    public AgingReport report(@Nullable LocalDate asOf, AgingGrouping grouping, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        AgingBuckets buckets = repository.buckets();
        List<AgingRepository.Cell> cells = repository.aging(List.of(date), grouping, caller.areaFilter());
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
        return new AgingReport(date, grouping.parameter(), buckets.buckets(), rowList, totalList);
    }

    /**
     * The last {@value #TREND_MONTHS} month ends up to the date (the date itself closes the series),
     * in the company's base currency, computed in one statement.
     */
    @Transactional(readOnly = true)
    public AgingTrend trend(@Nullable LocalDate asOf, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        String currency = calendar.baseCurrency().getCurrencyCode();
        List<LocalDate> dates = monthEnds(date, TREND_MONTHS);
        AgingBuckets buckets = repository.buckets();
        Map<String, List<BigDecimal>> series = new LinkedHashMap<>();
        for (String code : buckets.codes()) {
            series.put(code, new ArrayList<>(java.util.Collections.nCopies(dates.size(), BigDecimal.ZERO)));
        }
        for (AgingRepository.Cell cell : repository.aging(dates, AgingGrouping.BUSINESS_GROUP, caller.areaFilter())) {
            if (!cell.currency().equals(currency)) continue;
            int index = dates.indexOf(cell.asOf());
            List<BigDecimal> values = Objects.requireNonNull(series.get(cell.bucket()));
            values.set(index, values.get(index).add(cell.amount()));
        }
        return new AgingTrend(currency, buckets.buckets(), dates, series);
    }

    /** The month ends before the date, oldest first, then the date itself: {@code months} points. */
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

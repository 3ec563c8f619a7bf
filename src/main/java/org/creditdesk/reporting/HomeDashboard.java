package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.Aging;
import org.creditdesk.monitoring.AgingBucket;
import org.creditdesk.monitoring.AgingTrend;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the home dashboard for the caller's areas: today's portfolio and the trend of
 * receivables, overdue and days sales outstanding at the last month-ends.
 */
@Service
class HomeDashboard {

    /** {@code storedAt}: when the daily run stored the tiles; null when they were computed for this visit. */
    record View(
            LocalDate asOf,
            PortfolioFigures figures,
            List<DsoPoint> trend,
            @Nullable OffsetDateTime storedAt) {

        public DsoPoint today() {
            return trend.getLast();
        }

        /** Change of DSO against the previous month-end; null when either is unknown. */
        public BigDecimal dsoChange() {
            if (trend.size() < 2) return BigDecimal.ZERO;
            BigDecimal now = today().days();
            BigDecimal before = trend.get(trend.size() - 2).days();
            return now == null || before == null ? BigDecimal.ZERO : now.subtract(before);
        }
    }

    private final HomeDashboardRepository repository;
    private final Aging aging;
    private final CreditPolicies policies;
    private final BusinessCalendar calendar;
    private final Clock clock;

    HomeDashboard(
            HomeDashboardRepository repository,
            Aging aging,
            CreditPolicies policies,
            BusinessCalendar calendar,
            Clock clock) {
        this.repository = repository;
        this.aging = aging;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    View view(Caller caller) {
        LocalDate asOf = calendar.today();
        String currency = calendar.baseCurrency().getCurrencyCode();
        boolean asRun = repository.figuresStored(asOf);
        // With today's tiles as stored after today's run, the trend's last point is that run's aging snapshot too
        // (computed live it took seconds at 100,000 customers); before today's run it is computed.
        AgingTrend receivables = aging.trend(asOf, asRun, caller);
        Map<LocalDate, BigDecimal> sales =
                repository.sales(receivables.dates(), DsoPoint.WINDOW_DAYS, currency, caller.areaFilter());
        List<DsoPoint> trend = new ArrayList<>();
        for (int i = 0; i < receivables.dates().size(); i++) {
            BigDecimal open = BigDecimal.ZERO;
            BigDecimal overdue = BigDecimal.ZERO;
            for (AgingBucket bucket : receivables.buckets()) {
                BigDecimal amount = receivables.amounts().get(bucket.code()).get(i);
                open = open.add(amount);
                if (bucket.fromDays() > 0) overdue = overdue.add(amount);
            }
            LocalDate date = receivables.dates().get(i);
            trend.add(new DsoPoint(date, open, overdue, sales.getOrDefault(date, BigDecimal.ZERO)));
        }
        BigDecimal open = trend.getLast().receivables();
        Optional<HomeDashboardRepository.Stored> stored =
                repository.storedFigures(asOf, currency, open, caller.areaFilter());
        if (stored.isPresent()) {
            return new View(asOf, stored.get().figures(), trend, stored.get().storedAt());
        }
        PortfolioFigures figures =
                repository.figures(asOf, currency, policies.current().graceDays(), open, caller.areaFilter());
        return new View(asOf, figures, trend, null);
    }

    /**
     * Stores the date's sales for the DSO trend and, for a run of the current day, today's tiles per area, so that
     * the dashboard reads them instead of computing them over the whole book on every visit.
     */
    @Transactional
    void storeAfterDailyRun(LocalDate asOf, boolean currentDay) {
        repository.store(
                asOf,
                DsoPoint.WINDOW_DAYS,
                currentDay,
                policies.current().graceDays(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }
}

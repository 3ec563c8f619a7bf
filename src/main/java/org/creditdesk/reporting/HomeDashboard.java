package org.creditdesk.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.Aging;
import org.creditdesk.monitoring.AgingBucket;
import org.creditdesk.monitoring.AgingTrend;
import org.creditdesk.shared.BusinessCalendar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of the home dashboard for the caller's areas: today's portfolio and the trend of
 * receivables, overdue and days sales outstanding at the last month-ends.
 */
@Service
class HomeDashboard {

    record View(LocalDate asOf, PortfolioFigures figures, List<DsoPoint> trend) {

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

    HomeDashboard(HomeDashboardRepository repository, Aging aging, CreditPolicies policies, BusinessCalendar calendar) {
        this.repository = repository;
        this.aging = aging;
        this.policies = policies;
        this.calendar = calendar;
    }

    @Transactional(readOnly = true)
    View view(Caller caller) {
        LocalDate asOf = calendar.today();
        String currency = calendar.baseCurrency().getCurrencyCode();
        AgingTrend receivables = aging.trend(asOf, caller);
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
        PortfolioFigures figures = repository.figures(
                asOf, currency, policies.current().graceDays(), trend.getLast().receivables(), caller.areaFilter());
        return new View(asOf, figures, trend);
    }
}

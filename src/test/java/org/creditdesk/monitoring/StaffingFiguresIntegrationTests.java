package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staffing report's receivables of a date no settlement came after are read from the invoices' open amounts
 * (the open invoices only), and equal what replaying the settlements up to the date gives.
 */
@SpringBootTest
class StaffingFiguresIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    StaffingRepository staffing;

    @Autowired
    BusinessCalendar calendar;

    @Test
    void receivables_from_open_amounts_equal_the_replayed_settlements_when_nothing_was_settled_after_the_date() {
        MonitoringFixtures fx = new MonitoringFixtures(jdbc, ledger);
        LocalDate today = calendar.today();
        String area = fx.area();
        String paid = fx.customer(area);
        String partly = fx.customer(area);
        String open = fx.customer(area);
        String invoice = fx.invoice(paid, today.minusDays(60), today.minusDays(30), "800.00");
        fx.pay(paid, today.minusDays(20), "800.00", invoice);
        String part = fx.invoice(partly, today.minusDays(50), today.minusDays(20), "1000.00");
        fx.pay(partly, today.minusDays(10), "250.00", part);
        fx.invoice(open, today.minusDays(10), today.plusDays(20), "300.00");
        // Nothing of these customers was settled after the date (other tests' customers are outside the area).
        LocalDate date = today.plusDays(1);

        var fromOpenAmounts = staffing.areas(date, true, "CNY", new String[] {area});
        var replayed = staffing.areas(date, false, "CNY", new String[] {area});

        assertThat(fromOpenAmounts).isEqualTo(replayed);
        assertThat(fromOpenAmounts.getFirst().openReceivables()).isEqualByComparingTo("1050.00");
        assertThat(fromOpenAmounts.getFirst().overdueReceivables()).isEqualByComparingTo("750.00");
    }

    @Autowired
    Staffing reports;

    @Test
    void figures_stored_after_the_daily_run_equal_the_live_ones_and_the_report_of_that_date_reads_them() {
        MonitoringFixtures fx = new MonitoringFixtures(jdbc, ledger);
        // A date of its own, after every other test's settlements, so open amounts hold as they do for today.
        LocalDate date = LocalDate.of(2293, 6, 30);
        String area = fx.area();
        String empty = fx.area();
        String seller = fx.customer(area);
        String buyer = fx.customer(area);
        fx.customer(area);
        fx.invoice(seller, date.minusYears(1), date.minusYears(1).plusDays(30), "111.00"); // a year ago: not a sale
        fx.invoice(seller, date.minusYears(1).plusDays(1), date.minusDays(200), "222.00");
        String paid = fx.invoice(buyer, date.minusDays(90), date.minusDays(60), "1000.00");
        fx.pay(buyer, date.minusDays(30), "400.00", paid);
        fx.invoice(buyer, date.minusDays(5), date.plusDays(25), "50.00");
        fx.invoice(buyer, date.plusDays(1), date.plusDays(31), "999.00"); // after the date
        String[] areas = {area, empty};
        var live = staffing.areas(date, true, "CNY", areas);

        reports.storeAfterDailyRun(date);
        reports.storeAfterDailyRun(date); // a rerun replaces, it does not add

        var stored = staffing.storedAreas(date, areas);
        assertThat(stored)
                .usingRecursiveFieldByFieldElementComparator(
                        org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration.builder()
                                .withComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                                .build())
                .isEqualTo(live);
        var figures =
                stored.stream().filter(f -> f.area().equals(area)).findFirst().orElseThrow();
        assertThat(figures.customers()).isEqualTo(3);
        assertThat(figures.annualSales()).isEqualByComparingTo("1272.00");
        assertThat(figures.openReceivables()).isEqualByComparingTo("983.00");
        assertThat(figures.overdueReceivables()).isEqualByComparingTo("933.00");
        assertThat(stored)
                .filteredOn(f -> f.area().equals(empty))
                .singleElement()
                .satisfies(f -> assertThat(f.customers()).isZero());
        assertThat(jdbc.sql("SELECT count(*) FROM staffing_area_figures WHERE as_of = :d AND area_code = :a")
                        .param("d", date)
                        .param("a", area)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        org.creditdesk.identity.Caller manager = new org.creditdesk.identity.Caller(
                "staffing-figures",
                java.util.Set.of(org.creditdesk.identity.Role.CREDIT_MANAGER),
                java.util.Set.of(area));
        StaffingReport report = reports.report(date, manager);
        assertThat(report.storedAt()).isNotNull();
        assertThat(report.areas())
                .singleElement()
                .satisfies(a -> assertThat(a.annualSales()).isEqualByComparingTo("1272.00"));
        assertThat(reports.report(date.plusDays(1), manager).storedAt()).isNull();
    }
}

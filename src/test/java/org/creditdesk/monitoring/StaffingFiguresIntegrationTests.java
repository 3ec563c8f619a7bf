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
}

package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.IssueInvoice;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.RecordOrder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The customer status takes its receivables from the ledger's published summary (read with the customer in
 * one statement) and its credit figures from whatever implements {@link CreditStatusView} (credit); a fixed
 * credit view stands in here so the wiring and the date are checked.
 */
@SpringBootTest
class CustomerReceivablesTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @TestConfiguration
    static class FixedCreditStanding {
        @Bean
        @Primary
        CreditStatusView fixedCreditStanding() {
            return (customer, asOf) -> new CreditStanding(
                    CreditState.ON_HOLD,
                    List.of("OVERDUE"),
                    new BigDecimal("950.00"),
                    new BigDecimal("2000.00"),
                    new BigDecimal("1050.00"),
                    "B");
        }
    }

    @Autowired
    Customers customers;

    @Autowired
    Ledger ledger;

    @Test
    void the_status_shows_the_receivables_of_the_requested_business_date() {
        String code = "RV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        customers.upsert(
                code,
                new CustomerData(
                        "Receivable Co",
                        null,
                        null,
                        "RV",
                        BusinessGroup.VOLUME,
                        null,
                        30,
                        Currency.getInstance("CNY"),
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of()),
                Caller.SYSTEM);

        // Receivables as the ledger books them (the read takes them from ledger_receivables_summary, V114).
        ledger.issueInvoice(
                new IssueInvoice(
                        code + "-1",
                        code,
                        null,
                        AS_OF.minusDays(60),
                        AS_OF.plusDays(10),
                        new BigDecimal("500.00"),
                        null,
                        null),
                Caller.SYSTEM);
        ledger.issueInvoice(
                new IssueInvoice(
                        code + "-2",
                        code,
                        null,
                        AS_OF.minusDays(47),
                        AS_OF.minusDays(17),
                        new BigDecimal("300.00"),
                        null,
                        null),
                Caller.SYSTEM);
        ledger.recordOrder(
                new RecordOrder(code + "-O", code, AS_OF.minusDays(5), new BigDecimal("200.00"), null, null, null),
                Caller.SYSTEM);

        CustomerStatus status = customers.details(code, AS_OF, Caller.SYSTEM).status();
        CustomerStatus otherDay =
                customers.details(code, AS_OF.minusDays(1), Caller.SYSTEM).status();

        assertThat(status.openReceivables()).isEqualByComparingTo("800.00");
        assertThat(status.overdueAmount()).isEqualByComparingTo("300.00");
        assertThat(status.maxDaysOverdue()).isEqualTo(17);
        // Exposure, limit, state and holds come from the credit module through CreditStatusView.
        assertThat(status.exposure()).isEqualByComparingTo("950.00");
        assertThat(status.creditLimit()).isEqualByComparingTo("2000.00");
        assertThat(status.available()).isEqualByComparingTo("1050.00");
        assertThat(status.creditState()).isEqualTo(CreditState.ON_HOLD);
        assertThat(status.holdReasons()).containsExactly("OVERDUE");
        assertThat(otherDay.maxDaysOverdue()).isEqualTo(16);
        assertThat(customers
                        .details(code, AS_OF.minusDays(61), Caller.SYSTEM)
                        .status()
                        .openReceivables())
                .isEqualByComparingTo("0");
    }
}

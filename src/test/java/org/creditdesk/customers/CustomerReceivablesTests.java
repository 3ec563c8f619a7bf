package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The customer status takes its figures from whatever implements {@link ReceivablesView} (the
 * ledger in the application) and {@link CreditStatusView} (credit); fixed views stand in here so the
 * wiring and the date are checked.
 */
@SpringBootTest
class CustomerReceivablesTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

    @TestConfiguration
    static class FixedReceivables {
        @Bean
        @Primary
        ReceivablesView fixedReceivables() {
            return (customerId, asOf) -> asOf.equals(AS_OF)
                    ? new ReceivablesSummary(
                            new BigDecimal("800.00"),
                            new BigDecimal("300.00"),
                            17,
                            new BigDecimal("200.00"),
                            new BigDecimal("50.00"))
                    : ReceivablesSummary.NONE;
        }

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
        assertThat(otherDay.openReceivables()).isEqualByComparingTo("0");
    }
}

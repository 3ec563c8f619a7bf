package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CustomerStatusTests {

    @Test
    void exposure_is_open_receivables_plus_released_orders_less_unapplied_cash() {
        CustomerStatus status = CustomerStatus.of(new ReceivablesSummary(
                new BigDecimal("1000.00"),
                new BigDecimal("250.00"),
                12,
                new BigDecimal("300.50"),
                new BigDecimal("100.25")));

        assertThat(status.exposure()).isEqualByComparingTo("1200.25");
        assertThat(status.openReceivables()).isEqualByComparingTo("1000.00");
        assertThat(status.overdueAmount()).isEqualByComparingTo("250.00");
        assertThat(status.maxDaysOverdue()).isEqualTo(12);
    }

    @Test
    void exposure_goes_negative_when_cash_paid_in_advance_exceeds_what_is_owed() {
        CustomerStatus status = CustomerStatus.of(
                new ReceivablesSummary(BigDecimal.ZERO, BigDecimal.ZERO, 0, BigDecimal.ZERO, new BigDecimal("500.00")));

        assertThat(status.exposure()).isEqualByComparingTo("-500.00");
    }

    @Test
    void until_credit_and_risk_report_a_customer_is_active_without_limit_class_or_score() {
        CustomerStatus status = CustomerStatus.of(ReceivablesSummary.NONE);

        assertThat(status.creditState()).isEqualTo(CreditState.ACTIVE);
        assertThat(status.holdReasons()).isEmpty();
        assertThat(status.escalationLevel()).isZero();
        assertThat(status.creditLimit()).isNull();
        assertThat(status.available()).isNull();
        assertThat(status.riskClass()).isNull();
        assertThat(status.score()).isNull();
    }
}

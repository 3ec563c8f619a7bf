package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.ledger.OpenItem;
import org.creditdesk.shared.Money;
import org.junit.jupiter.api.Test;

/** The live overdue rule and the disputed-amount setting, without Spring. */
class OverdueFactsTests {

    static final LocalDate AS_OF = LocalDate.of(2030, 6, 30);

    static OpenItem overdue(String open, String disputed, int days) {
        return new OpenItem(
                "INV-" + days,
                AS_OF.minusDays(60),
                AS_OF.minusDays(days),
                new BigDecimal("1000.00"),
                new BigDecimal(open),
                "CNY",
                null,
                days,
                new BigDecimal(disputed),
                null,
                null);
    }

    @Test
    void disputed_amount_does_not_hold_when_policy_says_so() {
        List<OpenItem> items = List.of(overdue("400.00", "400.00", 40), overdue("300.00", "100.00", 12));

        OverdueFacts apart = OverdueFacts.of(items, 7, false);

        assertThat(apart.beyondGrace()).isTrue();
        assertThat(apart.invoices())
                .as("the wholly disputed invoice does not count")
                .isEqualTo(1);
        assertThat(apart.amounts()).containsExactly(Money.of(new BigDecimal("200.00"), "CNY"));
        assertThat(apart.maxDaysOverdue()).isEqualTo(12);
        assertThat(OverdueFacts.of(List.of(overdue("400.00", "400.00", 40)), 7, false)
                        .beyondGrace())
                .isFalse();
    }

    @Test
    void by_default_disputed_amounts_count_for_the_hold() {
        OverdueFacts counted = OverdueFacts.of(List.of(overdue("400.00", "400.00", 40)), 7, true);

        assertThat(counted.beyondGrace()).isTrue();
        assertThat(counted.amounts()).containsExactly(Money.of(new BigDecimal("400.00"), "CNY"));
        assertThat(counted.maxDaysOverdue()).isEqualTo(40);
    }
}

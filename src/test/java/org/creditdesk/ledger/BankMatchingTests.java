package org.creditdesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.ledger.BankMatch.MatchedBy;
import org.creditdesk.ledger.BankMatching.CustomerHit;
import org.creditdesk.ledger.BankMatching.InvoiceHit;
import org.creditdesk.ledger.BankMatching.NoMatch;
import org.creditdesk.ledger.BankMatching.Pay;
import org.creditdesk.ledger.BankMatching.Plan;
import org.creditdesk.ledger.BankMatching.Settlement;
import org.creditdesk.ledger.BankMatching.WriteOff;
import org.junit.jupiter.api.Test;

/** The matching rules without Spring or a database. */
class BankMatchingTests {

    static final CustomerHit ACME = new CustomerHit(1, "ACME");
    static final CustomerHit BETA = new CustomerHit(2, "BETA");

    static InvoiceHit invoice(String no, CustomerHit customer, String open, int dueDay) {
        return new InvoiceHit(
                no.hashCode(),
                no,
                customer.id(),
                customer.code(),
                new BigDecimal(open),
                "EUR",
                LocalDate.of(2026, 1, dueDay));
    }

    @Test
    void references_are_structured_refs_and_free_text_words_with_a_digit() {
        assertThat(BankMatching.references(List.of("RF18 539007547034"), "Paid inv-2026/0042, cust C-77; thanks."))
                .containsExactly("RF18 539007547034", "inv-2026/0042", "INV-2026/0042", "C-77");
    }

    @Test
    void account_of_one_customer_decides_and_keeps_only_its_invoices() {
        var decision = BankMatching.decide(
                List.of(ACME), List.of(invoice("A1", ACME, "10", 1), invoice("B1", BETA, "10", 1)), List.of());
        assertThat(decision).isEqualTo(new Pay(ACME, MatchedBy.ACCOUNT, List.of(invoice("A1", ACME, "10", 1))));
    }

    @Test
    void shared_account_is_decided_by_the_named_invoices_else_queued() {
        assertThat(BankMatching.decide(List.of(ACME, BETA), List.of(invoice("B1", BETA, "10", 1)), List.of()))
                .isInstanceOfSatisfying(Pay.class, p -> assertThat(p.customer()).isEqualTo(BETA));
        assertThat(BankMatching.decide(List.of(ACME, BETA), List.of(), List.of()))
                .isEqualTo(new NoMatch("the payer's account belongs to 2 customers", List.of("ACME", "BETA")));
    }

    @Test
    void named_invoices_of_two_customers_are_ambiguous() {
        assertThat(BankMatching.decide(
                        List.of(), List.of(invoice("A1", ACME, "1", 1), invoice("B1", BETA, "1", 1)), List.of()))
                .isInstanceOf(NoMatch.class);
    }

    @Test
    void a_customer_code_alone_pays_oldest_first() {
        assertThat(BankMatching.decide(List.of(), List.of(), List.of(BETA)))
                .isEqualTo(new Pay(BETA, MatchedBy.CUSTOMER_CODE, List.of()));
    }

    @Test
    void nothing_known_is_no_match() {
        assertThat(BankMatching.decide(List.of(), List.of(), List.of())).isInstanceOf(NoMatch.class);
    }

    @Test
    void short_payment_within_tolerance_settles_all_and_writes_off_on_the_latest_due() {
        Plan plan = BankMatching.settle(
                new BigDecimal("149.50"),
                List.of(invoice("LATE", ACME, "50.00", 20), invoice("EARLY", ACME, "100.00", 5)),
                new BigDecimal("1.00"));
        assertThat(plan.settlements())
                .containsExactly(
                        new Settlement("EARLY", new BigDecimal("100.00")),
                        new Settlement("LATE", new BigDecimal("49.50")));
        assertThat(plan.writeOff()).isEqualTo(new WriteOff("LATE", new BigDecimal("0.50")));
    }

    @Test
    void shortfall_beyond_tolerance_is_partial_earliest_due_first() {
        Plan plan = BankMatching.settle(
                new BigDecimal("120.00"),
                List.of(invoice("LATE", ACME, "50.00", 20), invoice("EARLY", ACME, "100.00", 5)),
                new BigDecimal("1.00"));
        assertThat(plan.settlements())
                .containsExactly(
                        new Settlement("EARLY", new BigDecimal("100.00")),
                        new Settlement("LATE", new BigDecimal("20.00")));
        assertThat(plan.writeOff()).isNull();
    }

    @Test
    void overpayment_settles_everything_and_leaves_the_rest_unallocated() {
        Plan plan = BankMatching.settle(
                new BigDecimal("500"), List.of(invoice("A", ACME, "100.00", 1)), new BigDecimal("1.00"));
        assertThat(plan.settlements()).containsExactly(new Settlement("A", new BigDecimal("100.00")));
        assertThat(plan.writeOff()).isNull();
    }

    @Test
    void account_keys_ignore_spaces_dashes_and_case() {
        assertThat(BankMatching.accountKey("de89 3704-0044 0532 0130 00")).isEqualTo("DE89370400440532013000");
        assertThat(BankMatching.accountKey(" - ")).isNull();
    }
}

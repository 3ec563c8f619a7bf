package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.demo.Camt053Writer.Line;
import org.creditdesk.demo.DemoBankRepository.OpenInvoice;
import org.creditdesk.demo.DemoBankStatements.Statement;
import org.junit.jupiter.api.Test;

class DemoBankStatementsTests {

    static List<OpenInvoice> invoices(int n) {
        List<OpenInvoice> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new OpenInvoice(
                    "C%04d".formatted(i % 40),
                    "Customer %d Ltd".formatted(i % 40),
                    "CNY",
                    "INV-%05d".formatted(i),
                    new BigDecimal(100 + i).setScale(2),
                    LocalDate.of(2026, 1, 1),
                    "ICBC 1234 %08d".formatted(i % 40)));
        }
        return list;
    }

    @Test
    void the_month_has_a_statement_per_business_day_and_a_cheque_returned_unpaid_later() {
        List<Statement> month = DemoBankStatements.month(LocalDate.of(2026, 4, 15), invoices(400));

        assertThat(month)
                .hasSize(22)
                .allSatisfy(s -> assertThat(s.day().getMonthValue()).isEqualTo(3));
        List<Line> all = month.stream().flatMap(s -> s.lines().stream()).toList();
        Line cheque = all.stream()
                .filter(l -> l.code().equals("PMNT/RCHQ/BCHQ"))
                .findFirst()
                .orElseThrow();
        Line returned = all.stream()
                .filter(l -> l.code().equals("PMNT/RCHQ/UPCQ"))
                .findFirst()
                .orElseThrow();
        assertThat(returned.chequeNo()).isEqualTo(cheque.chequeNo());
        assertThat(returned.bookedOn()).isAfter(cheque.bookedOn());
        assertThat(returned.amount()).isEqualByComparingTo(cheque.amount().add(returned.charges()));
        assertThat(returned.returnReason()).isEqualTo("AM04");
        assertThat(all)
                .filteredOn(l ->
                        l.credit() && l.payerIban() != null && l.payerIban().startsWith("CN00OTHR"))
                .isNotEmpty();
        assertThat(all).filteredOn(l -> !l.credit() && l.returnReason() == null).hasSize(22);
    }

    @Test
    void the_same_day_gives_the_same_statements() {
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        Statement first = DemoBankStatements.month(LocalDate.of(2026, 4, 15), invoices(100))
                .getFirst();
        Statement again = DemoBankStatements.month(LocalDate.of(2026, 4, 15), invoices(100))
                .getFirst();
        Camt053Writer.write(a, first.id(), "X", "CNY", first.day(), first.day(), BigDecimal.ZERO, first.lines());
        Camt053Writer.write(b, again.id(), "X", "CNY", again.day(), again.day(), BigDecimal.ZERO, again.lines());
        assertThat(a.toString()).isEqualTo(b.toString()).contains("<Othr><Id>ICBC 1234");
    }
}

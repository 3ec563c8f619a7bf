package org.creditdesk.collections.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LetterRendererTests {

    @Test
    void values_are_escaped_in_the_body_and_plain_in_the_subject() {
        LetterContent sample = SampleLetter.of(2, "en");
        LetterContent tricky = new LetterContent(
                sample.companyName(),
                sample.customerCode(),
                "Smith & Sons <Ltd>",
                sample.customerAddress(),
                sample.letterDate(),
                2,
                "en",
                sample.recipientName(),
                sample.recipient(),
                sample.cc(),
                sample.invoices(),
                sample.totals(),
                sample.maxDaysOverdue(),
                sample.brokenPromises(),
                sample.replyContact(),
                sample.signature());

        assertThat(LetterRenderer.fill("<p>{{customerName}}</p>", tricky, true))
                .isEqualTo("<p>Smith &amp; Sons &lt;Ltd&gt;</p>");
        assertThat(LetterRenderer.fill("Reminder {{customerName}}", tricky, false))
                .isEqualTo("Reminder Smith & Sons <Ltd>");
    }

    @Test
    void the_invoice_table_shows_open_disputed_and_claimed_amounts_with_the_total() {
        String table = LetterRenderer.fill("{{invoiceTable}}", SampleLetter.of(1, "en"), true);

        assertThat(table)
                .contains("INV-1002")
                .contains("8,000.00")
                .contains("3,000.00")
                .contains("5,000.00 CNY")
                .contains("Total overdue")
                .contains("17,500.00 CNY");
    }

    @Test
    void dates_are_written_in_the_letters_language() {
        LocalDate date = LocalDate.of(2026, 3, 9);
        assertThat(LetterRenderer.date(date, "en")).isEqualTo("9 March 2026");
        assertThat(LetterRenderer.date(date, "zh-CN")).isEqualTo("2026年3月9日");
    }
}

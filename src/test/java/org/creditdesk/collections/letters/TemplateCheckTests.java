package org.creditdesk.collections.letters;

import static org.assertj.core.api.Assertions.assertThat;

import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;

class TemplateCheckTests {

    @Test
    void a_known_placeholder_in_well_formed_xhtml_passes() {
        assertThat(TemplateCheck.check(
                        "Reminder {{customerCode}}",
                        "<p>Dear {{recipientName}},</p>\n{{invoiceTable}}\n<p>{{ signature }}</p>"))
                .isEmpty();
    }

    @Test
    void an_unknown_placeholder_is_refused_with_its_line() {
        assertThat(TemplateCheck.check("Reminder", "<p>Dear {{recipientName}},</p>\n<p>{{customerPhone}}</p>"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.line()).isEqualTo(2);
                    assertThat(v.field()).isEqualTo("body");
                    assertThat(v.message()).contains("unknown placeholder {{customerPhone}}");
                });
    }

    @Test
    void an_unknown_placeholder_in_the_subject_names_the_subject() {
        assertThat(TemplateCheck.check("Reminder {{invoiceNo}}", "<p>x</p>"))
                .extracting(Violation::field)
                .containsExactly("subject");
    }

    @Test
    void broken_html_is_refused_with_the_line_where_it_breaks() {
        assertThat(TemplateCheck.check("Reminder", "<p>one</p>\n<p>two\n<p>three</p>\n</div>"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.line()).isEqualTo(4);
                    assertThat(v.message()).startsWith("not well-formed XHTML");
                });
    }

    @Test
    void an_empty_body_is_refused() {
        assertThat(TemplateCheck.check("Reminder", " "))
                .extracting(Violation::field)
                .containsExactly("body");
    }
}

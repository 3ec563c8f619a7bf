package org.creditdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTests {

    @Test
    void formula_like_text_gets_a_leading_apostrophe() {
        assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetText.neutralise("+1")).isEqualTo("'+1");
        assertThat(SpreadsheetText.neutralise("-1")).isEqualTo("'-1");
        assertThat(SpreadsheetText.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SpreadsheetText.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(SpreadsheetText.neutralise("\rx")).isEqualTo("'\rx");
        assertThat(SpreadsheetText.neutralise("Acme = best")).isEqualTo("Acme = best");
        assertThat(SpreadsheetText.neutralise(null)).isEmpty();
    }
}

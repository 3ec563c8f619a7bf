package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.creditdesk.customers.BusinessGroup;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerSummary;
import org.junit.jupiter.api.Test;

class CustomerCsvTests {

    @Test
    void a_row_has_plain_numbers_and_quotes_commas_and_formula_like_text() throws IOException {
        StringWriter out = new StringWriter();
        CustomerCsv.write(
                out,
                new CustomerSummary(
                        "C1",
                        "=HYPERLINK(\"x\"), Ltd.",
                        "EAST",
                        BusinessGroup.VOLUME,
                        null,
                        "CNY",
                        30,
                        CreditState.ON_HOLD,
                        new BigDecimal("50000.00"),
                        "CNY",
                        new BigDecimal("-120.50"),
                        new BigDecimal("8000.00"),
                        45,
                        3,
                        "D"));
        assertThat(out.toString())
                .isEqualTo(
                        "C1,\"'=HYPERLINK(\"\"x\"\"), Ltd.\",EAST,VOLUME,,CNY,ON_HOLD,50000.00,-120.50,8000.00,45,3,D\r\n");
    }
}

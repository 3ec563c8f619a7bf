package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The bank statement endpoints as a client sees them: every bad file a 4xx problem, nothing stored. */
@SpringBootTest
@AutoConfigureMockMvc
class BankStatementHttpTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private MockMvcTester.MockMvcRequestBuilder post(String contentType, byte[] body, String role) {
        return mvc.post()
                .uri("/api/v1/imports/bank-statements")
                .with(user("fin").roles(role))
                .with(csrf())
                .contentType(MediaType.valueOf(contentType))
                .content(body);
    }

    long statements() {
        return jdbc.sql("SELECT count(*) FROM bank_statement").query(Long.class).single();
    }

    @Test
    void an_mt940_sent_as_text_plain_answers_the_counts() {
        var result = post("text/plain", BankStatementParserTests.sample("hbci4java/test-mt940-002.sta"), "FINANCE")
                .exchange();
        assertThat(result).hasStatusOk();
        assertThat(result).bodyJson().extractingPath("$.entries").isEqualTo(2);
        assertThat(result).bodyJson().extractingPath("$.statementId").isNotNull();
    }

    @Test
    void a_camt_sent_as_octet_stream_is_detected_from_the_content() {
        assertThat(post(
                        "application/octet-stream",
                        BankStatementParserTests.sample("genkgo_camt/camt053.v3.xml"),
                        "FINANCE"))
                .hasStatusOk();
    }

    @Test
    void xxe_answers_400_problem_json_naming_the_doctype_and_stores_nothing() {
        long before = statements();
        byte[] xml = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>
                """.getBytes(StandardCharsets.UTF_8);
        var result = post("application/xml", xml, "FINANCE").exchange();
        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("{\"errors\":[{\"line\":2,\"field\":\"DOCTYPE\"}]}");
        assertThat(result).bodyText().doesNotContain("root:x");
        assertThat(statements()).isEqualTo(before);
    }

    @Test
    void a_50_mb_file_answers_422_naming_the_file_and_stores_nothing() {
        long before = statements();
        byte[] big = new byte[50 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        big[0] = '<';
        var result = post("application/xml", big, "FINANCE").exchange();
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(statements()).isEqualTo(before);
    }

    @Test
    void a_latin1_mt940_answers_422_naming_the_line() {
        String text = new String(
                        BankStatementParserTests.sample("hbci4java/test-mt940-002.sta"), StandardCharsets.UTF_8)
                .replace("Max Mustermann", "J\u00fcrgen M\u00fcller");
        var result = post("text/plain", text.getBytes(StandardCharsets.ISO_8859_1), "FINANCE")
                .exchange();
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("encoding");
        assertThat(result).bodyJson().extractingPath("$.errors[0].line").isNotNull();
    }

    @Test
    void an_unknown_camt_version_answers_422() {
        String xml = new String(BankStatementParserTests.sample("genkgo_camt/camt053.v8.xml"), StandardCharsets.UTF_8)
                .replace("camt.053.001.08", "camt.053.001.42");
        assertThat(post("text/xml", xml.getBytes(StandardCharsets.UTF_8), "FINANCE"))
                .hasStatus(422)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("Document");
    }

    @Test
    void a_sales_rep_may_not_import_bank_statements() {
        assertThat(post("text/plain", BankStatementParserTests.sample("hbci4java/test-mt940-001.sta"), "SALES_REP"))
                .hasStatus(403);
    }

    @Test
    void assigning_an_invoice_of_another_customer_answers_422_naming_it() {
        String x = java.util.UUID.randomUUID().toString().substring(0, 8);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/customers")
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.valueOf("text/csv"))
                        .content("code,name,area,businessGroup,paymentTermDays\nHB" + x
                                + ",Http Bank Ltd,EAST,VOLUME,30\n"))
                .hasStatusOk();
        java.io.StringWriter camt = new java.io.StringWriter();
        org.creditdesk.demo.Camt053Writer.write(
                camt,
                "H-" + x,
                "DE02120300000000202051",
                "EUR",
                java.time.LocalDate.of(2026, 4, 1),
                java.time.LocalDate.of(2026, 4, 1),
                java.math.BigDecimal.ZERO,
                java.util.List.of(org.creditdesk.demo.Camt053Writer.Line.transfer(
                        "HR-" + x,
                        java.time.LocalDate.of(2026, 4, 1),
                        new java.math.BigDecimal("10.00"),
                        "Nobody Known",
                        null,
                        "nothing to go by",
                        java.util.List.of())));
        var imported = post("application/xml", camt.toString().getBytes(StandardCharsets.UTF_8), "FINANCE")
                .exchange();
        assertThat(imported).bodyJson().extractingPath("$.unmatched").isEqualTo(1);
        Long entry = jdbc.sql("SELECT e.id FROM bank_entry e JOIN bank_statement s ON s.id = e.statement_id"
                        + " WHERE s.statement_ref = :ref")
                .param("ref", "H-" + x)
                .query(Long.class)
                .single();

        var result = mvc.post()
                .uri("/api/v1/bank-statements/unmatched/{id}/assign", entry)
                .with(user("fin").roles("FINANCE"))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"customerCode\":\"HB" + x + "\",\"invoiceNos\":[\"NO-SUCH-INVOICE\"]}")
                .exchange();
        assertThat(result).hasStatus(422);
        assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("invoiceNos[0]");
        assertThat(mvc.get()
                        .uri("/api/v1/bank-statements/unmatched?size=5")
                        .with(user("fin").roles("FINANCE")))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isNotNull();
    }
}

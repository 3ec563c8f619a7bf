package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 findings 2, 3 and 7 over real HTTP (Tomcat, the security filters, Spring MVC): strict dates,
 * NUL and lone surrogates, over-long text, unknown paths, wrong methods and media types all answer a
 * 4xx problem+json without database text, and pages carry the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HostileRequestIntegrationTests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8));

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {}

    private Answer send(String method, String rawPath, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Authorization", ADMIN)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) request.header("Content-Type", contentType);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                response);
    }

    private static void assertProblem(Answer answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContainIgnoringCase("postgres").doesNotContain("ERROR:", "SQL", "Exception");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"0000-01-01\"",
                "\"+10000-01-01\"",
                "\"-2026-01-01\"",
                "20261206",
                "\"1899-12-31\"",
                "\"2200-01-01\"",
                "\"2026-1-5\"",
                "\"2026-02-30\""
            })
    void an_invoice_date_outside_yyyy_MM_dd_in_1900_to_2199_is_a_400_naming_the_field(String date) throws Exception {
        Answer answer = send("POST", "/api/v1/invoices", "application/json", """
                {"invoiceNo":"HD-1","customerCode":"NOBODY","issueDate":%s,"dueDate":"2026-02-01","amount":1}
                """.formatted(date));
        assertProblem(answer, 400);
        assertThat(answer.body()).contains("\"field\":\"issueDate\"");
    }

    @Test
    void a_number_or_a_far_year_as_a_query_date_is_a_400_naming_the_parameter() throws Exception {
        for (String asOf : new String[] {"20261206", "10000-01-01", "1800-01-01"}) {
            Answer answer = send("GET", "/api/v1/reports/aging?asOf=" + asOf, null, null);
            assertProblem(answer, 400);
            assertThat(answer.body()).contains("\"field\":\"asOf\"");
        }
    }

    @Test
    void a_nul_byte_in_a_parameter_is_a_400_without_database_text() throws Exception {
        Answer answer = send("GET", "/api/v1/customers?query=%00", null, null);
        assertProblem(answer, 400);
        assertThat(answer.body()).contains("\"field\":\"query\"");
    }

    @Test
    void a_lone_surrogate_or_a_nul_in_json_text_is_a_400_naming_the_field() throws Exception {
        for (String name : new String[] {"\\ud800x", "a\\u0000b"}) {
            Answer answer = send("PUT", "/api/v1/customers/HOSTILE-1", "application/json", """
                    {"name":"%s","area":"NORTH","businessGroup":"VOLUME","paymentTermDays":30}
                    """.formatted(name));
            assertProblem(answer, 400);
            assertThat(answer.body()).contains("\"field\":\"name\"");
        }
    }

    @Test
    void text_longer_than_any_field_allows_is_a_400_not_a_500() throws Exception {
        Answer answer = send("PUT", "/api/v1/customers/HOSTILE-2", "application/json", """
                {"name":"%s","area":"NORTH","businessGroup":"VOLUME","paymentTermDays":30}
                """.formatted("N".repeat(9000)));
        assertProblem(answer, 400);
        assertThat(answer.body()).contains("\"field\":\"name\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SP%20ACE-1",
                "QU%22OTE",
                "I5'%3B%20DROP",
                "BACK%5CSLASH",
                "PI%7CPE",
                "%3Cb%3E",
                "PER%25CENT",
                "SEMI%3BCOLON",
                "%C3%A4rger"
            })
    void a_customer_code_outside_the_key_alphabet_is_a_400_and_nothing_is_stored(String code) throws Exception {
        Answer answer = send("PUT", "/api/v1/customers/" + code, "application/json", """
                {"name":"Odd key","area":"NORTH","businessGroup":"VOLUME","paymentTermDays":30}
                """);
        assertProblem(answer, 400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"SP ACE-1", "QU\\\"OTE", "I5'; DROP TABLE invoice", "a|b", "<b>", "50%", "a;b", "x/y"})
    void an_invoice_number_outside_the_key_alphabet_is_a_400_naming_the_field(String invoiceNo) throws Exception {
        Answer answer = send("POST", "/api/v1/invoices", "application/json", """
                {"invoiceNo":"%s","customerCode":"NOBODY","issueDate":"2026-01-01","dueDate":"2026-02-01","amount":1}
                """.formatted(invoiceNo));
        assertProblem(answer, 400);
        assertThat(answer.body()).contains("\"field\":\"invoiceNo\"");
    }

    @Test
    void over_long_keys_and_addresses_are_400s_naming_the_field_before_anything_is_stored() throws Exception {
        assertProblem(send("PUT", "/api/v1/customers/" + "K".repeat(9000), "application/json", "{}"), 400);
        Answer address =
                send("PUT", "/api/v1/customers/LONG-ADDRESS-1", "application/json", """
                {"name":"Long address","area":"NORTH","businessGroup":"VOLUME","paymentTermDays":30,"address":"%s"}
                """.formatted("A".repeat(3000)));
        assertProblem(address, 400);
        assertThat(address.body()).contains("\"field\":\"address\"");
        assertThat(send("GET", "/api/v1/customers/LONG-ADDRESS-1", null, null).status())
                .isEqualTo(404);
    }

    @Test
    void a_csv_row_with_a_bad_key_or_over_long_name_is_refused_naming_its_line() throws Exception {
        Answer answer = send("POST", "/api/v1/imports/customers", "text/csv", """
                code,name,area,businessGroup,paymentTermDays
                CSV-GOOD-1,Good,NORTH,VOLUME,30
                SP ACE,Bad key,NORTH,VOLUME,30
                CSV-LONG-1,%s,NORTH,VOLUME,30
                """.formatted("N".repeat(9000)));
        assertProblem(answer, 422);
        assertThat(answer.body()).contains("\"line\":3", "\"line\":4");
        assertThat(send("GET", "/api/v1/customers/CSV-GOOD-1", null, null).status())
                .isEqualTo(404);
    }

    @Test
    void a_created_customer_is_located_by_its_plain_key() throws Exception {
        Answer answer = send("PUT", "/api/v1/customers/LOC-1.a_b", "application/json", """
                {"name":"Location","area":"NORTH","businessGroup":"VOLUME","paymentTermDays":30}
                """);
        assertThat(answer.status()).as(answer.body()).isIn(200, 201);
        assertThat(send("GET", "/api/v1/customers/LOC-1.a_b", null, null).status())
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXX", "XAU", "XTS", "NZD"})
    void an_invoice_in_a_currency_the_company_has_not_enabled_is_a_422_naming_the_field(String currency)
            throws Exception {
        Answer answer = send("POST", "/api/v1/invoices", "application/json", """
                {"invoiceNo":"CUR-%s","customerCode":"NOBODY","issueDate":"2026-01-01","dueDate":"2026-02-01",
                 "amount":1,"currency":"%s"}
                """.formatted(currency, currency));
        assertProblem(answer, 422);
        assertThat(answer.body()).contains("\"field\":\"currency\"", "not a currency the company has enabled");
    }

    @Test
    void an_admin_enables_a_currency_and_the_change_is_audited() throws Exception {
        Answer before = send("GET", "/api/v1/settings/company/currencies", null, null);
        assertThat(before.body()).contains("CNY").doesNotContain("NOK");
        Answer enabled = send("PUT", "/api/v1/settings/company/currencies", "application/json", """
                {"currencies":["CNY","USD","EUR","HKD","JPY","GBP","CHF","SGD","AUD","CAD","NOK"],"reason":"Oslo branch"}
                """);
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        Answer invoice = send("POST", "/api/v1/invoices", "application/json", """
                {"invoiceNo":"CUR-NOK-1","customerCode":"NOBODY","issueDate":"2026-01-01","dueDate":"2026-02-01",
                 "amount":1,"currency":"NOK"}
                """);
        assertThat(invoice.body()).doesNotContain("not a currency the company has enabled");
        assertProblem(
                send("PUT", "/api/v1/settings/company/currencies", "application/json", "{\"currencies\":[\"XAU\"]}"),
                422);
        send("PUT", "/api/v1/settings/company/currencies", "application/json", """
                {"currencies":["CNY","USD","EUR","HKD","JPY","GBP","CHF","SGD","AUD","CAD"],"reason":"test done"}
                """);
    }

    @Test
    void unknown_paths_wrong_methods_and_media_types_answer_problem_json() throws Exception {
        assertProblem(send("GET", "/api/v1/no-such-thing", null, null), 404);
        assertProblem(send("DELETE", "/api/v1/invoices", null, null), 405);
        assertProblem(send("POST", "/api/v1/invoices", "text/plain", "hello"), 415);
        assertProblem(send("GET", "/api/v1/customers/a;b", null, null), 400);
        assertProblem(send("GET", "/api/v1/customers/%2e%2e%2fx", null, null), 400);
    }

    @Test
    void pages_carry_a_script_only_from_self_policy_a_referrer_policy_and_a_same_site_session_cookie()
            throws Exception {
        HttpResponse<String> login = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';", "frame-ancestors 'none'"));
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().allValues("Set-Cookie"))
                .filteredOn(cookie -> cookie.startsWith("JSESSIONID"))
                .allSatisfy(cookie -> assertThat(cookie).contains("SameSite=Lax", "HttpOnly"))
                .isNotEmpty();
    }
}

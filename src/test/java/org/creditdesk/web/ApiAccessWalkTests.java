package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 "Also": every operation of the OpenAPI document, walked as a sales rep of another area and
 * as an auditor, so that a new endpoint cannot forget area scoping or the read-only auditor. A rep
 * never reads a customer of another area (403/404 on every path naming it, and its name appears in no
 * answer); an auditor changes nothing (403 on every write); nobody gets a 5xx.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ApiAccessWalkTests {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    String area;
    String code;
    String name;
    String invoiceNo;
    String orderNo;
    String paymentNo;

    record Operation(HttpMethod method, String template) {}

    @BeforeEach
    void a_customer_with_documents_in_its_own_area() {
        String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        area = "WALK-" + x;
        code = "WALK-C-" + x;
        name = "Walk Secret Trading " + x;
        invoiceNo = "WALK-I-" + x;
        orderNo = "WALK-O-" + x;
        paymentNo = "WALK-P-" + x;
        write(HttpMethod.PUT, "/api/v1/customers/" + code, """
                {"name":"%s","area":"%s","businessGroup":"VOLUME","paymentTermDays":30}
                """.formatted(name, area));
        write(HttpMethod.POST, "/api/v1/invoices", """
                {"invoiceNo":"%s","customerCode":"%s","issueDate":"2026-01-01","dueDate":"2026-02-01","amount":100}
                """.formatted(invoiceNo, code));
        write(HttpMethod.POST, "/api/v1/orders", """
                {"orderNo":"%s","customerCode":"%s","orderDate":"2026-01-01","amount":10}
                """.formatted(orderNo, code));
        write(HttpMethod.POST, "/api/v1/payments", """
                {"paymentNo":"%s","customerCode":"%s","receivedOn":"2026-01-05","amount":10,"method":"CASH"}
                """.formatted(paymentNo, code));
    }

    private void write(HttpMethod method, String uri, String body) {
        assertThat(mvc.method(method)
                        .uri(uri)
                        .with(TestUsers.admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .hasStatus2xxSuccessful();
    }

    private List<Operation> operations() throws Exception {
        String docs = mvc.get().uri("/api/docs").exchange().getResponse().getContentAsString();
        JsonNode paths = json.readTree(docs).get("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    operations.add(new Operation(HttpMethod.valueOf(method), path.getKey()));
                }
            }
        }
        return operations;
    }

    /** The path with this customer's keys in it, and whether it names the customer or its documents. */
    private String expand(String template) {
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = switch (matcher.group(1)) {
                case "code", "customerCode" -> code;
                case "invoiceNo" -> invoiceNo;
                case "orderNo" -> orderNo;
                case "paymentNo" -> paymentNo;
                case "year" -> "2025";
                case "period" -> "2026-Q1";
                case "username" -> "admin";
                default -> "999999999";
            };
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static boolean namesTheCustomer(String template) {
        return template.matches(".*\\{(code|customerCode|invoiceNo|orderNo|paymentNo)}.*");
    }

    private MvcTestResult call(Operation operation, RequestPostProcessor who) {
        var request = mvc.method(operation.method())
                .uri(expand(operation.template()))
                .with(who)
                .with(csrf());
        if (operation.method() != HttpMethod.GET && operation.method() != HttpMethod.DELETE) {
            request = request.contentType(MediaType.APPLICATION_JSON).content("{}");
        }
        return request.exchange();
    }

    @Test
    void a_sales_rep_of_another_area_reaches_no_customer_of_this_one_through_any_operation() throws Exception {
        RequestPostProcessor rep = TestUsers.user(jdbc, Role.SALES_REP, "WALK-ELSEWHERE");
        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40);
        SoftAssertions soft = new SoftAssertions();
        for (Operation operation : operations) {
            MvcTestResult result = call(operation, rep);
            int status = result.getResponse().getStatus();
            String body = result.getResponse().getContentAsString();
            soft.assertThat(status)
                    .as("%s %s", operation.method(), operation.template())
                    .isLessThan(500);
            soft.assertThat(body)
                    .as("%s %s leaks the customer", operation.method(), operation.template())
                    .doesNotContain(name);
            if (namesTheCustomer(operation.template())) {
                soft.assertThat(status / 100)
                        .as("%s %s for another area's customer", operation.method(), operation.template())
                        .isNotEqualTo(2);
                if (operation.method() == HttpMethod.GET) {
                    soft.assertThat(status)
                            .as("%s %s for another area's customer", operation.method(), operation.template())
                            .isIn(403, 404);
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void an_auditor_reads_without_errors_and_every_write_is_refused() throws Exception {
        RequestPostProcessor auditor = TestUsers.user(jdbc, Role.AUDITOR);
        SoftAssertions soft = new SoftAssertions();
        for (Operation operation : operations()) {
            MvcTestResult result = call(operation, auditor);
            int status = result.getResponse().getStatus();
            soft.assertThat(status)
                    .as("%s %s", operation.method(), operation.template())
                    .isLessThan(500);
            if (operation.method() != HttpMethod.GET) {
                soft.assertThat(status)
                        .as("auditor %s %s", operation.method(), operation.template())
                        .isEqualTo(403);
            }
        }
        soft.assertAll();
    }
}

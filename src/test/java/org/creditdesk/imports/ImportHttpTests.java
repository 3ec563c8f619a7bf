package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The endpoint as a client sees it. Authenticates with a mock ADMIN user: the HTTP Basic user
 * store is the identity module's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImportHttpTests {

    @Autowired
    MockMvcTester mvc;

    private MockMvcTester.MockMvcRequestBuilder post(String kind, String body) {
        return mvc.post()
                .uri("/api/v1/imports/{kind}", kind)
                .with(user("admin").roles("ADMIN"))
                .with(csrf())
                .contentType(MediaType.valueOf("text/csv"))
                .content(body);
    }

    @Test
    void a_valid_file_answers_200_with_the_counts() {
        String x = UUID.randomUUID().toString().substring(0, 8);
        String file = "code,name,area,businessGroup,paymentTermDays\nH" + x + ",Http Ltd,EAST,VOLUME,30\n";

        assertThat(post("customers", file))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"imported\":1,\"unchanged\":0,\"rejected\":[]}");
        assertThat(post("customers", file))
                .hasStatusOk()
                .bodyJson()
                .isLenientlyEqualTo("{\"imported\":0,\"unchanged\":1,\"rejected\":[]}");
    }

    @Test
    void a_file_with_bad_rows_answers_422_problem_json_listing_each_line() {
        String file = "invoiceNo,customerCode,issueDate,dueDate,amount\n"
                + "Z1,NOBODY-HTTP,2024-01-01,2024-02-01,10.00\n"
                + "Z2,NOBODY-HTTP,2024-01-01,2023-12-01,10.00\n";

        var result = post("invoices", file).exchange();

        assertThat(result).hasStatus(422).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().isLenientlyEqualTo("""
                        {"status": 422, "title": "Rule violation",
                         "errors": [
                           {"line": 2, "field": "customerCode", "message": "unknown customer NOBODY-HTTP"},
                           {"line": 3, "field": "customerCode", "message": "unknown customer NOBODY-HTTP"},
                           {"line": 3, "field": "dueDate", "message": "is before the issue date"}]}
                        """);
    }

    @Test
    void an_unknown_kind_answers_404() {
        assertThat(post("cheques", "a\n")).hasStatus(404);
    }
}

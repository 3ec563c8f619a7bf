package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** API.md Conventions: every refusal is problem+json that names what was wrong. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProblemHandlingIntegrationTests {

    @LocalServerPort
    int port;

    private ResponseEntity<String> post(String path, String json) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1")
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin-test-password"))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build()
                .post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .body(json)
                .retrieve()
                .toEntity(String.class);
    }

    @Test
    void an_unreadable_date_is_a_400_naming_the_field() {
        ResponseEntity<String> response = post("/invoices", """
                {"invoiceNo":"PH-1","customerCode":"X","issueDate":"2026-13-45","dueDate":"2026-02-01","amount":1}
                """);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"field\":\"issueDate\"");
    }

    @Test
    void a_wrong_type_inside_a_list_names_its_path() {
        ResponseEntity<String> response = post("/payments", """
                {"paymentNo":"PH-2","customerCode":"X","receivedOn":"2026-01-01","amount":1,
                 "method":"CASH","allocations":[{"invoiceNo":"I","amount":"lots"}]}
                """);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"field\":\"allocations[0].amount\"");
    }

    @Test
    void a_body_that_is_not_json_is_a_400_problem() {
        ResponseEntity<String> response = post("/invoices", "this is not json");
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("\"title\":\"Malformed request\"");
    }
}

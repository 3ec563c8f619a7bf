package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiDocumentationIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void the_openapi_document_describes_the_contract_paths() {
        String document = RestClient.create("http://localhost:" + port)
                .get()
                .uri("/api/docs")
                .retrieve()
                .body(String.class);
        assertThat(document)
                .contains("\"title\":\"CreditDesk API\"")
                .contains(
                        "\"/api/v1/users\"",
                        "\"/api/v1/customers/{code}\"",
                        "\"/api/v1/customers\"",
                        "\"/api/v1/customers/{code}/open-items\"",
                        "\"/api/v1/invoices\"",
                        "\"/api/v1/credit-notes\"",
                        "\"/api/v1/payments\"",
                        "\"/api/v1/orders\"",
                        "\"/api/v1/settings/credit-policy\"");
    }
}

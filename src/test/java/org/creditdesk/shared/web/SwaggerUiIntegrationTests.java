package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SwaggerUiIntegrationTests {

    @LocalServerPort
    int port;

    private RestClient client() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    @Test
    void a_browser_opening_api_docs_gets_swagger_ui_without_signing_in() {
        ResponseEntity<Void> redirect = client().get()
                .uri("/api/docs")
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .retrieve()
                .toBodilessEntity();
        assertThat(redirect.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(redirect.getHeaders().getLocation()).hasPath("/api/docs/ui");
        ResponseEntity<Void> toUi =
                client().get().uri("/api/docs/ui").retrieve().toBodilessEntity();
        assertThat(toUi.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(toUi.getHeaders().getLocation().toString()).endsWith("/api/docs/swagger-ui/index.html");

        ResponseEntity<String> ui =
                client().get().uri("/api/docs/swagger-ui/index.html").retrieve().toEntity(String.class);
        assertThat(ui.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ui.getBody()).contains("swagger-ui");

        ResponseEntity<String> config =
                client().get().uri("/api/docs/swagger-config").retrieve().toEntity(String.class);
        assertThat(config.getBody()).contains("\"url\":\"/api/docs\"");
    }

    @Test
    void every_operation_has_a_readable_unique_id_and_documents_its_problems() {
        String document = client().get().uri("/api/docs").retrieve().body(String.class);
        JsonNode paths = JsonMapper.builder().build().readTree(document).get("paths");

        List<String> ids = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                String id = op.get("operationId").asString();
                ids.add(id);
                assertThat(id).as("%s %s", operation.getKey(), path.getKey()).doesNotMatch(".*_\\d+$");
                assertThat(op.get("responses").has("401")).as(id).isTrue();
                assertThat(op.get("responses").get("403").get("content").has("application/problem+json"))
                        .as(id)
                        .isTrue();
                if (path.getKey().contains("{"))
                    assertThat(op.get("responses").has("404")).as(id).isTrue();
                if (!operation.getKey().equals("get"))
                    assertThat(op.get("responses").has("422")).as(id).isTrue();
            }
        }
        assertThat(ids).doesNotHaveDuplicates().contains("customerSearch", "creditLimitApprove", "creditOrderPlace");
        assertThat(document).contains("\"Problem\"", "https://creditdesk.org/problems/");
    }

    @Test
    void only_a_request_that_asks_for_html_is_sent_to_the_ui() {
        assertThat(ApiDocsForBrowsers.asksForHtml("text/html,*/*;q=0.8")).isTrue();
        assertThat(ApiDocsForBrowsers.asksForHtml("application/json")).isFalse();
        assertThat(ApiDocsForBrowsers.asksForHtml("*/*")).isFalse();
        assertThat(ApiDocsForBrowsers.asksForHtml(null)).isFalse();
        assertThat(ApiDocsForBrowsers.asksForHtml("not a media type")).isFalse();
    }
}

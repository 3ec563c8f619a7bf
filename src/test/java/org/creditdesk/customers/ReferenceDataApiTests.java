package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Locale;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class ReferenceDataApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    MvcTestResult put(String uri, String body, RequestPostProcessor user) {
        return mvc.put()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(user)
                .with(csrf())
                .exchange();
    }

    @Test
    void an_admin_names_areas_and_product_lines_and_everyone_lists_them() {
        assertThat(put("/api/v1/areas/EAST-" + tag, "{\"name\": \"East China\"}", TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("East China");
        assertThat(put("/api/v1/product-lines/PL-" + tag, "{\"name\": \"Cables\"}", TestUsers.admin()))
                .hasStatus(HttpStatus.OK);

        RequestPostProcessor finance = TestUsers.user(jdbc, Role.FINANCE);
        assertThat(mvc.get().uri("/api/v1/areas").with(finance))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[?(@.code == 'EAST-" + tag + "')].name")
                .asArray()
                .containsExactly("East China");
        assertThat(mvc.get().uri("/api/v1/product-lines").with(finance))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$[?(@.code == 'PL-" + tag + "')].name")
                .asArray()
                .containsExactly("Cables");
    }

    @Test
    void only_an_admin_renames_areas_and_product_lines_and_a_name_is_required() {
        RequestPostProcessor manager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(put("/api/v1/areas/X-" + tag, "{\"name\": \"X\"}", manager)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("/api/v1/product-lines/X-" + tag, "{\"name\": \"X\"}", manager))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("/api/v1/areas/X-" + tag, "{\"name\": \" \"}", TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void sales_reps_are_maintained_by_managers_and_seen_by_area() {
        String north = "NORTH-" + tag;
        String south = "SOUTH-" + tag;
        assertThat(put(
                        "/api/v1/sales-reps/R1-" + tag,
                        "{\"name\": \"Zhao Lei\", \"area\": \"" + north + "\"}",
                        TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.area")
                .isEqualTo(north);
        put("/api/v1/sales-reps/R2-" + tag, "{\"name\": \"Sun Li\", \"area\": \"" + south + "\"}", TestUsers.admin());

        RequestPostProcessor northManager = TestUsers.user(jdbc, Role.SALES_MANAGER, north);
        assertThat(mvc.get().uri("/api/v1/sales-reps").with(northManager))
                .bodyJson()
                .extractingPath("$[*].code")
                .asArray()
                .contains("R1-" + tag)
                .doesNotContain("R2-" + tag);
        assertThat(put(
                        "/api/v1/sales-reps/R2-" + tag,
                        "{\"name\": \"Sun Li\", \"area\": \"" + north + "\"}",
                        northManager))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(put(
                        "/api/v1/sales-reps/R3-" + tag,
                        "{\"name\": \"Qian Bo\", \"area\": \"" + south + "\"}",
                        northManager))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put(
                        "/api/v1/sales-reps/R1-" + tag,
                        "{\"name\": \"Zhao Lei Jr\", \"area\": \"" + north + "\"}",
                        northManager))
                .hasStatus(HttpStatus.OK);
        assertThat(put(
                        "/api/v1/sales-reps/R4-" + tag,
                        "{\"name\": \"Zhou Mei\", \"area\": \"" + north + "\"}",
                        TestUsers.user(jdbc, Role.SALES_REP, north)))
                .hasStatus(HttpStatus.FORBIDDEN);
    }
}

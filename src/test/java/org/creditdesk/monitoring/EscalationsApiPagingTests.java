package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * {@code GET /api/v1/escalations} page by page: without {@code page}/{@code size} it stays the whole array
 * (API.md); with them it answers the same rows in the same order a page at a time, the count of all in
 * {@code X-Total-Count}. The caller is scoped to this test's own area, so other tests' customers do not count.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EscalationsApiPagingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    MonitoringFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new MonitoringFixtures(jdbc, ledger);
    }

    private static final LocalDate AS_OF = LocalDate.of(2031, 5, 15);

    /** Five customers of one area, 20 to 120 days overdue (several levels), and a user who sees only that area. */
    private RequestPostProcessor areaWithFiveEscalations() {
        String area = fixtures.area();
        for (int days : new int[] {20, 35, 35, 70, 120}) {
            String customer = fixtures.customer(area);
            fixtures.invoice(customer, AS_OF.minusDays(days + 30), AS_OF.minusDays(days), "100.00");
        }
        return TestUsers.user(jdbc, Role.SALES_MANAGER, area);
    }

    private MvcTestResult get(String query, RequestPostProcessor user) {
        return mvc.get()
                .uri("/api/v1/escalations?asOf=" + AS_OF + query)
                .with(user)
                .exchange();
    }

    private static List<String> codes(MvcTestResult result) {
        List<String> codes = new ArrayList<>();
        assertThat(result)
                .bodyJson()
                .extractingPath("$[*].customerCode")
                .asArray()
                .allSatisfy(code -> codes.add(String.valueOf(code)));
        return codes;
    }

    @Test
    void pages_concatenate_to_the_unpaged_array_and_carry_the_total_of_all() {
        RequestPostProcessor user = areaWithFiveEscalations();

        MvcTestResult all = get("", user);
        assertThat(all).hasStatusOk();
        assertThat(all.getResponse().getHeader(MonitoringController.TOTAL_COUNT))
                .isNull();
        List<String> everyCode = codes(all);
        assertThat(everyCode).hasSize(5).doesNotHaveDuplicates();

        List<String> paged = new ArrayList<>();
        for (int page = 0; page <= 3; page++) {
            MvcTestResult result = get("&page=" + page + "&size=2", user);
            assertThat(result).hasStatusOk();
            assertThat(result.getResponse().getHeader(MonitoringController.TOTAL_COUNT))
                    .isEqualTo("5");
            List<String> codes = codes(result);
            assertThat(codes).hasSize(page < 2 ? 2 : page == 2 ? 1 : 0);
            paged.addAll(codes);
        }
        assertThat(paged).isEqualTo(everyCode);
    }

    @Test
    void size_alone_gives_the_first_page_and_page_alone_pages_by_fifty() {
        RequestPostProcessor user = areaWithFiveEscalations();
        List<String> everyCode = codes(get("", user));

        assertThat(codes(get("&size=3", user))).isEqualTo(everyCode.subList(0, 3));
        MvcTestResult firstPage = get("&page=0", user);
        assertThat(codes(firstPage)).isEqualTo(everyCode);
        assertThat(firstPage.getResponse().getHeader(MonitoringController.TOTAL_COUNT))
                .isEqualTo("5");
    }

    @Test
    void a_level_pages_only_its_customers_and_the_total_counts_only_them() {
        RequestPostProcessor user = areaWithFiveEscalations();
        MvcTestResult levelThree = get("&level=3", user);
        List<String> levelCodes = codes(levelThree);
        assertThat(levelCodes).hasSize(2);

        MvcTestResult first = get("&level=3&page=0&size=1", user);
        MvcTestResult second = get("&level=3&page=1&size=1", user);
        assertThat(first.getResponse().getHeader(MonitoringController.TOTAL_COUNT))
                .isEqualTo("2");
        assertThat(second.getResponse().getHeader(MonitoringController.TOTAL_COUNT))
                .isEqualTo("2");
        List<String> paged = new ArrayList<>(codes(first));
        paged.addAll(codes(second));
        assertThat(paged).isEqualTo(levelCodes);
    }

    @Test
    void a_negative_page_or_a_size_out_of_range_is_a_bad_request_naming_the_field() {
        RequestPostProcessor user = areaWithFiveEscalations();

        assertThat(get("&page=-1", user))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("page");
        assertThat(get("&size=0", user))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(get("&size=" + (Escalations.MAX_PAGE_SIZE + 1), user))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
    }
}

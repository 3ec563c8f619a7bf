package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.creditdesk.customers.BusinessGroup;
import org.creditdesk.customers.CustomerData;
import org.creditdesk.customers.CustomerPerson;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.PersonRole;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Customers customers;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    private void create(String code, String name, String area) {
        customers.upsert(
                code,
                new CustomerData(
                        name,
                        "REG-" + code,
                        null,
                        area,
                        BusinessGroup.VALUE_ADDED,
                        "Rep " + tag,
                        45,
                        Currency.getInstance("CNY"),
                        "1 Harbour Road",
                        List.of("+86 20 1234 5678"),
                        "ap@" + code.toLowerCase(Locale.ROOT) + ".example",
                        List.of("6222 1234"),
                        List.of(new CustomerPerson("Liu Yang", "440101198001010022", PersonRole.DIRECTOR))),
                Caller.SYSTEM);
    }

    private String page(String uri, RequestPostProcessor user, Object... vars) throws Exception {
        var result = mvc.get().uri(uri, vars).with(user).exchange();
        assertThat(result).hasStatus(HttpStatus.OK);
        return result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void the_customer_list_is_a_full_page_with_a_search_box_and_rows_linking_to_each_customer() throws Exception {
        create("PG1-" + tag, "Pearl River Foods " + tag, "SOUTH-" + tag);

        String html = page("/customers?query={q}", TestUsers.admin(), tag);

        assertThat(html)
                .contains("<html", "id=\"customer-search\"", "hx-get=\"/customers\"", "id=\"customer-results\"");
        assertThat(html).contains("class=\"customer-row\"", "1 customer<");
        assertThat(html).contains("<a href=\"/customers/PG1-" + tag + "\">Pearl River Foods " + tag + "</a>");
    }

    @Test
    void an_htmx_search_answers_only_the_results_fragment() throws Exception {
        create("PG2-" + tag, "Jade Ceramics " + tag, "SOUTH-" + tag);
        create("PG3-" + tag, "Lotus Paper " + tag, "SOUTH-" + tag);

        var result = mvc.get()
                .uri("/customers?query={q}", "jade ceramics " + tag.toLowerCase(Locale.ROOT))
                .header("HX-Request", "true")
                .with(TestUsers.admin())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK);
        String html = result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("<html", "customer-search").startsWith("<div id=\"customer-results\"");
        assertThat(html).contains("Jade Ceramics " + tag).doesNotContain("Lotus Paper");
        assertThat(result).hasHeader("Vary", "HX-Request");
    }

    @Test
    void an_htmx_history_restore_gets_the_whole_page() throws Exception {
        var result = mvc.get()
                .uri("/customers?query={q}", tag)
                .header("HX-Request", "true")
                .header("HX-History-Restore-Request", "true")
                .with(TestUsers.admin())
                .exchange();

        assertThat(result).hasStatus(HttpStatus.OK).bodyText().contains("<html", "id=\"customer-search\"");
    }

    @Test
    void the_list_pages_with_links_that_keep_the_search() throws Exception {
        for (int i = 1; i <= 3; i++) create("PP" + i + "-" + tag, "Paging Mills " + tag + " " + i, "P-" + tag);

        String first = page("/customers?query={q}&size=2", TestUsers.admin(), "paging mills " + tag);
        String second = page("/customers?query={q}&size=2&page=1", TestUsers.admin(), "paging mills " + tag);

        assertThat(first).contains("Paging Mills " + tag + " 1", "Paging Mills " + tag + " 2");
        assertThat(first).doesNotContain("Paging Mills " + tag + " 3");
        assertThat(first).contains("rel=\"next\"").doesNotContain("rel=\"prev\"");
        assertThat(first).contains("page=1&amp;size=2");
        assertThat(second).contains("Paging Mills " + tag + " 3").contains("rel=\"prev\"");
    }

    @Test
    void the_customer_page_shows_master_data_people_status_and_loads_the_ledger_sections() throws Exception {
        create("PG4-" + tag, "Golden Bridge " + tag, "EAST-" + tag);

        String html = page("/customers/{code}", TestUsers.admin(), "PG4-" + tag);

        assertThat(html).contains("Golden Bridge " + tag, "REG-PG4-" + tag, "Value-added", "45 days", "Liu Yang");
        assertThat(html).contains("Director", "+86 20 1234 5678", "6222 1234", "Open receivables", "0.00 CNY");
        assertThat(html)
                .contains("id=\"open-items\" hx-get=\"/customers/PG4-" + tag + "/fragments/open-items\"")
                .contains("id=\"payments\" hx-get=\"/customers/PG4-" + tag + "/fragments/payments\"")
                .contains("id=\"orders\" hx-get=\"/customers/PG4-" + tag + "/fragments/orders\"")
                .contains("hx-trigger=\"load\"");
    }

    @Test
    void the_customer_page_passes_its_business_date_to_the_ledger_sections() throws Exception {
        create("PG5-" + tag, "Dated Page " + tag, "EAST-" + tag);

        String html = page("/customers/{code}?asOf=2026-01-31", TestUsers.admin(), "PG5-" + tag);

        assertThat(html)
                .contains("Status as of 2026-01-31")
                .contains("hx-get=\"/customers/PG5-" + tag + "/fragments/open-items?asOf=2026-01-31\"");
    }

    @Test
    void an_area_scoped_user_gets_404_for_a_customer_page_outside_his_area_and_lists_only_his_area() throws Exception {
        create("PN-" + tag, "Northern Star " + tag, "NORTH-" + tag);
        create("PS-" + tag, "Southern Cross " + tag, "SOUTH-" + tag);
        RequestPostProcessor rep = TestUsers.user(jdbc, Role.SALES_REP, "NORTH-" + tag);

        assertThat(mvc.get().uri("/customers/{code}", "PS-" + tag).with(rep)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(page("/customers/{code}", rep, "PN-" + tag)).contains("Northern Star " + tag);

        String list = page("/customers?query={q}", rep, tag);
        assertThat(list).contains("Northern Star " + tag).doesNotContain("Southern Cross " + tag);
        assertThat(list).doesNotContain("value=\"SOUTH-" + tag + "\"");
        String fragment = mvc.get()
                .uri("/customers?query={q}", tag)
                .header("HX-Request", "true")
                .with(rep)
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(fragment).contains("Northern Star " + tag).doesNotContain("Southern Cross " + tag);
    }

    @Test
    void an_unknown_customer_page_answers_404() throws Exception {
        assertThat(mvc.get().uri("/customers/{code}", "NONE-" + tag).with(TestUsers.admin()))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("Unknown customer NONE-" + tag);
    }
}

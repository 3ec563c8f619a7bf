package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.creditdesk.TestUsers;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
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

/** Linked parties over HTTP: keys kept on create, change and import; blocks, alerts, clearing, areas. */
@SpringBootTest
@AutoConfigureMockMvc
class LinkIntegrationTests {

    static final String AREA = "RL";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Customers customers;

    @Autowired
    CreditAccounts accounts;

    MvcTestResult post(RequestPostProcessor who, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    MvcTestResult check(String code) {
        return post(TestUsers.admin(), "/api/v1/credit-checks", """
                {"customerCode": "%s", "amount": 10.00}
                """.formatted(code));
    }

    List<String> alertsOf(String code, String type) {
        return jdbc.sql("""
                        SELECT coalesce(r.code, '') FROM risk_alert a
                        JOIN customer c ON c.id = a.customer_id
                        LEFT JOIN customer r ON r.id = a.related_customer_id
                        WHERE c.code = :code AND a.type = :type
                        """)
                .param("code", code)
                .param("type", type)
                .query(String.class)
                .list();
    }

    CustomerRef stopped(String address, List<String> phones, List<String> accounts, String director, String idNo) {
        String code = RiskFixtures.unique("STOP");
        customers.upsert(
                code,
                RiskFixtures.customer(AREA, address, phones, accounts, List.of(RiskFixtures.director(director, idNo))),
                RiskFixtures.ADMIN);
        CustomerRef customer = customers.require(code, Caller.SYSTEM);
        this.accounts.stop(customer, "test stop", Caller.SYSTEM);
        return customer;
    }

    static String mobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    @Test
    void
            a_new_company_sharing_a_directors_id_number_with_a_stopped_one_is_blocked_until_a_credit_manager_clears_the_link() {
        String idNo = RiskFixtures.idNumber();
        CustomerRef stopped = stopped(null, List.of(), List.of(), "张伟", idNo);

        String code = RiskFixtures.unique("NEW");
        String spacedId = idNo.substring(0, 6) + " " + idNo.substring(6).toLowerCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/" + code)
                        .with(TestUsers.admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "New Name Trading", "area": "%s", "businessGroup": "VOLUME", "paymentTermDays": 30,
                                 "people": [{"name": "张 伟", "idNo": "%s", "role": "LEGAL_REPRESENTATIVE"}]}
                                """.formatted(AREA, spacedId)))
                .hasStatus(HttpStatus.CREATED);

        MvcTestResult blocked = check(code);
        assertThat(blocked).bodyJson().extractingPath("$.decision").isEqualTo("BLOCKED");
        assertThat(blocked)
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .contains("LINKED_TO_STOPPED_CUSTOMER");
        assertThat(alertsOf(code, "LINK_TO_STOPPED")).containsExactly(stopped.code());
        assertThat(mvc.get().uri("/api/v1/risk/alerts?after=0&limit=1000").with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$[?(@.customerCode == '%s')].relatedCustomerCode".formatted(code))
                .asArray()
                .containsExactly(stopped.code());

        MvcTestResult links = mvc.get()
                .uri("/api/v1/customers/" + code + "/links")
                .with(TestUsers.admin())
                .exchange();
        assertThat(links).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(1);
        assertThat(links).bodyJson().extractingPath("$[0].customerCode").isEqualTo(stopped.code());
        assertThat(links).bodyJson().extractingPath("$[0].attribute").isEqualTo("PERSON");
        assertThat(links).bodyJson().extractingPath("$[0].value").isEqualTo(idNo.toUpperCase());
        assertThat(links).bodyJson().extractingPath("$[0].linkedCreditState").isEqualTo("STOPPED");

        String clear = "/api/v1/customers/" + code + "/links/clear";
        String body = """
                {"linkedCustomerCode": "%s", "reason": "director resigned from %s in 2019"}
                """.formatted(stopped.code(), stopped.code());
        assertThat(post(TestUsers.user(jdbc, Role.SALES_MANAGER), clear, body)).hasStatus(HttpStatus.FORBIDDEN);
        RequestPostProcessor creditManager = TestUsers.user(jdbc, Role.CREDIT_MANAGER);
        assertThat(post(creditManager, clear, "{\"linkedCustomerCode\": \"%s\"}".formatted(stopped.code())))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(post(creditManager, clear, body))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.stillBlocked")
                .isEqualTo(false);
        assertThat(check(code))
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .doesNotContain("LINKED_TO_STOPPED_CUSTOMER");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE subject_id = :code AND action = 'LINK_CLEARED'")
                        .param("code", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/customers/" + code + "/links").with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$[0].cleared")
                .isEqualTo(true);
    }

    @Test
    void when_a_customer_is_stopped_every_customer_sharing_a_phone_with_it_is_blocked_too() {
        String phone = mobile();
        String linkedCode = RiskFixtures.unique("LNK");
        customers.upsert(
                linkedCode,
                RiskFixtures.customer(AREA, null, List.of(phone), List.of(), List.of()),
                RiskFixtures.ADMIN);
        assertThat(check(linkedCode))
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .doesNotContain("LINKED_TO_STOPPED_CUSTOMER");

        String written = "+86 " + phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7);
        CustomerRef stopped = stopped(null, List.of(written), List.of(), "Li Na", null);

        assertThat(check(linkedCode))
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .contains("LINKED_TO_STOPPED_CUSTOMER");
        assertThat(alertsOf(linkedCode, "LINK_TO_STOPPED")).containsExactly(stopped.code());
        assertThat(mvc.get().uri("/api/v1/customers/" + linkedCode + "/links").with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$[0].value")
                .isEqualTo("+86" + phone);
    }

    @Test
    void importing_a_customer_that_shares_a_bank_account_with_a_stopped_one_blocks_it_and_raises_an_alert() {
        String account =
                "6222" + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
        CustomerRef stopped = stopped(null, List.of(), List.of(account), "Wang Fang", null);
        String imported = RiskFixtures.unique("IMP");
        String grouped = account.substring(0, 4) + " " + account.substring(4, 8) + " " + account.substring(8);
        String csv = """
                code,name,area,businessGroup,paymentTermDays,bankAccounts,address
                %s,Imported Trading,%s,VOLUME,30,%s,"上海市 浦东新区 世纪大道１００号"
                """.formatted(imported, AREA, grouped);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/customers")
                        .with(TestUsers.admin())
                        .with(csrf())
                        .contentType("text/csv")
                        .content(csv)
                        .exchange())
                .hasStatusOk();

        assertThat(alertsOf(imported, "LINK_TO_STOPPED")).containsExactly(stopped.code());
        assertThat(check(imported))
                .bodyJson()
                .extractingPath("$.reasons[*].code")
                .asArray()
                .contains("LINKED_TO_STOPPED_CUSTOMER");
        assertThat(jdbc.sql("""
                        SELECT attribute || '=' || value FROM party_key k JOIN customer c ON c.id = k.customer_id
                        WHERE c.code = :code ORDER BY attribute
                        """).param("code", imported).query(String.class).list())
                .containsExactly("ADDRESS=上海市浦东新区世纪大道100号", "BANK_ACCOUNT=" + account);
    }

    @Test
    void links_outside_the_callers_areas_are_not_found_or_show_only_that_a_link_exists_and_the_page_shows_the_graph()
            throws Exception {
        String phone = mobile();
        String a = RiskFixtures.unique("AREA");
        String b = RiskFixtures.unique("AREA");
        customers.upsert(
                a, RiskFixtures.customer(AREA, null, List.of(phone), List.of(), List.of()), RiskFixtures.ADMIN);
        customers.upsert(
                b, RiskFixtures.customer("RL2", null, List.of(phone), List.of(), List.of()), RiskFixtures.ADMIN);

        RequestPostProcessor rep = TestUsers.user(jdbc, Role.SALES_REP, "RL2");
        assertThat(mvc.get().uri("/api/v1/customers/" + a + "/links").with(rep)).hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult repLinks =
                mvc.get().uri("/api/v1/customers/" + b + "/links").with(rep).exchange();
        assertThat(repLinks).hasStatusOk();
        assertThat(repLinks.getResponse().getContentAsString())
                .as("a link outside the rep's areas names neither the customer nor the shared value")
                .doesNotContain(a)
                .doesNotContain(phone.substring(3))
                .contains("\"outsideYourAreas\":true", "\"blocking\":false", "\"attribute\":\"PHONE\"");
        MvcTestResult repFragment = mvc.get()
                .uri("/customers/" + b + "/fragments/links")
                .with(rep)
                .header("HX-Request", "true")
                .exchange();
        assertThat(repFragment.getResponse().getContentAsString())
                .doesNotContain(a)
                .doesNotContain(phone.substring(3))
                .contains("a customer outside your areas");

        MvcTestResult fragment = mvc.get()
                .uri("/customers/" + b + "/fragments/links")
                .with(TestUsers.admin())
                .header("HX-Request", "true")
                .exchange();
        assertThat(fragment).hasStatusOk();
        assertThat(fragment.getResponse().getContentAsString())
                .contains("<svg", "data-customer=\"" + a + "\"", "PHONE");
        assertThat(mvc.get().uri("/customers/" + a + "/fragments/links").with(rep))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}

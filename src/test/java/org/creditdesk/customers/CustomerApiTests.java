package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

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
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CustomerApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    static String customer(String name, String area) {
        return """
                {"name": "%s", "registrationNo": "91310000-%s", "establishedOn": "2009-04-01", "area": "%s",
                 "businessGroup": "VOLUME", "salesRep": "Li Wei %s", "paymentTermDays": 30,
                 "address": "88 Nanjing Road, Shanghai", "phones": ["+86 21 5555 0101", "+86 21 5555 0102"],
                 "email": "ap@example.com", "bankAccounts": ["6222 0000 1111"],
                 "people": [{"name": "Zhang San", "idNo": "310101197001010011", "role": "LEGAL_REPRESENTATIVE"},
                            {"name": "Wang Fang", "role": "GENERAL_MANAGER"}]}
                """.formatted(name, area, area, area);
    }

    MvcTestResult put(String code, String body, RequestPostProcessor user) {
        return mvc.put()
                .uri("/api/v1/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(user)
                .with(csrf())
                .exchange();
    }

    MvcTestResult get(String uri, RequestPostProcessor user, Object... vars) {
        return mvc.get().uri(uri, vars).with(user).exchange();
    }

    @Test
    void creating_a_customer_answers_201_and_sending_it_again_answers_200_without_a_new_version() {
        String code = "C-" + tag;
        String body = customer("Huadong Trading " + tag, "EAST-" + tag);

        assertThat(put(code, body, TestUsers.admin()))
                .hasStatus(HttpStatus.CREATED)
                .hasHeader("Location", "/api/v1/customers/" + code)
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(0);
        assertThat(put(code, body, TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(0);
        assertThat(events.stream(CustomerRegistered.class))
                .singleElement()
                .satisfies(e -> assertThat(e.code()).isEqualTo(code));
        assertThat(events.stream(CustomerChanged.class)).isEmpty();
    }

    @Test
    void changing_a_customer_answers_200_bumps_the_version_and_replaces_its_children_as_a_whole() {
        String code = "C-" + tag;
        String area = "EAST-" + tag;
        assertThat(put(code, customer("Huadong Trading " + tag, area), TestUsers.admin()))
                .hasStatus(HttpStatus.CREATED);

        String changed = """
                {"name": "Huadong Trading Group %s", "area": "%s", "businessGroup": "VALUE_ADDED",
                 "paymentTermDays": 60, "currency": "USD", "phones": ["+86 21 5555 0199"],
                 "people": [{"name": "Chen Jie", "role": "DIRECTOR"}]}
                """.formatted(tag, area);
        var updated = assertThat(put(code, changed, TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson();
        updated.extractingPath("$.version").isEqualTo(1);
        updated.extractingPath("$.name").isEqualTo("Huadong Trading Group " + tag);
        updated.extractingPath("$.currency").isEqualTo("USD");
        updated.extractingPath("$.phones").asArray().containsExactly("+86 21 5555 0199");
        updated.extractingPath("$.bankAccounts").asArray().isEmpty();
        updated.extractingPath("$.people[*].name").asArray().containsExactly("Chen Jie");
        updated.extractingPath("$.registrationNo").isNull();
        assertThat(events.stream(CustomerChanged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.version()).isEqualTo(1));

        assertThat(put(code, changed, TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.version")
                .isEqualTo(1);
    }

    @Test
    void a_customer_reads_back_with_its_master_data_and_a_status_without_invented_figures() {
        String code = "C-" + tag;
        put(code, customer("Huadong Trading " + tag, "EAST-" + tag), TestUsers.admin());

        var json = assertThat(get("/api/v1/customers/{code}?asOf=2026-03-31", TestUsers.admin(), code))
                .hasStatus(HttpStatus.OK)
                .bodyJson();
        json.extractingPath("$.code").isEqualTo(code);
        json.extractingPath("$.establishedOn").isEqualTo("2009-04-01");
        json.extractingPath("$.businessGroup").isEqualTo("VOLUME");
        json.extractingPath("$.currency").isEqualTo("CNY");
        json.extractingPath("$.phones").asArray().containsExactly("+86 21 5555 0101", "+86 21 5555 0102");
        json.extractingPath("$.people[0].role").isEqualTo("LEGAL_REPRESENTATIVE");
        json.extractingPath("$.people[0].idNo").isEqualTo("310101197001010011");
        json.extractingPath("$.asOf").isEqualTo("2026-03-31");
        json.extractingPath("$.status.creditState").isEqualTo("ACTIVE");
        json.extractingPath("$.status.holdReasons").asArray().isEmpty();
        json.extractingPath("$.status.escalationLevel").isEqualTo(0);
        json.extractingPath("$.status.openReceivables").isEqualTo(0);
        // From the credit module's running totals now (0.00, read back by JsonPath as a double).
        json.extractingPath("$.status.exposure").isEqualTo(0.0);
        json.extractingPath("$.status.creditLimit").isNull();
        json.extractingPath("$.status.available").isNull();
        json.extractingPath("$.status.riskClass").isNull();
        json.extractingPath("$.status.score").isNull();
    }

    @Test
    void area_and_sales_rep_are_created_on_first_use_with_the_rep_in_the_customers_area() {
        String area = "NEW-" + tag;
        put("C-" + tag, customer("First " + tag, area), TestUsers.admin());

        assertThat(jdbc.sql("SELECT count(*) FROM area WHERE code = :code")
                        .param("code", area)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT name || '/' || area_code FROM sales_rep WHERE code = :code")
                        .param("code", "Li Wei " + area)
                        .query(String.class)
                        .single())
                .isEqualTo("Li Wei " + area + "/" + area);
    }

    @Test
    void invalid_fields_are_refused_with_400_naming_each_field_and_nothing_is_written() {
        String code = "C-" + tag;
        String body = """
                {"area": "EAST", "businessGroup": "BIG", "establishedOn": "2021-02-30", "paymentTermDays": 3651,
                 "currency": "YUAN", "email": "nobody", "phones": [" "],
                 "people": [{"name": "Zhang San", "role": "BOSS"}, {"role": "DIRECTOR"}]}
                """;

        var problem = assertThat(put(code, body, TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson();
        problem.extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder(
                        "name",
                        "businessGroup",
                        "establishedOn",
                        "paymentTermDays",
                        "currency",
                        "email",
                        "phones[0]",
                        "people[0].role",
                        "people[1].name");
        assertThat(get("/api/v1/customers/{code}", TestUsers.admin(), code)).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void missing_required_fields_are_named() {
        assertThat(put("C-" + tag, "{}", TestUsers.admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("name", "area", "businessGroup", "paymentTermDays");
    }

    @Test
    void an_unknown_customer_answers_404_problem_json() {
        assertThat(get("/api/v1/customers/{code}", TestUsers.admin(), "NOPE-" + tag))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson()
                .extractingPath("$.detail")
                .isEqualTo("Unknown customer NOPE-" + tag);
    }

    @Test
    void an_invalid_as_of_date_is_refused_naming_the_parameter() {
        String code = "C-" + tag;
        put(code, customer("Dated " + tag, "EAST-" + tag), TestUsers.admin());
        assertThat(get("/api/v1/customers/{code}?asOf=31.03.2026", TestUsers.admin(), code))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("asOf");
    }

    @Test
    void a_sales_rep_sees_and_writes_only_customers_of_his_areas() {
        String north = "NORTH-" + tag;
        String south = "SOUTH-" + tag;
        put("N1-" + tag, customer("North One " + tag, north), TestUsers.admin());
        put("S1-" + tag, customer("South One " + tag, south), TestUsers.admin());
        RequestPostProcessor rep = TestUsers.user(jdbc, Role.SALES_REP, north);

        assertThat(get("/api/v1/customers/{code}", rep, "N1-" + tag)).hasStatus(HttpStatus.OK);
        assertThat(get("/api/v1/customers/{code}", rep, "S1-" + tag))
                .hasStatus(HttpStatus.NOT_FOUND)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);

        var list = assertThat(get("/api/v1/customers?query={q}", rep, tag))
                .hasStatus(HttpStatus.OK)
                .bodyJson();
        list.extractingPath("$.total").isEqualTo(1);
        list.extractingPath("$.items[*].code").asArray().containsExactly("N1-" + tag);
        assertThat(get("/api/v1/customers?query={q}&area={a}", rep, tag, south))
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);

        assertThat(put("S1-" + tag, customer("South One renamed " + tag, south), rep))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(put("S1-" + tag, customer("South One moved " + tag, north), rep))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(put("S2-" + tag, customer("South Two " + tag, south), rep)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("N1-" + tag, customer("North One moved " + tag, south), rep))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(put("N2-" + tag, customer("North Two " + tag, north), rep)).hasStatus(HttpStatus.CREATED);
        assertThat(get("/api/v1/customers/{code}", TestUsers.admin(), "S1-" + tag))
                .bodyJson()
                .extractingPath("$.name")
                .isEqualTo("South One " + tag);
    }

    @Test
    void an_auditor_may_read_but_not_write_customers() {
        String code = "C-" + tag;
        put(code, customer("Audited " + tag, "EAST-" + tag), TestUsers.admin());
        RequestPostProcessor auditor = TestUsers.user(jdbc, Role.AUDITOR);

        assertThat(get("/api/v1/customers/{code}", auditor, code)).hasStatus(HttpStatus.OK);
        assertThat(put(code, customer("Changed " + tag, "EAST-" + tag), auditor))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void the_openapi_document_describes_the_customer_endpoints() {
        assertThat(get("/api/docs", TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyText()
                .contains(
                        "/api/v1/customers/{code}", "/api/v1/customers", "/api/v1/areas/{code}", "/api/v1/sales-reps");
    }
}

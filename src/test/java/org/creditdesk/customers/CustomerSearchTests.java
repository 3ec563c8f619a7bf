package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerSearchTests {

    @Autowired
    Customers customers;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

    private void create(String code, String name, String area) {
        customers.upsert(
                code,
                new CustomerData(
                        name,
                        null,
                        null,
                        area,
                        BusinessGroup.VOLUME,
                        null,
                        30,
                        java.util.Currency.getInstance("CNY"),
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of()),
                Caller.SYSTEM);
    }

    private Page<CustomerSummary> search(String query, int page, int size) {
        return customers.search(new CustomerQuery(query, null, null, null, page, size), Caller.SYSTEM);
    }

    @Test
    void the_query_matches_a_code_prefix_or_a_part_of_the_name_ignoring_case() {
        String area = "Q-" + tag;
        create("QA-" + tag + "-1", "Alpha Steel " + tag, area);
        create("QB-" + tag + "-2", "Beta Cement " + tag, area);
        create("X" + tag, "Gamma Glass", area);

        assertThat(search("qa-" + tag.toLowerCase(Locale.ROOT), 0, 50).items())
                .extracting(CustomerSummary::code)
                .containsExactly("QA-" + tag + "-1");
        assertThat(search("CEMENT " + tag.toLowerCase(Locale.ROOT), 0, 50).items())
                .extracting(CustomerSummary::code)
                .containsExactly("QB-" + tag + "-2");
        assertThat(search("x" + tag.toLowerCase(Locale.ROOT), 0, 50).items())
                .extracting(CustomerSummary::name)
                .containsExactly("Gamma Glass");
        // The code is a prefix, not a part: the middle of a code matches nothing.
        assertThat(search(tag + "-1", 0, 50).total()).isZero();
    }

    @Test
    void like_wildcards_in_the_query_match_literally() {
        String area = "W-" + tag;
        create("W1-" + tag, "100% Cotton " + tag, area);
        create("W2-" + tag, "1000 Cotton " + tag, area);

        assertThat(search("100% Cotton " + tag, 0, 50).items())
                .extracting(CustomerSummary::code)
                .containsExactly("W1-" + tag);
        assertThat(search("%", 0, 50).items()).extracting(CustomerSummary::code).contains("W1-" + tag);
        assertThat(search("W_-" + tag, 0, 50).total()).isZero();
    }

    @Test
    void pages_split_the_matches_in_name_order_and_count_them_all() {
        String area = "P-" + tag;
        for (int i = 1; i <= 7; i++) create("P" + i + "-" + tag, "Paged %s %02d".formatted(tag, 8 - i), area);

        Page<CustomerSummary> first = search("Paged " + tag, 0, 3);
        Page<CustomerSummary> last = search("Paged " + tag, 2, 3);
        Page<CustomerSummary> beyond = search("Paged " + tag, 3, 3);

        assertThat(first.total()).isEqualTo(7);
        assertThat(first.items())
                .extracting(CustomerSummary::name)
                .containsExactly("Paged " + tag + " 01", "Paged " + tag + " 02", "Paged " + tag + " 03");
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(last.items()).extracting(CustomerSummary::code).containsExactly("P1-" + tag);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.totalPages()).isEqualTo(3);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(7);
    }

    @Test
    void walking_every_page_returns_each_match_once_in_name_order() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        String area = "R-" + tag;
        List<String> names = new ArrayList<>();
        int count = 5 + random.nextInt(25);
        for (int i = 0; i < count; i++) {
            String name = "Walk " + tag + " " + (char) ('a' + random.nextInt(26)) + random.nextInt(1000);
            names.add(name);
            create("R" + i + "-" + tag, name, area);
        }
        int size = 1 + random.nextInt(10);

        List<String> walked = new ArrayList<>();
        for (int page = 0; ; page++) {
            Page<CustomerSummary> result =
                    customers.search(new CustomerQuery("walk " + tag, area, null, null, page, size), Caller.SYSTEM);
            assertThat(result.total()).as("seed %d", seed).isEqualTo(count);
            result.items().forEach(c -> walked.add(c.name()));
            if (!result.hasNext()) break;
        }

        names.sort(Comparator.comparing((String n) -> n.toLowerCase(Locale.ROOT)));
        assertThat(walked).as("seed %d, page size %d", seed, size).containsExactlyElementsOf(names);
    }

    @Test
    void credit_state_and_risk_class_filters_follow_what_credit_control_records() {
        String area = "S-" + tag;
        create("S1-" + tag, "State " + tag + " active", area);
        create("S2-" + tag, "State " + tag + " held", area);
        create("S3-" + tag, "State " + tag + " overdue", area);
        create("S4-" + tag, "State " + tag + " stopped", area);
        jdbc.sql("""
                        INSERT INTO customer_hold (customer_id, reason, automatic, placed_by, placed_at)
                        SELECT id, 'MANUAL', false, 'test', now() FROM customer WHERE code = :code""").param("code", "S2-" + tag).update();
        jdbc.sql("""
                        WITH written AS (
                            INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                            SELECT :no, id, DATE '2020-01-01', DATE '2020-01-31', 10.00, 'CNY'
                            FROM customer WHERE code = :code
                            RETURNING *
                        )
                        INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                               open_amount)
                        SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, amount FROM written""").param("no", "S3-INV-" + tag).param("code", "S3-" + tag).update();
        jdbc.sql("""
                        INSERT INTO credit_account (customer_id, credit_state, stop_reason, risk_class)
                        SELECT id, 'STOPPED', 'BOUNCED_CHEQUE', 'D' FROM customer WHERE code = :code""").param("code", "S4-" + tag).update();

        assertThat(codes(new CustomerQuery(null, area, null, CreditState.ACTIVE, 0, 50)))
                .containsExactly("S1-" + tag);
        assertThat(codes(new CustomerQuery(null, area, null, CreditState.ON_HOLD, 0, 50)))
                .containsExactlyInAnyOrder("S2-" + tag, "S3-" + tag);
        assertThat(codes(new CustomerQuery(null, area, null, CreditState.STOPPED, 0, 50)))
                .containsExactly("S4-" + tag);
        assertThat(codes(new CustomerQuery(null, area, "D", null, 0, 50))).containsExactly("S4-" + tag);
        assertThat(customers
                        .search(new CustomerQuery(null, area, null, null, 0, 50), Caller.SYSTEM)
                        .items())
                .extracting(CustomerSummary::code, CustomerSummary::creditState)
                .contains(tuple("S2-" + tag, CreditState.ON_HOLD), tuple("S1-" + tag, CreditState.ACTIVE));
    }

    private List<String> codes(CustomerQuery query) {
        return customers.search(query, Caller.SYSTEM).items().stream()
                .map(CustomerSummary::code)
                .toList();
    }

    @Test
    void an_area_scoped_caller_counts_only_customers_of_his_areas() {
        create("A1-" + tag, "Scoped " + tag + " 1", "A-" + tag);
        create("B1-" + tag, "Scoped " + tag + " 2", "B-" + tag);
        create("C1-" + tag, "Scoped " + tag + " 3", "C-" + tag);
        Caller rep = new Caller("rep", Set.of(Role.SALES_REP), Set.of("A-" + tag, "C-" + tag));

        Page<CustomerSummary> page = customers.search(new CustomerQuery("scoped " + tag, null, null, null, 0, 1), rep);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items()).extracting(CustomerSummary::code).containsExactly("A1-" + tag);
    }

    @Test
    void paging_outside_its_bounds_is_refused_naming_the_parameter() {
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                ProblemException.class, () -> new CustomerQuery(null, null, null, null, -1, 501))
                        .violations())
                .extracting(v -> v.field())
                .containsExactly("page", "size");

        var admin = TestUsers.admin();
        assertThat(mvc.get().uri("/api/v1/customers?size=0").with(admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("size");
        assertThat(mvc.get().uri("/api/v1/customers?page=x").with(admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("page");
        assertThat(mvc.get().uri("/api/v1/customers?creditState=FROZEN").with(admin))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors[0].field")
                .isEqualTo("creditState");
    }

    @Test
    void the_list_answers_a_page_object_with_default_paging() {
        create("L1-" + tag, "Listed " + tag, "L-" + tag);

        var json = assertThat(mvc.get()
                        .uri("/api/v1/customers?query={q}", "listed " + tag)
                        .with(TestUsers.admin()))
                .hasStatus(HttpStatus.OK)
                .bodyJson();
        json.extractingPath("$.page").isEqualTo(0);
        json.extractingPath("$.size").isEqualTo(50);
        json.extractingPath("$.total").isEqualTo(1);
        json.extractingPath("$.items[0].code").isEqualTo("L1-" + tag);
        json.extractingPath("$.items[0].area").isEqualTo("L-" + tag);
        json.extractingPath("$.items[0].businessGroup").isEqualTo("VOLUME");
        json.extractingPath("$.items[0].currency").isEqualTo("CNY");
    }
}

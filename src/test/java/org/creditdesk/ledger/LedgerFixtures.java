package org.creditdesk.ledger;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers written straight into the shared test database (the customer API is another module's
 * work) and a small JSON client over MockMvc. Every fixture gets a unique suffix because all tests
 * share one database.
 */
public final class LedgerFixtures {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private final JdbcClient jdbc;

    public LedgerFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new customer in the area, paying in the currency; returns its code. */
    public String customer(String area, String currency) {
        String code = unique("C");
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code) ON CONFLICT (code) DO NOTHING")
                .param("code", area)
                .update();
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, :name, :area, 'VOLUME', 30, :currency)
                        """)
                .param("code", code)
                .param("name", "Customer " + code)
                .param("area", area)
                .param("currency", currency)
                .update();
        return code;
    }

    /**
     * Gives the customer an approved credit limit valid from 2000 to 2100, written straight into the
     * credit module's tables (as if a limit request had been approved), so that orders sent to
     * {@code POST /orders} pass the credit check while the ledger's own figures are tested.
     */
    public void creditLimit(String code, String amount) {
        long requestId = jdbc.sql("""
                        INSERT INTO credit_limit_request (customer_id, customer_code, area_code, amount, currency, valid_from,
                                                          valid_until, reason, status, requested_by, requested_at,
                                                          decided_by, decided_at)
                        SELECT id, code, area_code, :amount, currency, DATE '2000-01-01', DATE '2100-12-31',
                               'ledger tests', 'APPROVED', 'ledger-tests', now(), 'ledger-approver', now()
                        FROM customer WHERE code = :code
                        RETURNING id
                        """)
                .param("code", code)
                .param("amount", new java.math.BigDecimal(amount))
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO credit_limit (customer_id, amount, currency, valid_from, valid_until, request_id,
                                                  approved_by, approved_at)
                        SELECT customer_id, amount, currency, valid_from, valid_until, id, decided_by, decided_at
                        FROM credit_limit_request WHERE id = :id
                        """).param("id", requestId).update();
    }

    public org.creditdesk.customers.CustomerRef ref(String code) {
        return jdbc.sql(
                        "SELECT id, code, name, area_code, currency, payment_term_days FROM customer WHERE code = :code")
                .param("code", code)
                .query((rs, n) -> new org.creditdesk.customers.CustomerRef(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("area_code"),
                        rs.getString("currency").trim(),
                        rs.getInt("payment_term_days")))
                .single();
    }

    public long customerId(String code) {
        return jdbc.sql("SELECT id FROM customer WHERE code = :code")
                .param("code", code)
                .query(Long.class)
                .single();
    }

    /** An administrator as the identity branch bootstraps it; sees every area. */
    public static RequestPostProcessor admin() {
        return user("admin").roles("ADMIN");
    }

    /** A sales rep limited to the given areas, as the identity module's principal will carry it. */
    public static RequestPostProcessor salesRepOf(String... areas) {
        Caller caller = new Caller("rep", Set.of(Role.SALES_REP), Set.of(areas));
        Callers.CallerPrincipal principal = () -> caller;
        var token =
                new TestingAuthenticationToken(principal, null, List.of(new SimpleGrantedAuthority("ROLE_SALES_REP")));
        return authentication(token);
    }

    public record Answer(int status, JsonNode body) {

        public BigDecimal amount(String field) {
            return body.get(field).decimalValue();
        }

        public String text(String field) {
            return body.get(field).asString();
        }

        /** The fields named by the problem's errors. */
        public List<String> errorFields() {
            JsonNode errors = body.path("errors");
            return errors.valueStream().map(e -> e.path("field").asString()).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static Answer post(MockMvcTester mvc, RequestPostProcessor who, String uri, String json) {
        MvcTestResult result = mvc.post()
                .uri(uri)
                .with(who)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
        return answer(result);
    }

    public static Answer get(MockMvcTester mvc, RequestPostProcessor who, String uri) {
        return answer(mvc.get().uri(uri).with(who).exchange());
    }

    private static Answer answer(MvcTestResult result) {
        try {
            String body = result.getResponse().getContentAsString();
            return new Answer(
                    result.getResponse().getStatus(), body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body));
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

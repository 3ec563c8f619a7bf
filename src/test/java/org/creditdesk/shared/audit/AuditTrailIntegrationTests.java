package org.creditdesk.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
@AutoConfigureMockMvc
class AuditTrailIntegrationTests {

    @Autowired
    AuditTrail trail;

    @Autowired
    JdbcClient jdbc;

    record Limit(String amount, String currency) {}

    @Test
    void a_recorded_change_keeps_who_what_before_after_and_why() {
        String subject = "C-" + UUID.randomUUID();
        trail.record(
                "cm",
                "LIMIT_APPROVED",
                "CUSTOMER",
                subject,
                new Limit("10.00", "CNY"),
                new Limit("20.00", "CNY"),
                "growth");

        assertThat(trail.entries("CUSTOMER", subject, 10)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("cm");
            assertThat(e.action()).isEqualTo("LIMIT_APPROVED");
            assertThat(e.before().get("amount").asString()).isEqualTo("10.00");
            assertThat(e.after().get("amount").asString()).isEqualTo("20.00");
            assertThat(e.reason()).isEqualTo("growth");
            assertThat(e.at()).isNotNull();
        });
    }

    @Test
    void the_database_refuses_to_update_audit_rows() {
        String subject = "C-" + UUID.randomUUID();
        long id = trail.record("cm", "X", "CUSTOMER", subject, null, new Limit("1.00", "CNY"), "why");

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone else' WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(trail.entries("CUSTOMER", subject, 10))
                .singleElement()
                .extracting(AuditEntry::actor)
                .isEqualTo("cm");
    }

    @Test
    void the_database_refuses_to_delete_or_truncate_audit_rows() {
        String subject = "C-" + UUID.randomUUID();
        long id = trail.record("cm", "X", "CUSTOMER", subject, null, null, "why");

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id")
                        .param("id", id)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(trail.entries("CUSTOMER", subject, 10)).hasSize(1);
    }
}

package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ERP feed's ids are unique over numbered events only (R__erp_event_numbered_key): a waiting event (id NULL) is
 * outside the key, the feed's reads can use it, and two events can never carry the same id.
 */
@SpringBootTest
class ErpEventNumberedKeyTests {

    @Autowired
    ErpEvents events;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void the_key_is_a_unique_index_over_numbered_events_only() {
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'erp_event_id_key'")
                        .query(String.class)
                        .single())
                .contains("UNIQUE INDEX")
                .endsWith("WHERE (id IS NOT NULL)");
        assertThat(jdbc.sql("SELECT count(*) FROM pg_constraint WHERE conname = 'erp_event_id_key'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void two_events_can_never_carry_the_same_id() {
        String customer = "KEY-" + CreditFixtures.suffix();
        long before = ErpFeed.lastId(events);
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> events.publish(ErpEventType.ORDER_BLOCKED, customer, "SO-K", Map.of()));
        }
        List<ErpEvent> read = events.after(before, 1000).stream()
                .filter(e -> e.customerCode().equals(customer))
                .toList();
        assertThat(read).hasSize(2);
        long numbered = read.getLast().id();

        assertThatThrownBy(() -> tx.executeWithoutResult(
                        s -> jdbc.sql("UPDATE erp_event SET id = :id WHERE customer_code = :customer AND id <> :id")
                                .param("id", numbered)
                                .param("customer", customer)
                                .update()))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void the_feed_reads_can_use_the_key() {
        assertThat(plan("SELECT entry, id FROM erp_event WHERE id > 0 ORDER BY id LIMIT 100"))
                .contains("erp_event_id_key");
        assertThat(plan("SELECT max(id) FROM erp_event")).contains("erp_event_id_key");
    }

    /** The plan with sequential scans off: a small test table would be scanned; this asks whether the key serves. */
    private String plan(String query) {
        return tx.execute(s -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join(
                    "\n", jdbc.sql("EXPLAIN " + query).query(String.class).list());
        });
    }
}

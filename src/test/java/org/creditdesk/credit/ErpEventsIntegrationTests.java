package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@AutoConfigureMockMvc
class ErpEventsIntegrationTests {

    @Autowired
    ErpEvents events;

    @Autowired
    TransactionTemplate tx;

    @Test
    void the_feed_is_ordered_by_id_and_resumes_after_the_last_id_read() {
        long start = lastId();
        String customer = "EV-" + CreditFixtures.suffix();
        for (int i = 0; i < 5; i++) {
            int n = i;
            tx.executeWithoutResult(s -> events.publish(ErpEventType.LIMIT_CHANGED, customer, null, Map.of("n", n)));
        }

        List<ErpEvent> firstPage = events.after(start, 3);
        List<ErpEvent> secondPage = events.after(firstPage.getLast().id(), 100);

        assertThat(firstPage).extracting(e -> e.payload().get("n").asInt()).containsExactly(0, 1, 2);
        assertThat(secondPage)
                .filteredOn(e -> e.customerCode().equals(customer))
                .extracting(e -> e.payload().get("n").asInt())
                .containsExactly(3, 4);
        assertThat(secondPage).isSortedAccordingTo((a, b) -> Long.compare(a.id(), b.id()));
    }

    @Test
    void an_event_exists_only_if_its_transaction_committed() {
        long start = lastId();
        String customer = "EV-" + CreditFixtures.suffix();

        tx.executeWithoutResult(s -> {
            events.publish(ErpEventType.CUSTOMER_HOLD, customer, null, Map.of());
            s.setRollbackOnly();
        });
        tx.executeWithoutResult(s -> events.publish(ErpEventType.ORDER_BLOCKED, customer, "SO-1", Map.of()));

        assertThat(events.after(start, 1000))
                .filteredOn(e -> e.customerCode().equals(customer))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.type()).isEqualTo(ErpEventType.ORDER_BLOCKED);
                    assertThat(e.orderNo()).isEqualTo("SO-1");
                });
    }

    @Test
    void publishing_outside_a_business_transaction_is_refused() {
        assertThatThrownBy(() -> events.publish(ErpEventType.CUSTOMER_HOLD, "X", null, Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void concurrent_writers_never_let_a_reader_skip_an_event() throws Exception {
        long start = lastId();
        String customer = "EV-" + CreditFixtures.suffix();
        int writers = 8;
        int perWriter = 10;
        List<Long> seen = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        tx.executeWithoutResult(s -> events.publish(ErpEventType.ORDER_BLOCKED, customer, null, null));
                    }
                }));
            }
            // Read while writing: every page must continue exactly where the last ended.
            long cursor = start;
            while (seen.size() < writers * perWriter) {
                for (ErpEvent e : events.after(cursor, 7)) {
                    if (e.customerCode().equals(customer)) seen.add(e.id());
                    cursor = e.id();
                }
                if (done.stream().allMatch(Future::isDone)
                        && events.after(cursor, 1).isEmpty()) break;
            }
            for (Future<?> f : done) f.get();
        }
        assertThat(seen).hasSize(writers * perWriter).doesNotHaveDuplicates().isSorted();
    }

    private long lastId() {
        long last = 0;
        for (List<ErpEvent> page = events.after(0, 1000); !page.isEmpty(); page = events.after(last, 1000)) {
            last = page.getLast().id();
        }
        return last;
    }
}

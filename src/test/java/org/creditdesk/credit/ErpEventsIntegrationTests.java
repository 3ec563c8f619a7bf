package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void an_event_written_early_but_committed_late_comes_before_later_events_and_is_never_skipped() throws Exception {
        long start = lastId();
        String customer = "EV-" + CreditFixtures.suffix();
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<?> late = pool.submit(() -> tx.executeWithoutResult(s -> {
                events.publish(ErpEventType.ORDER_BLOCKED, customer, "SO-EARLY", null);
                written.countDown();
                await(commit);
            }));
            assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
            tx.executeWithoutResult(s -> events.publish(ErpEventType.ORDER_BLOCKED, customer, "SO-LATER", null));

            // The later event has committed, but the early one may still commit: neither is readable yet.
            assertThat(events.after(start, 1000))
                    .noneMatch(e -> e.customerCode().equals(customer));

            commit.countDown();
            late.get(30, TimeUnit.SECONDS);
        }
        List<ErpEvent> feed = events.after(start, 1000).stream()
                .filter(e -> e.customerCode().equals(customer))
                .toList();
        assertThat(feed).extracting(ErpEvent::orderNo).containsExactly("SO-EARLY", "SO-LATER");
        assertThat(feed.get(1).id()).isGreaterThan(feed.get(0).id());
    }

    @Test
    void a_reader_polling_during_concurrent_writers_some_committing_late_sees_every_event_once_in_a_stable_order()
            throws Exception {
        long seed = new Random().nextLong();
        System.out.println("ErpEventsIntegrationTests seed " + seed);
        long start = lastId();
        String customer = "EV-" + CreditFixtures.suffix();
        int writers = 8;
        int perWriter = 12;
        List<ErpEvent> seen = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Random random = new Random(seed + w);
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        int n = i;
                        // About a third of the transactions hold their event uncommitted for a while.
                        long commitAfterMs = random.nextInt(3) == 0 ? 5 + random.nextInt(60) : 0;
                        tx.executeWithoutResult(s -> {
                            events.publish(
                                    ErpEventType.ORDER_BLOCKED, customer, null, Map.of("writer", writer, "n", n));
                            sleep(commitAfterMs);
                        });
                    }
                }));
            }
            // Read while writing: every page must continue exactly where the last ended.
            long cursor = start;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                boolean writing = !done.stream().allMatch(Future::isDone);
                List<ErpEvent> page = events.after(cursor, 7);
                for (ErpEvent e : page) {
                    assertThat(e.id()).as("seed %d", seed).isGreaterThan(cursor);
                    if (e.customerCode().equals(customer)) seen.add(e);
                    cursor = e.id();
                }
                if (!writing && page.isEmpty() && seen.size() >= writers * perWriter) break;
            }
            for (Future<?> f : done) f.get();
        }
        List<String> writes = seen.stream()
                .map(e -> e.payload().get("writer").asInt() + "/"
                        + e.payload().get("n").asInt())
                .toList();
        assertThat(writes).as("seed %d", seed).hasSize(writers * perWriter).doesNotHaveDuplicates();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            assertThat(seen.stream()
                            .filter(e -> e.payload().get("writer").asInt() == writer)
                            .map(e -> e.payload().get("n").asInt()))
                    .as("one writer's events in its commit order, seed %d", seed)
                    .isSorted();
        }
        // Stable: reading the feed again from the same point gives the same events with the same ids.
        List<ErpEvent> again = new ArrayList<>();
        for (long cursor = start; ; ) {
            List<ErpEvent> page = events.after(cursor, 1000);
            if (page.isEmpty()) break;
            page.stream().filter(e -> e.customerCode().equals(customer)).forEach(again::add);
            cursor = page.getLast().id();
        }
        assertThat(again).as("seed %d", seed).containsExactlyElementsOf(seen);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private long lastId() {
        return ErpFeed.lastId(events);
    }
}

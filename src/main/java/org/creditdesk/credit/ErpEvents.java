package org.creditdesk.credit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox the ERP reads. {@link #publish} must run inside the business transaction it reports,
 * so an event exists exactly when its change committed.
 */
@Service
public class ErpEvents {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ErpEventRepository repository;
    private final JsonMapper json;
    private final Clock clock;

    ErpEvents(ErpEventRepository repository, JsonMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Adds an event to the feed; {@code payload} is any record (or map), stored as JSON. The event gets
     * its feed id when it becomes readable: once its transaction and every older one have ended.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void publish(ErpEventType type, String customerCode, @Nullable String orderNo, @Nullable Object payload) {
        String body = json.writeValueAsString(payload == null ? Map.of() : payload);
        repository.insert(type, customerCode, orderNo, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), body);
    }

    /** One customer's event in a batch published by {@link #publishAll}. */
    public record Entry(String customerCode, @Nullable Object payload) {}

    /**
     * Adds one event of this type per entry, in the given order, in one statement (batch jobs such as
     * the daily run); like {@link #publish} it must run inside the business transaction it reports.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int publishAll(ErpEventType type, List<Entry> entries) {
        if (entries.isEmpty()) return 0;
        return repository.insertAll(
                type,
                entries.stream().map(Entry::customerCode).toArray(String[]::new),
                entries.stream()
                        .map(e -> json.writeValueAsString(e.payload() == null ? Map.of() : e.payload()))
                        .toArray(String[]::new),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /**
     * Up to {@code limit} events with an id greater than {@code after}, in id order. Ids are given in
     * the order events become readable, so no event ever appears later with a smaller id.
     */
    @Transactional
    public List<ErpEvent> after(long after, int limit) {
        repository.numberReadable();
        return repository.after(after, Math.clamp(limit, 1, MAX_LIMIT));
    }
}

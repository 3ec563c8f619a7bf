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

    /** Adds an event to the feed; {@code payload} is any record (or map), stored as JSON. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long publish(ErpEventType type, String customerCode, @Nullable String orderNo, @Nullable Object payload) {
        String body = json.writeValueAsString(payload == null ? Map.of() : payload);
        return repository.insert(
                type, customerCode, orderNo, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), body);
    }

    /** Up to {@code limit} events with an id greater than {@code after}, in id order. */
    @Transactional(readOnly = true)
    public List<ErpEvent> after(long after, int limit) {
        return repository.after(after, Math.clamp(limit, 1, MAX_LIMIT));
    }
}

package org.creditdesk.risk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The risk alert feed. {@link #raise} joins the transaction of the change it reports, so an alert
 * exists exactly when its cause committed.
 */
@Service
public class Alerts {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final AlertRepository repository;
    private final Clock clock;

    Alerts(AlertRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /**
     * Raises an alert; returns false when it was raised before (a link to a stopped customer is
     * announced once per pair). {@code message} is the English text the API's feed shows; {@code key} and
     * {@code args} name the same text in the message bundles, for pages in the reader's language.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean raise(
            long customerId,
            AlertType type,
            String message,
            String key,
            List<String> args,
            @Nullable Long relatedCustomerId,
            @Nullable LocalDate businessDate) {
        return repository.insert(
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                customerId,
                type,
                message,
                key,
                args,
                relatedCustomerId,
                businessDate);
    }

    /** Up to {@code limit} alerts after {@code after}, oldest first, of the customers the caller may see. */
    @Transactional(readOnly = true)
    public List<Alert> after(long after, int limit, Caller caller) {
        return repository.after(after, caller.areaFilter(), Math.clamp(limit, 1, MAX_LIMIT));
    }
}

package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.User;
import org.creditdesk.identity.Users;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A collector's customers in one priority order a person can follow. The collector's areas decide the
 * customers (a collector without areas sees all); a caller confined to areas never sees beyond them.
 */
@Service
public class Worklist {

    static final int MAX_SIZE = 200;

    private final WorklistRepository repository;
    private final SettingsRepository settings;
    private final Users users;
    private final BusinessCalendar calendar;
    private final TransactionTemplate replay;
    private final TransactionTemplate read;

    Worklist(
            WorklistRepository repository,
            SettingsRepository settings,
            Users users,
            BusinessCalendar calendar,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.settings = settings;
        this.users = users;
        this.calendar = calendar;
        this.replay = new TransactionTemplate(transactions);
        this.replay.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
        this.read.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The page from the stored worklist when it was built for the date with the current settings (after
     * replaying the customers touched since, so a payment or promise recorded a second ago shows), otherwise
     * computed live; both give the same rows, order and reasons.
     */
    public WorklistPage page(WorklistQuery query, Caller caller) {
        Fields in = new Fields();
        WorklistReason reason = in.optional("reason", query.reason(), WorklistReason.class);
        if (query.page() < 0) in.add("page", "must be 0 or more");
        if (query.size() < 1 || query.size() > MAX_SIZE) in.add("size", "must be between 1 and " + MAX_SIZE);
        if (query.level() != null && (query.level() < 0 || query.level() > 4)) in.add("level", "must be 0 to 4");
        in.rejectIfAny();
        LocalDate asOf = calendar.asOfOrToday(query.asOf());
        String[] areas = areasOf(query.collector(), caller);
        CollectionsSettings s = settings.load();
        if (repository.storedFor(asOf, s) && repository.anyTouched())
            replay.executeWithoutResult(tx -> repository.replay());
        // One snapshot for the check and the read: a build committing in between cannot mix dates.
        List<WorklistRepository.Row> rows = read.execute(tx -> repository.storedFor(asOf, s)
                ? repository.storedPage(asOf, areas, reason, query.area(), query.level(), query.page(), query.size())
                : repository.livePage(asOf, areas, s, reason, query.area(), query.level(), query.page(), query.size()));
        long total = rows.isEmpty() ? 0 : rows.getFirst().total();
        return new WorklistPage(
                asOf, rows.stream().map(WorklistRepository.Row::row).toList(), query.page(), query.size(), total);
    }

    /** The areas whose customers make up the list: the named collector's, within what the caller may see. */
    private String[] areasOf(@org.jspecify.annotations.Nullable String collector, Caller caller) {
        if (collector == null || collector.isBlank() || collector.equals(caller.username())) {
            return caller.areaFilter();
        }
        User user = users.find(collector)
                .orElseThrow(() -> ProblemException.malformed(
                                "Unknown collector", List.of(Violation.field("collector", "no user " + collector)))
                        .withKey("problem.text.unknownCollector"));
        Set<String> theirs = new HashSet<>(user.areas());
        if (caller.seesAllAreas()) return theirs.toArray(String[]::new);
        if (theirs.isEmpty()) return caller.areaFilter();
        theirs.retainAll(caller.areas());
        if (theirs.isEmpty()) {
            throw ProblemException.forbidden("The collector %s works outside your areas".formatted(collector))
                    .withKey("problem.text.theCollectorWorksOutsideYourAreas", collector);
        }
        return theirs.toArray(String[]::new);
    }
}

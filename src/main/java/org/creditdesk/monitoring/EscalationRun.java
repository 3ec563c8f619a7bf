package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.credit.CreditPolicy;
import org.creditdesk.identity.InterfaceLanguage;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Evaluates the ladder for the whole portfolio on one business date, set-based: levels for every
 * customer in one statement, then episodes closed and opened, a task per responsible person and an
 * e-mail per responsible address for each level entered. Idempotent per date and per episode: a
 * rerun finds the episodes open and the tasks and e-mails there (unique keys), so it adds nothing.
 * The daily run calls it inside its own transaction; the e-mails go out after that commits.
 */
@Service
public class EscalationRun {

    private final EscalationRepository repository;
    private final Escalations escalations;
    private final MailOutbox outbox;
    private final MessageSource texts;
    private final CreditPolicies policies;

    EscalationRun(
            EscalationRepository repository,
            Escalations escalations,
            MailOutbox outbox,
            MessageSource texts,
            CreditPolicies policies) {
        this.repository = repository;
        this.policies = policies;
        this.escalations = escalations;
        this.outbox = outbox;
        this.texts = texts;
    }

    @Transactional
    public EscalationRunResult evaluate(LocalDate asOf) {
        return evaluate(asOf, false);
    }

    /**
     * The daily run's step: the snapshot comes from the aging it computed in this transaction. Today's facts for the
     * board are stored after the run commits ({@link TodayStoresAfterDailyRun}).
     */
    @Transactional
    EscalationRunResult evaluateOnDailyAging(LocalDate asOf) {
        return evaluate(asOf, true);
    }

    /** The grace of the ladder in force (the credit policy's). */
    int graceDays() {
        return escalations.ladder().graceDays();
    }

    /**
     * Customers overdue beyond grace in the snapshot this transaction's evaluation took on {@code asOf},
     * counting disputed amounts or not as the credit policy says.
     */
    List<Long> beyondGrace(LocalDate asOf) {
        CreditPolicy policy = policies.current();
        return repository.beyondGrace(asOf, policy.graceDays(), policy.disputedCountsForHold());
    }

    private EscalationRunResult evaluate(LocalDate asOf, boolean fromDailyAging) {
        repository.lockRun();
        EscalationLadder ladder = escalations.ladder();
        if (fromDailyAging) {
            repository.snapshotFromDailyAging(asOf, ladder);
        } else {
            repository.snapshot(asOf, ladder);
        }
        int left = repository.leaveLevels(asOf).size();
        List<Integer> entered = repository.enterLevels(asOf);
        int tasks = repository.createTasks(asOf);
        int mails = repository.queueMails(mails(asOf, ladder));
        // Also retries what an earlier pass could not send.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                outbox.sendPending();
            }
        });
        Map<String, Integer> enteredByLevel = perLevel(ladder);
        entered.forEach(level -> enteredByLevel.merge(String.valueOf(level), 1, Integer::sum));
        Map<String, Integer> atLevel = perLevel(ladder);
        repository.levelCounts().forEach((level, count) -> atLevel.put(String.valueOf(level), count));
        return new EscalationRunResult(asOf, repository.customerCount(), atLevel, enteredByLevel, left, tasks, mails);
    }

    /** Sends e-mails a failed pass left queued; for a scheduler or an operator. */
    public int sendQueuedMails() {
        return outbox.sendPending();
    }

    private List<EscalationRepository.QueuedMail> mails(LocalDate asOf, EscalationLadder ladder) {
        return repository.mailsToQueue(asOf).stream()
                .map(m -> {
                    Locale language = InterfaceLanguage.ofTag(m.locale()).orElse(InterfaceLanguage.EN).locale;
                    String title = texts.getMessage(
                            "monitoring.rung." + m.level(),
                            null,
                            ladder.rung(m.level()).map(Rung::title).orElse("level " + m.level()),
                            language);
                    EscalationMail mail = EscalationMail.of(
                            new EscalationMail.Facts(
                                    m.customerCode(),
                                    m.customerName(),
                                    m.level(),
                                    title,
                                    m.daysOverdue(),
                                    m.overdueAmount(),
                                    m.currency(),
                                    m.procedural(),
                                    asOf,
                                    m.displayName(),
                                    m.role(),
                                    language),
                            texts);
                    return new EscalationRepository.QueuedMail(
                            m.historyId(), m.customerId(), m.email(), mail.subject(), mail.body());
                })
                .toList();
    }

    private static Map<String, Integer> perLevel(EscalationLadder ladder) {
        Map<String, Integer> counts = new TreeMap<>();
        ladder.rungs().forEach(r -> counts.put(String.valueOf(r.level()), 0));
        return counts;
    }
}

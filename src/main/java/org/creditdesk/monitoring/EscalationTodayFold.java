package org.creditdesk.monitoring;

import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every minute ({@code creditdesk.monitoring.escalation-today.fold-every}), folds the customers touched since today's
 * escalation facts were stored into the store, so a board read replays a minute's changes, not a day's. Off with
 * {@code creditdesk.monitoring.escalation-today.fold=false}.
 */
@Component
@ConditionalOnProperty(
        name = "creditdesk.monitoring.escalation-today.fold",
        havingValue = "true",
        matchIfMissing = true)
class EscalationTodayFold {

    private static final Logger log = LoggerFactory.getLogger(EscalationTodayFold.class);

    private final EscalationTodayRepository todays;
    private final BusinessCalendar calendar;

    EscalationTodayFold(EscalationTodayRepository todays, BusinessCalendar calendar) {
        this.todays = todays;
        this.calendar = calendar;
    }

    @Scheduled(
            fixedDelayString = "${creditdesk.monitoring.escalation-today.fold-every:PT1M}",
            initialDelayString = "${creditdesk.monitoring.escalation-today.fold-every:PT1M}")
    @Transactional
    public void fold() {
        long started = System.nanoTime();
        int folded = todays.fold(calendar.today());
        if (folded > 0) {
            log.info(
                    "Folded {} touched customer(s) into today's stored escalation facts in {} ms",
                    folded,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}

package org.creditdesk.monitoring;

import org.creditdesk.shared.BusinessCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every minute ({@code creditdesk.monitoring.aging-today.fold-every}), folds the customers touched since today's
 * aging was stored into the store, so a read replays a minute's changes, not a day's (replaying 2,000 touched
 * customers took ~0.3 s per read at 100,000 customers). Off with {@code creditdesk.monitoring.aging-today.fold=false}.
 */
@Component
@ConditionalOnProperty(name = "creditdesk.monitoring.aging-today.fold", havingValue = "true", matchIfMissing = true)
class AgingTodayFold {

    private static final Logger log = LoggerFactory.getLogger(AgingTodayFold.class);

    private final AgingTodayRepository todays;
    private final BusinessCalendar calendar;

    AgingTodayFold(AgingTodayRepository todays, BusinessCalendar calendar) {
        this.todays = todays;
        this.calendar = calendar;
    }

    @Scheduled(
            fixedDelayString = "${creditdesk.monitoring.aging-today.fold-every:PT1M}",
            initialDelayString = "${creditdesk.monitoring.aging-today.fold-every:PT1M}")
    @Transactional
    public void fold() {
        long started = System.nanoTime();
        int folded = todays.fold(calendar.today());
        if (folded > 0) {
            log.info(
                    "Folded {} touched customer(s) into today's stored aging in {} ms",
                    folded,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}

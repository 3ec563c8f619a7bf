package org.creditdesk.collections.prediction;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.creditdesk.identity.Caller;
import org.creditdesk.monitoring.DailyRunCompleted;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** Predictions are one set for today: only a run of today's business date replaces them. */
class PredictAfterDailyRunTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final PaymentPredictions predictions = mock(PaymentPredictions.class);
    private final BusinessCalendar calendar = mock(BusinessCalendar.class);
    private final PredictAfterDailyRun listener = new PredictAfterDailyRun(predictions, calendar, true);

    @Test
    void a_run_of_today_predicts_every_open_invoice_as_of_today() {
        when(calendar.today()).thenReturn(TODAY);
        when(predictions.predict(any(), any())).thenReturn(new PredictionRun(TODAY, 3, null, 1));

        listener.on(new DailyRunCompleted(1, TODAY));

        verify(predictions).predict(TODAY, Caller.SYSTEM);
    }

    @Test
    void a_run_of_a_past_date_such_as_a_replay_keeps_todays_predictions() {
        when(calendar.today()).thenReturn(TODAY);

        listener.on(new DailyRunCompleted(2, TODAY.minusDays(1)));
        listener.on(new DailyRunCompleted(3, TODAY.minusMonths(6)));

        verifyNoInteractions(predictions);
    }
}

package org.creditdesk.collections.prediction;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;
import org.creditdesk.risk.PortfolioScored;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.Test;

/** Predictions are one set for today: only a scoring run of today's business date replaces them. */
class PredictAfterScoringTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    private final PaymentPredictions predictions = mock(PaymentPredictions.class);
    private final BusinessCalendar calendar = mock(BusinessCalendar.class);
    private final PredictAfterScoring listener = new PredictAfterScoring(predictions, calendar, true);

    @Test
    void a_scoring_of_today_predicts_every_open_invoice_as_of_today() {
        when(calendar.today()).thenReturn(TODAY);
        when(predictions.predictOnce(TODAY)).thenReturn(Optional.of(new PredictionRun(TODAY, 3, null, 1)));

        listener.on(new PortfolioScored(TODAY));

        verify(predictions).predictOnce(TODAY);
    }

    @Test
    void a_scoring_of_a_past_date_such_as_a_replay_keeps_todays_predictions() {
        when(calendar.today()).thenReturn(TODAY);

        listener.on(new PortfolioScored(TODAY.minusDays(1)));
        listener.on(new PortfolioScored(TODAY.minusMonths(6)));

        verifyNoInteractions(predictions);
    }
}

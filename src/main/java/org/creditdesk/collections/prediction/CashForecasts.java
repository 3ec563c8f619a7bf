package org.creditdesk.collections.prediction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The weekly cash forecast from the predicted pay dates (scoped to the caller's areas). */
@Service
public class CashForecasts {

    static final int MAX_WEEKS = 52;

    private final CashForecastRepository repository;
    private final BusinessCalendar calendar;

    CashForecasts(CashForecastRepository repository, BusinessCalendar calendar) {
        this.repository = repository;
        this.calendar = calendar;
    }

    public CashForecast forecast(@Nullable LocalDate asOf, int weeks, String groupBy, Caller caller) {
        List<Violation> violations = new ArrayList<>();
        if (weeks < 1 || weeks > MAX_WEEKS) violations.add(Violation.field("weeks", "must be 1 to " + MAX_WEEKS));
        if (!groupBy.equals("area") && !groupBy.equals("productLine")) {
            violations.add(Violation.field("groupBy", "must be area or productLine"));
        }
        if (!violations.isEmpty())
            throw ProblemException.malformed("Bad cash forecast request", violations)
                    .withKey("problem.text.badCashForecastRequest");
        LocalDate date = calendar.asOfOrToday(asOf);
        String currency = calendar.settings().baseCurrency().getCurrencyCode();
        List<CashForecastRepository.Cell> cells = repository.cells(date, weeks, groupBy, currency, caller.areaFilter());
        TreeSet<String> groups = new TreeSet<>();
        cells.forEach(c -> groups.add(c.key()));
        List<CashForecast.Week> result = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            BigDecimal expected = BigDecimal.ZERO;
            BigDecimal due = BigDecimal.ZERO;
            List<CashForecast.Group> byGroup = new ArrayList<>();
            for (CashForecastRepository.Cell c : cells) {
                if (c.week() != w) continue;
                expected = expected.add(c.expected());
                due = due.add(c.due());
                byGroup.add(new CashForecast.Group(c.key(), c.expected(), c.due()));
            }
            result.add(new CashForecast.Week(date.plusDays(7L * w), expected, due, byGroup));
        }
        return new CashForecast(
                date, repository.predictedAsOf().orElse(null), currency, groupBy, List.copyOf(groups), result);
    }
}

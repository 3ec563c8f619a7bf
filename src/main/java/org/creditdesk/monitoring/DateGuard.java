package org.creditdesk.monitoring;

import java.time.LocalDate;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;

/**
 * Which dates a daily run may take (issue 15 finding 2): holds follow the newest run's date, so a run
 * dated far ahead by mistake (a typo, a number read as a year) would hold healthy customers and keep
 * later runs from lifting anything. More than {@code maxDaysAhead} days after today is refused unless
 * an ADMIN forces it with a reason; a reset (back to an earlier date) also needs an ADMIN and a reason.
 */
final class DateGuard {

    private DateGuard() {}

    static void check(LocalDate asOf, LocalDate today, int maxDaysAhead, DailyRunRequest request, Caller caller) {
        boolean admin = caller.has(Role.ADMIN);
        boolean reasoned = request.reason() != null && !request.reason().isBlank();
        if ((request.force() || request.reset()) && !(admin && reasoned)) {
            throw ProblemException.ruleViolation(
                            "reason", "Only an ADMIN may force or reset a daily run, and only with a reason")
                    .withKey("problem.text.onlyAnADMINMayForceOrReset");
        }
        if (asOf.isAfter(today.plusDays(maxDaysAhead)) && !request.force()) {
            throw ProblemException.ruleViolation(
                            "asOf",
                            "%s is more than %d days after today (%s); an ADMIN may force it with a reason"
                                    .formatted(asOf, maxDaysAhead, today))
                    .withKey("problem.text.isMoreThanDaysAfterTodayAn", asOf, maxDaysAhead, today);
        }
    }
}

package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /credit-checks}: may this amount ship? Decides without recording anything. */
@RestController
class CreditCheckController {

    private final CreditChecks checks;
    private final Callers callers;

    CreditCheckController(CreditChecks checks, Callers callers) {
        this.checks = checks;
        this.callers = callers;
    }

    enum Verdict {
        APPROVED,
        BLOCKED
    }

    record Breakdown(
            BigDecimal openReceivables,
            BigDecimal releasedOrders,
            BigDecimal unclearedCheques,
            BigDecimal unappliedCredit) {
        static @Nullable Breakdown of(@Nullable Exposure e) {
            return e == null
                    ? null
                    : new Breakdown(
                            e.openReceivables().amount(),
                            e.releasedOrders().amount(),
                            e.unclearedCheques().amount(),
                            e.unappliedCredit().amount());
        }
    }

    record CheckAnswer(
            Verdict decision,
            List<Reason> reasons,
            @Nullable BigDecimal exposure,
            @Nullable BigDecimal creditLimit,
            @Nullable BigDecimal available,
            String currency,
            LocalDate asOf,
            @Nullable Breakdown breakdown) {}

    @PostMapping("/api/v1/credit-checks")
    CheckAnswer check(@RequestBody CheckRequest request) {
        CheckResult result = checks.check(request, callers.current());
        return new CheckAnswer(
                result.decision().approved() ? Verdict.APPROVED : Verdict.BLOCKED,
                result.reasons(),
                result.exposure(),
                result.creditLimit(),
                result.available(),
                result.currency(),
                result.asOf(),
                Breakdown.of(result.breakdown()));
    }
}

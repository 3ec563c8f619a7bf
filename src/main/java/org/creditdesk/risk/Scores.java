package org.creditdesk.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores: one customer's explained score on demand, and the scoring run that rescores the whole
 * portfolio set-based, keeps the history, raises class-drop alerts and pushes the classes into
 * credit (where class E blocks orders).
 */
@Service
public class Scores {

    static final Set<Role> RUNNERS =
            Set.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.CREDIT_SUPERVISOR, Role.GENERAL_MANAGER);
    private static final Logger log = LoggerFactory.getLogger(Scores.class);

    private final ScoreRepository scores;
    private final ScorecardRepository cards;
    private final Customers customers;
    private final CreditAccounts accounts;
    private final CreditPolicies policies;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final PlanLimitCapRepository planCaps;
    private final ApplicationEventPublisher events;

    Scores(
            ScoreRepository scores,
            ScorecardRepository cards,
            Customers customers,
            CreditAccounts accounts,
            CreditPolicies policies,
            BusinessCalendar calendar,
            Clock clock,
            PlanLimitCapRepository planCaps,
            ApplicationEventPublisher events) {
        this.planCaps = planCaps;
        this.events = events;
        this.scores = scores;
        this.cards = cards;
        this.customers = customers;
        this.accounts = accounts;
        this.policies = policies;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The customer's score as of the date, computed now from the ledger with the active card. */
    @Transactional(readOnly = true)
    public Score score(String customerCode, @Nullable LocalDate asOf, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        LocalDate date = calendar.asOfOrToday(asOf);
        ScoreRepository.FactorValues values =
                scores.factorValues(date, List.of(customer.id())).getFirst();
        CardChoice choice = CardChoice.of(cards.allActive(), values);
        if (choice == null) {
            throw ProblemException.conflict("No active scorecard for business group " + values.businessGroup())
                    .withKey("problem.text.noActiveScorecardForBusinessGroup", values.businessGroup());
        }
        Map<ScoreFactor, String> notes = scores.statementOn(customer.id(), date)
                .map(s -> StatementRatios.missing(s.statement(), s.year()))
                .orElse(Map.of());
        return planCaps.cap(explain(choice, values, date, policies.current().graceDays(), notes), customer.id(), date);
    }

    static Score explain(
            CardChoice choice,
            ScoreRepository.FactorValues values,
            LocalDate asOf,
            int graceDays,
            Map<ScoreFactor, String> notes) {
        Scorecard card = choice.card();
        Scorecard.Evaluation evaluation = card.evaluate(values.values());
        List<Score.FactorLine> lines = evaluation.parts().stream()
                .map(part -> new Score.FactorLine(
                        part.factor().name(),
                        part.value(),
                        part.factor().unit(),
                        part.points(),
                        part.weight(),
                        part.weight().multiply(Scorecard.HUNDRED).setScale(2, RoundingMode.HALF_UP),
                        part.band().label(),
                        part.value() == null,
                        part.value() == null ? notes.get(part.factor()) : null))
                .toList();
        BigDecimal limit = card.recommendedLimit(
                values.sales12Months(), values.termDays(), graceDays, evaluation.riskClass(), values.bookEquity());
        return new Score(
                values.code(),
                asOf,
                evaluation.score(),
                evaluation.riskClass().riskClass(),
                lines,
                limit,
                values.currency(),
                card.reviewOn(asOf, evaluation.riskClass()),
                "%s v%d (%s)".formatted(card.name(), card.version(), card.businessGroup()),
                card.segment(),
                choice.reason());
    }

    /** Rescores the whole portfolio as of the date. */
    @Transactional
    public ScoreRun run(@Nullable LocalDate asOf, Caller caller) {
        requireRunner(caller);
        return runFor(calendar.asOfOrToday(asOf), null, caller);
    }

    /**
     * Rescores these customers only (e.g. after an import); the same steps as the full run. The
     * factor values come from one set-based statement, the card is applied in Java (the same code
     * that explains a single score), the scores go back by COPY.
     */
    @Transactional
    public ScoreRun runFor(LocalDate asOf, @Nullable List<Long> customerIds, Caller caller) {
        long started = System.nanoTime();
        scores.lockRun();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Scorecard> active = cards.allActive();
        int graceDays = policies.current().graceDays();
        Map<Long, BigDecimal> caps = planCaps.caps(asOf, customerIds);
        // Each customer is scored as its factor values arrive (the statement streams them), and its row goes into
        // score_history a chunk at a time meanwhile: the run never holds every customer's values, points or rows.
        ScoreRepository.ScoreCopy rows = scores.replaceScores(asOf, customerIds);
        Map<String, Long> byClass = new TreeMap<>();
        long[] carding = {0};
        Function<ScoreRepository.FactorValues, @Nullable ScoreRow> score = v -> {
            long from = System.nanoTime();
            CardChoice choice = CardChoice.of(active, v);
            @Nullable ScoreRow row = null;
            if (choice != null) {
                row = row(choice.card(), v, asOf, graceDays, now, caps.get(v.customerId()));
                byClass.merge(row.riskClass(), 1L, Long::sum);
            }
            carding[0] += System.nanoTime() - from;
            return row;
        };
        if (customerIds == null) {
            scores.scorePortfolio(asOf, score, rows);
        } else {
            scores.factorValues(asOf, customerIds, v -> {
                ScoreRow row = score.apply(v);
                if (row != null) rows.add(row);
            });
        }
        rows.finish();
        long evaluated = System.nanoTime();
        Map<Long, String> classes = scores.updateCurrent(asOf, customerIds, rows);
        int alerts = scores.alertClassDrops(asOf, customerIds, now);
        long alerted = System.nanoTime();
        int changed = accounts.setRiskClasses(classes, "Scoring run as of " + asOf, caller);
        long ended = System.nanoTime();
        long millis = (ended - started) / 1_000_000;
        log.info(
                "Scoring run as of {}: {} customers in {} ms (factor values {} ms, cards applied {} ms, scores written {} ms"
                        + " ({} ms of it beside the factor values; current scores beside them {} ms),"
                        + " alerts {} ms, classes into credit {} ms); {} classes changed, {} alerts",
                asOf,
                rows.rows(),
                millis,
                (evaluated - started - carding[0] - (rows.copyNanos() - rows.besideNanos())) / 1_000_000,
                carding[0] / 1_000_000,
                rows.copyNanos() / 1_000_000,
                rows.besideNanos() / 1_000_000,
                rows.currentBesideNanos() / 1_000_000,
                (alerted - evaluated) / 1_000_000,
                (ended - alerted) / 1_000_000,
                changed,
                alerts);
        if (customerIds == null) events.publishEvent(new PortfolioScored(asOf));
        return new ScoreRun(asOf, rows.rows(), byClass, changed, alerts, millis);
    }

    private ScoreRow row(
            Scorecard card,
            ScoreRepository.FactorValues values,
            LocalDate asOf,
            int graceDays,
            OffsetDateTime at,
            @Nullable BigDecimal planCap) {
        Scorecard.Evaluation evaluation = card.evaluate(values.values());
        List<@Nullable BigDecimal> factorValues =
                new ArrayList<>(evaluation.parts().size());
        List<BigDecimal> factorPoints = new ArrayList<>(evaluation.parts().size());
        for (Scorecard.Part part : evaluation.parts()) {
            factorValues.add(part.value());
            factorPoints.add(part.points());
        }
        return new ScoreRow(
                values.customerId(),
                asOf,
                card.id(),
                evaluation.score(),
                evaluation.riskClass().riskClass(),
                factorValues,
                factorPoints,
                PlanLimitCapRepository.apply(
                        card.recommendedLimit(
                                values.sales12Months(),
                                values.termDays(),
                                graceDays,
                                evaluation.riskClass(),
                                values.bookEquity()),
                        planCap),
                values.currency(),
                card.reviewOn(asOf, evaluation.riskClass()),
                at);
    }

    static void requireRunner(Caller caller) {
        if (caller.roles().stream().noneMatch(RUNNERS::contains)) {
            throw ProblemException.forbidden(
                            "Only ADMIN, CREDIT_MANAGER, CREDIT_SUPERVISOR, GENERAL_MANAGER may run the scoring")
                    .withKey("problem.text.onlyADMINCREDITMANAGERCREDITSUPERVISORGENERAL");
        }
    }
}

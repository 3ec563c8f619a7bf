package org.creditdesk.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.creditdesk.credit.CreditPolicies;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the scorecard weights to the company's own history: logistic regression of the company's
 * outcome ({@link ScoreOutcome}: paid late, reaches D+ days overdue, or a recorded default) on the
 * factors binned from the training data ({@link MonotoneBanding}) and coded by weight of evidence,
 * fitted on older month-ends and tested on newer ones. The fitted card is stored inactive; a credit
 * manager adopts it (audited).
 */
@Service
public class FitScorecards {

    static final Set<Role> ADOPTERS = Set.of(Role.CREDIT_MANAGER, Role.ADMIN);
    static final int MIN_HISTORY_MONTHS = 12;
    static final int FOLDS = 5;

    /**
     * How hard the fit resists a small group's noise. A band's outcome rate is shrunk towards the
     * group's as if {@code bandPriorObservations} observations at the group's rate were added, so a
     * band a few customers fell in gets a weight of evidence near 0 (neutral) instead of an extreme
     * one learnt from two or three cases. A band fewer than {@code minBandCustomers} distinct
     * customers fell in stays neutral altogether: a customer's month-ends are not independent
     * evidence (eight bouncing key accounts are eight cases, not thirty-two month-ends). Grouped
     * cross-validation on the training months picks the L2 penalty among {@code l2Candidates}. With
     * {@code maxBands} of 2 or more, each factor's bands are refitted from the training observations
     * ({@link MonotoneBanding}: up to that many, monotone, thin ones merged: fewer than {@code
     * minBandCustomers} customers or fewer than {@code minBandOutcomes} outcomes or non-outcomes); below 2
     * the card's bands stay. With {@code leaveOutUnhelpful}, a factor that does not raise the
     * cross-validated held-out likelihood is left out (weight 0) before the final fit ({@link
     * Folds#unhelpful}); off by default: measured in session 7 it cost 0.001-0.008 AUC out of time on
     * most generated books (docs/risk-model.md), though it weighs fewer factors.
     */
    record Regularisation(
            double bandPriorObservations,
            int minBandCustomers,
            double[] l2Candidates,
            int maxBands,
            int minBandOutcomes,
            boolean leaveOutUnhelpful) {
        static final Regularisation DEFAULT = new Regularisation(
                50, 10, new double[] {0.3, 1, 3, 10, 30, 100, 300, 1000}, 20, MonotoneBanding.MIN_OUTCOMES, false);

        /** The fit before session 7: every factor kept, the card's bands refitted up to {@code maxBands}. */
        Regularisation(double bandPriorObservations, int minBandCustomers, double[] l2Candidates, int maxBands) {
            this(bandPriorObservations, minBandCustomers, l2Candidates, maxBands, MonotoneBanding.MIN_OUTCOMES, false);
        }
    }

    static final int MIN_OUTCOMES = 10;
    private static final Logger log = LoggerFactory.getLogger(FitScorecards.class);
    private static final List<String> CLASSES = List.of("A", "B", "C", "D", "E");

    private final ScoreRepository scores;
    private final ScorecardRepository cards;
    private final FitRepository outcomes;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;
    private final CreditPolicies policies;
    private final ScoreOutcomeSettings setting;

    FitScorecards(
            ScoreRepository scores,
            ScorecardRepository cards,
            FitRepository outcomes,
            BusinessCalendar calendar,
            AuditTrail audit,
            JsonMapper json,
            Clock clock,
            CreditPolicies policies,
            ScoreOutcomeSettings setting) {
        this.policies = policies;
        this.setting = setting;
        this.scores = scores;
        this.cards = cards;
        this.outcomes = outcomes;
        this.calendar = calendar;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** One customer on one observation date: factor values then, and whether the outcome followed. */
    record Observation(
            LocalDate asOf,
            long customerId,
            String group,
            int invoicesDue12Months,
            Map<ScoreFactor, @Nullable BigDecimal> values,
            int bad) {}

    /**
     * Fits to the outcome named by its kind (PAID_LATE, REACHES_OVERDUE, RECORDED) and parameters;
     * late by default means more than the credit policy's grace days. Naming no outcome (nor days or
     * months) fits to the company's setting ({@link ScoreOutcomeSettings}), and the report says so.
     */
    @Transactional
    public FitReport fit(
            @Nullable LocalDate asOf,
            @Nullable String outcome,
            @Nullable Integer days,
            @Nullable Integer months,
            Caller caller) {
        Scores.requireRunner(caller);
        if ((outcome == null || outcome.isBlank()) && days == null && months == null) return fit(asOf, caller);
        return fit(
                asOf,
                ScoreOutcome.of(outcome, days, months, policies.current().graceDays()),
                FitReport.Outcome.REQUEST,
                caller);
    }

    /** Fits to the company's outcome setting. */
    @Transactional
    public FitReport fit(@Nullable LocalDate asOf, Caller caller) {
        Scores.requireRunner(caller);
        return fit(asOf, setting.outcome(), FitReport.Outcome.SETTING, caller);
    }

    @Transactional
    public FitReport fit(@Nullable LocalDate asOf, ScoreOutcome outcome, String source, Caller caller) {
        Scores.requireRunner(caller);
        scores.lockRun();
        LocalDate end = calendar.asOfOrToday(asOf);
        LocalDate start = firstObservation(outcome);
        List<LocalDate> dates = observationDates(start, end, outcome);
        if (dates.size() < 2) {
            throw ProblemException.ruleViolation(
                    "asOf",
                    "the fit needs two month-ends from %s on with %d months (and %d days) of outcome after them before %s"
                            .formatted(start, outcome.months(), lateDays(outcome), end));
        }
        int testCount = Math.max(1, dates.size() / 3);
        List<LocalDate> train = dates.subList(0, dates.size() - testCount);
        List<LocalDate> test = dates.subList(dates.size() - testCount, dates.size());
        List<Observation> observations = new ArrayList<>();
        for (LocalDate date : dates) {
            FitRepository.Outcomes seen = outcomes.outcomes(outcome, date);
            for (ScoreRepository.FactorValues v : scores.factorValues(date, null)) {
                if (!observable(outcome, seen, v)) continue;
                observations.add(new Observation(
                        date,
                        v.customerId(),
                        v.businessGroup(),
                        v.invoicesDue12Months(),
                        v.values(),
                        seen.bad().contains(v.customerId()) ? 1 : 0));
            }
        }
        FitReport.Outcome definition = FitReport.Outcome.of(outcome, source);
        FitReport.Window trainWindow = FitReport.Window.of(train, outcome);
        FitReport.Window testWindow = FitReport.Window.of(test, outcome);
        List<FitReport.Group> groups = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Scorecard> active = cards.allActive();
        for (Scorecard current : active) {
            // Each card is fitted on the observations it would have scored (its group and segment).
            List<Observation> mine = observations.stream()
                    .filter(o ->
                            CardChoice.of(active, o.group(), o.invoicesDue12Months(), CardChoice.overdue(o.values()))
                                            .card()
                                    == current)
                    .toList();
            List<Observation> trainSet =
                    mine.stream().filter(o -> train.contains(o.asOf())).toList();
            List<Observation> testSet =
                    mine.stream().filter(o -> test.contains(o.asOf())).toList();
            FitOutcome fitted = fitGroup(current, trainSet, testSet);
            Long fittedId = null;
            if (fitted.fitted() != null) {
                var stored = new FittedCardReport(definition, trainWindow, testWindow, fitted.report(null));
                fittedId = cards.insert(fitted.fitted(), json.writeValueAsString(stored), caller.username(), now);
            }
            groups.add(fitted.report(fittedId));
        }
        FitReport report = new FitReport(end, definition, trainWindow, testWindow, train, test, groups);
        audit.record(caller.username(), "SCORECARD_FITTED", "SCORECARD", "fit", null, report, null);
        log.info("Scorecard fit as of {} to '{}': {}", end, outcome.definition(), groups);
        return report;
    }

    /** What a fitted card keeps of its fit: the outcome, the windows and its group's figures. */
    record FittedCardReport(
            FitReport.Outcome outcome, FitReport.Window train, FitReport.Window test, FitReport.Group group) {}

    /**
     * Whether the customer is observed on the date: it must be able to reach the outcome (not there
     * already; for lateness, an invoice falling due in the window).
     */
    static boolean observable(ScoreOutcome outcome, FitRepository.Outcomes seen, ScoreRepository.FactorValues v) {
        if (seen.already().contains(v.customerId())) return false;
        if (seen.observable() != null && !seen.observable().contains(v.customerId())) return false;
        if (outcome instanceof ScoreOutcome.ReachesOverdue o) {
            BigDecimal overdue = v.values().get(ScoreFactor.MAX_DAYS_OVERDUE);
            return overdue == null || overdue.intValue() < o.days();
        }
        return true;
    }

    /**
     * The first possible observation date: 12 months after the first invoice; for a recorded
     * outcome also the first date a statement or rating speaks for (customers without invoices).
     */
    private LocalDate firstObservation(ScoreOutcome outcome) {
        LocalDate byInvoices = outcomes.firstInvoiceDate()
                .map(d -> d.plusMonths(MIN_HISTORY_MONTHS))
                .orElse(null);
        LocalDate byStatements = outcome instanceof ScoreOutcome.Recorded
                ? outcomes.firstStatementDate().orElse(null)
                : null;
        if (byInvoices == null && byStatements == null) {
            throw ProblemException.ruleViolation(
                    "asOf",
                    outcome instanceof ScoreOutcome.Recorded
                            ? "there is no invoice history, financial statement or rating to fit on"
                            : "there is no invoice history to fit on");
        }
        if (byInvoices == null) return byStatements;
        if (byStatements == null) return byInvoices;
        return byInvoices.isBefore(byStatements) ? byInvoices : byStatements;
    }

    static int lateDays(ScoreOutcome outcome) {
        return outcome instanceof ScoreOutcome.PaidLate late ? late.days() : 0;
    }

    /** The fit of one group's card, or why there is none. */
    record FitOutcome(
            Scorecard current,
            @Nullable Scorecard fitted,
            @Nullable String skipped,
            int trainObservations,
            int trainOutcomes,
            int testObservations,
            int testOutcomes,
            FitReport.Quality currentQuality,
            FitReport.Quality fittedQuality,
            Map<String, Double> coefficients,
            List<FitReport.ClassRow> currentClasses,
            List<FitReport.ClassRow> fittedClasses,
            Map<String, @Nullable Double> singleFactorTestAuc,
            Map<String, @Nullable Double> singleFactorTestKs) {

        FitReport.Group report(@Nullable Long fittedId) {
            Map<String, Double> weights = new LinkedHashMap<>();
            if (fitted != null) {
                fitted.factors()
                        .forEach(f -> weights.put(f.factor().name(), f.weight().doubleValue()));
            }
            return new FitReport.Group(
                    current.businessGroup(),
                    current.segment(),
                    current.id(),
                    fittedId,
                    skipped,
                    trainObservations,
                    trainOutcomes,
                    testObservations,
                    testOutcomes,
                    currentQuality,
                    fittedQuality,
                    coefficients,
                    weights,
                    currentClasses,
                    fittedClasses,
                    singleFactorTestAuc,
                    singleFactorTestKs,
                    fitted != null && classOrderProblems(fittedClasses).isEmpty());
        }
    }

    static FitOutcome fitGroup(Scorecard current, List<Observation> train, List<Observation> test) {
        return fitGroup(current, train, test, Regularisation.DEFAULT);
    }

    static FitOutcome fitGroup(
            Scorecard current, List<Observation> train, List<Observation> test, Regularisation regularisation) {
        int trainBad = (int) train.stream().filter(o -> o.bad() == 1).count();
        int testBad = (int) test.stream().filter(o -> o.bad() == 1).count();
        FitReport.Quality currentQuality = quality(current, train, test);
        List<FitReport.ClassRow> currentClasses = classTable(current, test);
        if (trainBad < MIN_OUTCOMES || train.size() - trainBad < MIN_OUTCOMES) {
            return new FitOutcome(
                    current,
                    null,
                    "only %d of %d training observations reached the outcome; at least %d of each kind are needed"
                            .formatted(trainBad, train.size(), MIN_OUTCOMES),
                    train.size(),
                    trainBad,
                    test.size(),
                    testBad,
                    currentQuality,
                    FitReport.Quality.NONE,
                    Map.of(),
                    currentClasses,
                    List.of(),
                    singleFactorAuc(current, test),
                    singleFactorKs(current, test));
        }
        List<Scorecard.Factor> factors = refinedBands(current.factors(), train, regularisation);
        int k = factors.size();
        int[][] bins = bins(factors, train);
        int[] y = train.stream().mapToInt(Observation::bad).toArray();
        Folds folds = Folds.of(factors, train, bins, y, regularisation);
        double[] candidates = regularisation.l2Candidates();
        double l2 = candidates.length == 1 ? candidates[0] : folds.bestL2(candidates);
        long[] customers = train.stream().mapToLong(Observation::customerId).toArray();
        double[][] woe = weightsOfEvidence(factors, bins, y, customers, all(train.size()), regularisation);
        double[][] x = features(woe, bins, all(train.size()));
        if (regularisation.leaveOutUnhelpful()) {
            boolean[] leftOut =
                    folds.unhelpful(l2, importance(FitLogisticRegression.fit(x, y, l2), woe), bestAlone(x, y));
            for (int f = 0; f < k; f++) {
                if (!leftOut[f]) continue;
                log.info(
                        "Fit of {}: {} left out, it does not help out of sample",
                        current.businessGroup(),
                        factors.get(f).factor());
                for (double[] row : x) row[f] = 0;
            }
        }
        FitLogisticRegression.Model model = withoutContradictions(x, y, l2);
        log.info("Fit of {}: L2 penalty {} chosen by {}-fold cross-validation", current.businessGroup(), l2, FOLDS);
        Map<String, Double> coefficients = new LinkedHashMap<>();
        double[] range = new double[k];
        double[] minimum = new double[k];
        double[][] goodness = new double[k][];
        for (int f = 0; f < k; f++) {
            double beta = model.coefficients()[f];
            coefficients.put(factors.get(f).factor().name(), beta);
            // A factor whose better bands predict more arrears contradicts the coding: it gets no weight.
            double b = Math.min(beta, 0);
            goodness[f] = new double[woe[f].length];
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (int bin = 0; bin < woe[f].length; bin++) {
                goodness[f][bin] = -b * woe[f][bin];
                lo = Math.min(lo, goodness[f][bin]);
                hi = Math.max(hi, goodness[f][bin]);
            }
            minimum[f] = lo;
            range[f] = hi - lo;
        }
        double spread = Arrays.stream(range).sum();
        List<Scorecard.Factor> fittedFactors = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Scorecard.Factor factor = factors.get(f);
            BigDecimal weight = spread <= 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(range[f] / spread).setScale(4, RoundingMode.HALF_UP);
            List<Scorecard.Band> bands = new ArrayList<>();
            for (int bin = 0; bin < factor.bands().size(); bin++) {
                Scorecard.Band band = factor.bands().get(bin);
                double grade = range[f] <= 0 ? 50 : (goodness[f][bin] - minimum[f]) / range[f] * 100;
                bands.add(new Scorecard.Band(
                        band.position(),
                        band.missing(),
                        band.from(),
                        band.to(),
                        BigDecimal.valueOf(grade).setScale(3, RoundingMode.HALF_UP),
                        band.label(),
                        band.anchor()));
            }
            fittedFactors.add(new Scorecard.Factor(factor.factor(), weight, bands));
        }
        Scorecard draft = current.with("Fitted to own history", "FITTED", fittedFactors, current.classes());
        Scorecard fitted = withMatchedClasses(draft, current, train);
        return new FitOutcome(
                current,
                fitted,
                null,
                train.size(),
                trainBad,
                test.size(),
                testBad,
                currentQuality,
                quality(fitted, train, test),
                coefficients,
                currentClasses,
                classTable(fitted, test),
                singleFactorAuc(current, test),
                singleFactorKs(current, test));
    }

    /**
     * The regression on the weights of evidence, refitted without the factor whose coefficient
     * contradicts its coding (a higher weight of evidence, fewer outcomes, needs a coefficient below 0),
     * one factor at a time, the most contradictory first, until none does. Correlated ratios (equity /
     * liabilities beside the debt ratio) otherwise take opposite signs that cancel out; leaving the
     * factor out and refitting lets the others carry what it shared with them, instead of zeroing its
     * weight after the fit and keeping coefficients fitted next to it. The factor left out gets weight 0.
     */
    static FitLogisticRegression.Model withoutContradictions(double[][] x, int[] y, double l2) {
        FitLogisticRegression.Model model = FitLogisticRegression.fit(x, y, l2);
        int k = x.length == 0 ? 0 : x[0].length;
        for (int round = 0; round < k; round++) {
            int worst = -1;
            for (int f = 0; f < k; f++) {
                double beta = model.coefficients()[f];
                if (beta > 1e-9 && (worst < 0 || beta > model.coefficients()[worst])) worst = f;
            }
            if (worst < 0) break;
            for (double[] row : x) row[worst] = 0;
            model = FitLogisticRegression.fit(x, y, l2);
        }
        return model;
    }

    /** The factor whose weights of evidence alone rank the training outcomes best (AUC). */
    static int bestAlone(double[][] x, int[] y) {
        int k = x.length == 0 ? 0 : x[0].length, best = -1;
        double bestAuc = Double.NEGATIVE_INFINITY;
        for (int f = 0; f < k; f++) {
            int column = f;
            double auc = FitMetrics.auc(
                    Arrays.stream(x).mapToDouble(row -> row[column]).toArray(), y);
            if (auc > bestAuc) {
                bestAuc = auc;
                best = f;
            }
        }
        return best;
    }

    /** Each factor's part in a fit: |coefficient| x the spread of its weights of evidence. */
    static double[] importance(FitLogisticRegression.Model model, double[][] woe) {
        double[] importance = new double[woe.length];
        for (int f = 0; f < woe.length; f++) {
            double lo = Arrays.stream(woe[f]).min().orElse(0),
                    hi = Arrays.stream(woe[f]).max().orElse(0);
            importance[f] = Math.abs(model.coefficients()[f]) * (hi - lo);
        }
        return importance;
    }

    /** Distinct customers per quantile band the banding starts from (see {@link #startBands}). */
    static final int CUSTOMERS_PER_START_BAND = 30;

    /**
     * How many quantile bands the banding starts from: one per {@value #CUSTOMERS_PER_START_BAND}
     * customers of the training sample, at least 5 and at most {@code maxBands}. A customer's month-ends
     * are nearly one observation, so a small book (300 customers) gets 10 bands and a large one the full
     * {@code maxBands}: with 20 bands on 300 customers the short-lateness book lost 0.011 AUC out of time
     * (seed 7; risk-model.md), with 20 on 2,000 companies the statements gained 0.001.
     */
    static int startBands(int maxBands, long customers) {
        return (int) Math.min(maxBands, Math.max(5, customers / CUSTOMERS_PER_START_BAND));
    }

    /** Each factor with bands refitted to the training observations (see {@link MonotoneBanding}). */
    static List<Scorecard.Factor> refinedBands(
            List<Scorecard.Factor> factors, List<Observation> train, Regularisation regularisation) {
        if (regularisation.maxBands() < 2) return factors;
        int[] bad = train.stream().mapToInt(Observation::bad).toArray();
        long[] customers = train.stream().mapToLong(Observation::customerId).toArray();
        int startBands = startBands(
                regularisation.maxBands(), Arrays.stream(customers).distinct().count());
        List<Scorecard.Factor> refined = new ArrayList<>(factors.size());
        for (Scorecard.Factor factor : factors) {
            List<@Nullable BigDecimal> values = new ArrayList<>(train.size());
            for (Observation o : train) values.add(o.values().get(factor.factor()));
            refined.add(new Scorecard.Factor(
                    factor.factor(),
                    factor.weight(),
                    MonotoneBanding.refine(
                            factor,
                            values,
                            bad,
                            customers,
                            startBands,
                            regularisation.minBandCustomers(),
                            regularisation.minBandOutcomes())));
        }
        return refined;
    }

    /**
     * The training observations split into {@value #FOLDS} folds by customer, each fold's features
     * coded by weights of evidence learnt on the other folds only: the held-out log-likelihood of any
     * L2 penalty and any set of factors left out, without learning the weights of evidence again. A
     * customer's month-ends all go to the same fold: they are nearly the same observation, and
     * splitting them would reward memorising customers.
     */
    record Folds(List<double[][]> fitX, List<int[]> fitY, List<double[][]> heldX, List<int[]> heldY) {

        static Folds of(
                List<Scorecard.Factor> factors,
                List<Observation> train,
                int[][] bins,
                int[] y,
                Regularisation regularisation) {
            int n = train.size();
            long[] customers = train.stream().mapToLong(Observation::customerId).toArray();
            int[] fold = new int[n];
            for (int i = 0; i < n; i++)
                fold[i] = (int) Math.floorMod(train.get(i).customerId(), (long) FOLDS);
            Folds folds = new Folds(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            for (int f = 0; f < FOLDS; f++) {
                int held = f;
                int[] fitRows = rows(n, i -> fold[i] != held);
                int[] testRows = rows(n, i -> fold[i] == held);
                int[] fitY = Arrays.stream(fitRows).map(i -> y[i]).toArray();
                long fitBad = Arrays.stream(fitY).filter(v -> v == 1).count();
                if (testRows.length == 0 || fitBad == 0 || fitBad == fitRows.length) continue;
                double[][] woe = weightsOfEvidence(factors, bins, y, customers, fitRows, regularisation);
                folds.fitX().add(features(woe, bins, fitRows));
                folds.fitY().add(fitY);
                folds.heldX().add(features(woe, bins, testRows));
                folds.heldY().add(Arrays.stream(testRows).map(i -> y[i]).toArray());
            }
            return folds;
        }

        /** The candidate with the best held-out log-likelihood; ties to the stronger penalty (the last). */
        double bestL2(double[] candidates) {
            double best = candidates[candidates.length - 1];
            double bestLikelihood = Double.NEGATIVE_INFINITY;
            for (int c = candidates.length - 1; c >= 0; c--) {
                double likelihood = likelihood(candidates[c], new boolean[0]);
                if (likelihood > bestLikelihood + 1e-9) {
                    bestLikelihood = likelihood;
                    best = candidates[c];
                }
            }
            return best;
        }

        /** Summed over the folds: the log-likelihood of the held-out rows, the factors marked left out. */
        double likelihood(double lambda, boolean[] leftOut) {
            double likelihood = 0;
            for (int f = 0; f < fitX.size(); f++) {
                FitLogisticRegression.Model model =
                        FitLogisticRegression.fit(without(fitX.get(f), leftOut), fitY.get(f), lambda);
                double[][] x = heldX.get(f);
                int[] y = heldY.get(f);
                // A column left out is 0 in the fit, so its coefficient is 0 and the held-out row needs no copy.
                for (int r = 0; r < x.length; r++) {
                    double p = Math.min(Math.max(model.probability(x[r]), 1e-9), 1 - 1e-9);
                    likelihood += y[r] == 1 ? Math.log(p) : Math.log(1 - p);
                }
            }
            return likelihood;
        }

        /**
         * The factors that do not help out of sample: one pass from the least important factor of the full
         * fit (smallest |coefficient| x spread of its weights of evidence) to the most, each left out for
         * good when the held-out log-likelihood without it is at least as high as with it. The factor
         * {@code keep} (the best alone on the training observations) is never left out: among correlated
         * factors (days beyond terms, its last 3 months, the late share) the others can stand in for it in
         * the likelihood of a small book, which is the wrong way round.
         */
        boolean[] unhelpful(double lambda, double[] importance, int keep) {
            int k = importance.length;
            boolean[] leftOut = new boolean[k];
            double current = likelihood(lambda, leftOut);
            Integer[] order = new Integer[k];
            for (int f = 0; f < k; f++) order[f] = f;
            Arrays.sort(order, Comparator.comparingDouble(f -> importance[f]));
            for (int f : order) {
                if (importance[f] <= 0 || f == keep) continue;
                leftOut[f] = true;
                double without = likelihood(lambda, leftOut);
                if (without >= current) current = without;
                else leftOut[f] = false;
            }
            return leftOut;
        }

        private static double[][] without(double[][] x, boolean[] leftOut) {
            boolean any = false;
            for (boolean l : leftOut) any |= l;
            if (!any) return x;
            double[][] copy = new double[x.length][];
            for (int r = 0; r < x.length; r++) {
                copy[r] = x[r].clone();
                for (int f = 0; f < leftOut.length; f++) if (leftOut[f]) copy[r][f] = 0;
            }
            return copy;
        }
    }

    /** Each observation's band index per factor. */
    static int[][] bins(List<Scorecard.Factor> factors, List<Observation> rows) {
        int[][] bins = new int[rows.size()][factors.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < factors.size(); f++) {
                Scorecard.Factor factor = factors.get(f);
                bins[i][f] = factor.bands()
                        .indexOf(factor.bandFor(rows.get(i).values().get(factor.factor())));
            }
        }
        return bins;
    }

    /**
     * Per factor and band: ln(goods / bads in the band) - ln(goods / bads overall), with the band's
     * counts shrunk towards the overall rate (see {@link Regularisation}); 0 (neutral) for bands
     * too few customers fell in.
     */
    static double[][] weightsOfEvidence(
            List<Scorecard.Factor> factors,
            int[][] bins,
            int[] y,
            long[] customers,
            int[] rows,
            Regularisation regularisation) {
        double prior = regularisation.bandPriorObservations();
        double allBads = 0;
        for (int i : rows) allBads += y[i];
        double allGoods = rows.length - allBads;
        double badRate = rows.length == 0 ? 0.5 : allBads / rows.length;
        double[][] woe = new double[factors.size()][];
        for (int f = 0; f < factors.size(); f++) {
            int bands = factors.get(f).bands().size();
            double[] goods = new double[bands], bads = new double[bands];
            List<Set<Long>> who = new ArrayList<>(bands);
            for (int b = 0; b < bands; b++) who.add(new HashSet<>());
            for (int i : rows) {
                if (y[i] == 1) bads[bins[i][f]]++;
                else goods[bins[i][f]]++;
                who.get(bins[i][f]).add(customers[i]);
            }
            woe[f] = new double[bands];
            if (allGoods == 0 || allBads == 0) continue;
            for (int b = 0; b < bands; b++) {
                if (who.get(b).size() < regularisation.minBandCustomers()) continue;
                double g = goods[b] + prior * (1 - badRate);
                double d = bads[b] + prior * badRate;
                woe[f][b] = Math.log(g / d) - Math.log(allGoods / allBads);
            }
        }
        return woe;
    }

    private static double[][] features(double[][] woe, int[][] bins, int[] rows) {
        double[][] x = new double[rows.length][woe.length];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < woe.length; f++) x[r][f] = woe[f][bins[rows[r]][f]];
        }
        return x;
    }

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static int[] rows(int n, IntPredicate keep) {
        return IntStream.range(0, n).filter(keep).toArray();
    }

    static FitReport.Quality quality(Scorecard card, List<Observation> train, List<Observation> test) {
        double[] trainScores = scores(card, train), testScores = scores(card, test);
        int[] trainBad = train.stream().mapToInt(Observation::bad).toArray();
        int[] testBad = test.stream().mapToInt(Observation::bad).toArray();
        return FitReport.Quality.of(
                FitMetrics.auc(trainScores, trainBad),
                FitMetrics.auc(testScores, testBad),
                FitMetrics.ks(trainScores, trainBad),
                FitMetrics.ks(testScores, testBad));
    }

    static double[] scores(Scorecard card, List<Observation> rows) {
        return rows.stream()
                .mapToDouble(o -> card.evaluate(o.values()).score().doubleValue())
                .toArray();
    }

    /**
     * Each factor's raw value alone as a score (AUC) on the observations that have it, oriented as the
     * card grades it (worse values rank lower); null where undefined.
     */
    static Map<String, @Nullable Double> singleFactorAuc(Scorecard card, List<Observation> rows) {
        return singleFactor(card, rows, FitMetrics::auc);
    }

    /** The same as Kolmogorov-Smirnov (the largest gap between the outcomes' and the others' shares). */
    static Map<String, @Nullable Double> singleFactorKs(Scorecard card, List<Observation> rows) {
        return singleFactor(card, rows, FitMetrics::ks);
    }

    private static Map<String, @Nullable Double> singleFactor(
            Scorecard card, List<Observation> rows, java.util.function.ToDoubleBiFunction<double[], int[]> metric) {
        Map<String, @Nullable Double> figures = new LinkedHashMap<>();
        for (Scorecard.Factor factor : card.factors()) {
            List<Scorecard.Band> ranges =
                    factor.bands().stream().filter(b -> !b.missing()).toList();
            double sign = ranges.size() >= 2
                            && ranges.getLast()
                                            .grade()
                                            .compareTo(ranges.getFirst().grade())
                                    < 0
                    ? -1
                    : 1;
            List<Observation> known = rows.stream()
                    .filter(o -> o.values().get(factor.factor()) != null)
                    .toList();
            double[] scores = known.stream()
                    .mapToDouble(o -> sign * o.values().get(factor.factor()).doubleValue())
                    .toArray();
            int[] bad = known.stream().mapToInt(Observation::bad).toArray();
            figures.put(factor.factor().name(), FitReport.number(metric.applyAsDouble(scores, bad)));
        }
        return figures;
    }

    /** Per class, its observations, how many reached the outcome and their share (null for an empty class). */
    static List<FitReport.ClassRow> classTable(Scorecard card, List<Observation> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        CLASSES.forEach(c -> counts.put(c, new int[2]));
        for (Observation o : rows) {
            int[] c = counts.get(card.evaluate(o.values()).riskClass().riskClass());
            c[0]++;
            c[1] += o.bad();
        }
        List<FitReport.ClassRow> table = new ArrayList<>();
        counts.forEach((cls, c) ->
                table.add(new FitReport.ClassRow(cls, c[0], c[1], c[0] == 0 ? null : (double) c[1] / c[0])));
        return table;
    }

    /**
     * Where the share reaching the outcome falls from one class to the next worse one (classes
     * without observations are passed over): a card whose classes do not rise A to E on the test
     * window misorders customers and is not adopted.
     */
    static List<String> classOrderProblems(List<FitReport.ClassRow> table) {
        List<String> problems = new ArrayList<>();
        FitReport.ClassRow previous = null;
        for (FitReport.ClassRow row : table) {
            if (row.share() == null) continue;
            if (previous != null && row.share() < previous.share()) {
                problems.add(String.format(
                        java.util.Locale.ROOT,
                        "class %s: %.1f %% of %d test observations reached the outcome, less than class %s's %.1f %% of %d",
                        row.riskClass(),
                        100 * row.share(),
                        row.observations(),
                        previous.riskClass(),
                        100 * previous.share(),
                        previous.observations()));
            }
            previous = row;
        }
        if (previous == null) problems.add("no test observation fell in any class");
        return problems;
    }

    /** Class cut-offs of the fitted card that keep the current card's class mix on the training data. */
    static Scorecard withMatchedClasses(Scorecard fitted, Scorecard current, List<Observation> train) {
        double[] fittedScores = scores(fitted, train);
        Arrays.sort(fittedScores);
        Map<String, Long> mix = new LinkedHashMap<>();
        for (Observation o : train) {
            mix.merge(current.evaluate(o.values()).riskClass().riskClass(), 1L, Long::sum);
        }
        List<Scorecard.ClassRule> rules = new ArrayList<>();
        long above = 0;
        BigDecimal previous = BigDecimal.valueOf(101);
        List<Scorecard.ClassRule> ordered = current.classes().stream()
                .sorted(Comparator.comparing(Scorecard.ClassRule::riskClass))
                .toList();
        for (Scorecard.ClassRule rule : ordered) {
            if (rule.riskClass().equals("E")) {
                rules.add(
                        new Scorecard.ClassRule("E", BigDecimal.valueOf(-1), rule.limitFactor(), rule.reviewMonths()));
                break;
            }
            above += mix.getOrDefault(rule.riskClass(), 0L);
            int index = (int) Math.max(0, Math.min(fittedScores.length - 1, fittedScores.length - above));
            BigDecimal min = BigDecimal.valueOf(
                            fittedScores.length == 0 ? rule.minScore().doubleValue() : fittedScores[index])
                    .setScale(2, RoundingMode.FLOOR);
            if (min.compareTo(previous) >= 0) min = previous.subtract(new BigDecimal("0.01"));
            previous = min;
            rules.add(new Scorecard.ClassRule(rule.riskClass(), min, rule.limitFactor(), rule.reviewMonths()));
        }
        return fitted.with(fitted.name(), fitted.source(), fitted.factors(), rules);
    }

    /** Month-ends with 12 months of history behind them and 6 months of outcome ahead. */
    static List<LocalDate> observationDates(LocalDate firstInvoice, LocalDate end) {
        return observationDates(firstInvoice.plusMonths(MIN_HISTORY_MONTHS), end, ScoreOutcome.DEFAULT);
    }

    /** Month-ends from {@code start} on whose outcome window (months, and for lateness days) ends by {@code end}. */
    static List<LocalDate> observationDates(LocalDate start, LocalDate end, ScoreOutcome outcome) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = start.with(TemporalAdjusters.lastDayOfMonth());
        while (!date.plusMonths(outcome.months()).plusDays(lateDays(outcome)).isAfter(end)) {
            dates.add(date);
            date = date.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth());
        }
        return dates;
    }

    /** Makes a stored card its group's active one. */
    @Transactional
    public ScorecardHeader adopt(long cardId, @Nullable String reason, Caller caller) {
        if (caller.roles().stream().noneMatch(ADOPTERS::contains)) {
            throw ProblemException.forbidden("Only a CREDIT_MANAGER may adopt a scorecard")
                    .withKey("problem.text.onlyACREDITMANAGERMayAdoptA");
        }
        ScorecardHeader card = cards.header(cardId)
                .orElseThrow(() -> ProblemException.notFound("Unknown scorecard " + cardId)
                        .withKey("problem.text.unknownScorecard", cardId));
        if (card.active()) return card;
        Scorecard full = cards.card(card);
        List<String> problems = new ArrayList<>(full.problems());
        problems.addAll(testWindowProblems(card));
        if (!problems.isEmpty()) {
            throw ProblemException.ruleViolation(
                    "The scorecard cannot be used",
                    problems.stream()
                            .map(p -> org.creditdesk.shared.Violation.field("scorecard", p))
                            .toList());
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        Long previous = cards.activate(cardId, card.businessGroup(), caller.username(), now)
                .orElse(null);
        ScorecardHeader adopted = cards.header(cardId).orElseThrow();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("activeScorecardId", previous);
        audit.record(
                caller.username(),
                "SCORECARD_ADOPTED",
                "SCORECARD",
                Long.toString(cardId),
                before,
                adopted,
                reason == null || reason.isBlank() ? "Adopted " + card.name() + " v" + card.version() : reason);
        return adopted;
    }

    /**
     * A fitted card is adopted only if its classes rise A to E on its fit's test window. A card
     * without a fit report (the shipped defaults) has nothing to check.
     */
    private List<String> testWindowProblems(ScorecardHeader card) {
        if (card.fitReport() == null || !"FITTED".equals(card.source())) return List.of();
        JsonNode classes = json.readTree(card.fitReport()).path("group").path("fittedClasses");
        if (!classes.isArray()) {
            return List.of("the card was fitted before class tables were kept: fit again to check its class order");
        }
        List<FitReport.ClassRow> table = new ArrayList<>();
        for (JsonNode row : classes) {
            JsonNode share = row.path("share");
            table.add(new FitReport.ClassRow(
                    row.path("riskClass").asString(),
                    row.path("observations").asInt(),
                    row.path("outcomes").asInt(),
                    share.isNumber() ? share.asDouble() : null));
        }
        return classOrderProblems(table).stream()
                .map(p -> "the classes do not rise from A to E on the test window: " + p)
                .toList();
    }

    @Transactional(readOnly = true)
    public List<ScorecardHeader> cards() {
        return cards.headers();
    }
}

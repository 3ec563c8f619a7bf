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
import tools.jackson.databind.json.JsonMapper;

/**
 * Fits the scorecard weights to the company's own history: logistic regression of "reached 60+
 * days overdue within 6 months" on the factors binned by the current card's bands and coded by
 * weight of evidence, fitted on older month-ends and tested on newer ones. The fitted card is stored
 * inactive; a credit manager adopts it (audited).
 */
@Service
public class FitScorecards {

    static final Set<Role> ADOPTERS = Set.of(Role.CREDIT_MANAGER, Role.ADMIN);
    static final int OUTCOME_MONTHS = 6;
    static final int MIN_HISTORY_MONTHS = 12;
    static final int FOLDS = 5;

    /**
     * How hard the fit resists a small group's noise. A band's outcome rate is shrunk towards the
     * group's as if {@code bandPriorObservations} observations at the group's rate were added, so a
     * band a few customers fell in gets a weight of evidence near 0 (neutral) instead of an extreme
     * one learnt from two or three cases. A band fewer than {@code minBandCustomers} distinct
     * customers fell in stays neutral altogether: a customer's month-ends are not independent
     * evidence (eight bouncing key accounts are eight cases, not thirty-two month-ends). Grouped
     * cross-validation on the training months picks the L2 penalty among {@code l2Candidates}.
     */
    record Regularisation(double bandPriorObservations, int minBandCustomers, double[] l2Candidates) {
        static final Regularisation DEFAULT =
                new Regularisation(50, 10, new double[] {0.3, 1, 3, 10, 30, 100, 300, 1000});
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

    FitScorecards(
            ScoreRepository scores,
            ScorecardRepository cards,
            FitRepository outcomes,
            BusinessCalendar calendar,
            AuditTrail audit,
            JsonMapper json,
            Clock clock) {
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
            LocalDate asOf, long customerId, String group, Map<ScoreFactor, @Nullable BigDecimal> values, int bad) {}

    @Transactional
    public FitReport fit(@Nullable LocalDate asOf, Caller caller) {
        Scores.requireRunner(caller);
        scores.lockRun();
        LocalDate end = calendar.asOfOrToday(asOf);
        LocalDate first = outcomes.firstInvoiceDate()
                .orElseThrow(() -> ProblemException.ruleViolation("asOf", "there is no invoice history to fit on")
                        .withKey("problem.text.thereIsNoInvoiceHistoryToFit"));
        List<LocalDate> dates = observationDates(first, end);
        if (dates.size() < 2) {
            throw ProblemException.ruleViolation(
                            "asOf",
                            "the fit needs at least %d months of history before and %d after two month-ends; history starts %s"
                                    .formatted(MIN_HISTORY_MONTHS, OUTCOME_MONTHS, first))
                    .withKey("problem.text.theFitNeedsAtLeastMonthsOf", MIN_HISTORY_MONTHS, OUTCOME_MONTHS, first);
        }
        int testCount = Math.max(1, dates.size() / 3);
        List<LocalDate> train = dates.subList(0, dates.size() - testCount);
        List<LocalDate> test = dates.subList(dates.size() - testCount, dates.size());
        List<Observation> observations = new ArrayList<>();
        for (LocalDate date : dates) {
            Set<Long> bad = outcomes.reached60DaysOverdue(date, date.plusMonths(OUTCOME_MONTHS));
            for (ScoreRepository.FactorValues v : scores.factorValues(date, null)) {
                BigDecimal overdue = v.values().get(ScoreFactor.MAX_DAYS_OVERDUE);
                // Already 60+ days overdue on the date: the outcome has happened, nothing to predict.
                if (overdue != null && overdue.intValue() >= 60) continue;
                observations.add(new Observation(
                        date, v.customerId(), v.businessGroup(), v.values(), bad.contains(v.customerId()) ? 1 : 0));
            }
        }
        List<FitReport.Group> groups = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        for (Scorecard current : cards.activeCards().values()) {
            List<Observation> mine = observations.stream()
                    .filter(o -> o.group().equals(current.businessGroup()))
                    .toList();
            List<Observation> trainSet =
                    mine.stream().filter(o -> train.contains(o.asOf())).toList();
            List<Observation> testSet =
                    mine.stream().filter(o -> test.contains(o.asOf())).toList();
            FitOutcome outcome = fitGroup(current, trainSet, testSet);
            Long fittedId = null;
            if (outcome.fitted() != null) {
                FitReport.Group draft = outcome.report(null);
                fittedId = cards.insert(outcome.fitted(), json.writeValueAsString(draft), caller.username(), now);
            }
            groups.add(outcome.report(fittedId));
        }
        FitReport report = new FitReport(end, train, test, groups);
        audit.record(caller.username(), "SCORECARD_FITTED", "SCORECARD", "fit", null, report, null);
        log.info("Scorecard fit as of {}: {}", end, groups);
        return report;
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
            Map<String, Double> currentRates,
            Map<String, Double> fittedRates) {

        FitReport.Group report(@Nullable Long fittedId) {
            Map<String, Double> weights = new LinkedHashMap<>();
            if (fitted != null) {
                fitted.factors()
                        .forEach(f -> weights.put(f.factor().name(), f.weight().doubleValue()));
            }
            return new FitReport.Group(
                    current.businessGroup(),
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
                    currentRates,
                    fittedRates);
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
        Map<String, Double> currentRates = outcomeRateByClass(current, test);
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
                    currentRates,
                    Map.of());
        }
        List<Scorecard.Factor> factors = current.factors();
        int k = factors.size();
        int[][] bins = bins(factors, train);
        int[] y = train.stream().mapToInt(Observation::bad).toArray();
        double l2 = crossValidatedL2(factors, train, bins, y, regularisation);
        long[] customers = train.stream().mapToLong(Observation::customerId).toArray();
        double[][] woe = weightsOfEvidence(factors, bins, y, customers, all(train.size()), regularisation);
        double[][] x = features(woe, bins, all(train.size()));
        FitLogisticRegression.Model model = FitLogisticRegression.fit(x, y, l2);
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
                        band.label()));
            }
            fittedFactors.add(new Scorecard.Factor(factor.factor(), weight, bands));
        }
        Scorecard draft = new Scorecard(
                0,
                "Fitted to own history",
                current.businessGroup(),
                0,
                false,
                "FITTED",
                current.netWorthCapShare(),
                fittedFactors,
                current.classes());
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
                currentRates,
                outcomeRateByClass(fitted, test));
    }

    /**
     * The L2 penalty with the best held-out log-likelihood over {@value #FOLDS} folds of the training
     * observations. A customer's month-ends all go to the same fold: they are nearly the same
     * observation, and splitting them would reward memorising customers. Weights of evidence are
     * learnt on each fold's training part only. Ties go to the stronger penalty.
     */
    static double crossValidatedL2(
            List<Scorecard.Factor> factors,
            List<Observation> train,
            int[][] bins,
            int[] y,
            Regularisation regularisation) {
        double[] candidates = regularisation.l2Candidates();
        if (candidates.length == 1) return candidates[0];
        int n = train.size();
        long[] customers = train.stream().mapToLong(Observation::customerId).toArray();
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) fold[i] = (int) Math.floorMod(train.get(i).customerId(), (long) FOLDS);
        double best = candidates[candidates.length - 1];
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (int c = candidates.length - 1; c >= 0; c--) {
            double lambda = candidates[c];
            double likelihood = 0;
            for (int f = 0; f < FOLDS; f++) {
                int held = f;
                int[] fitRows = rows(n, i -> fold[i] != held);
                int[] testRows = rows(n, i -> fold[i] == held);
                int[] fitY = Arrays.stream(fitRows).map(i -> y[i]).toArray();
                long fitBad = Arrays.stream(fitY).filter(v -> v == 1).count();
                if (testRows.length == 0 || fitBad == 0 || fitBad == fitRows.length) continue;
                double[][] woe = weightsOfEvidence(factors, bins, y, customers, fitRows, regularisation);
                FitLogisticRegression.Model model =
                        FitLogisticRegression.fit(features(woe, bins, fitRows), fitY, lambda);
                double[][] heldX = features(woe, bins, testRows);
                for (int r = 0; r < testRows.length; r++) {
                    double p = Math.min(Math.max(model.probability(heldX[r]), 1e-9), 1 - 1e-9);
                    likelihood += y[testRows[r]] == 1 ? Math.log(p) : Math.log(1 - p);
                }
            }
            if (likelihood > bestLikelihood + 1e-9) {
                bestLikelihood = likelihood;
                best = lambda;
            }
        }
        return best;
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
        return new FitReport.Quality(
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

    /** Share of each class's observations that reached the outcome (test set). */
    static Map<String, Double> outcomeRateByClass(Scorecard card, List<Observation> rows) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        CLASSES.forEach(c -> counts.put(c, new int[2]));
        for (Observation o : rows) {
            int[] c = counts.get(card.evaluate(o.values()).riskClass().riskClass());
            c[0]++;
            c[1] += o.bad();
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        counts.forEach((cls, c) -> rates.put(cls, c[0] == 0 ? Double.NaN : (double) c[1] / c[0]));
        return rates;
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
        return new Scorecard(
                fitted.id(),
                fitted.name(),
                fitted.businessGroup(),
                fitted.version(),
                fitted.active(),
                fitted.source(),
                fitted.netWorthCapShare(),
                fitted.factors(),
                rules);
    }

    /** Month-ends with 12 months of history behind them and 6 months of outcome ahead. */
    static List<LocalDate> observationDates(LocalDate firstInvoice, LocalDate end) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate date = firstInvoice.plusMonths(MIN_HISTORY_MONTHS).with(TemporalAdjusters.lastDayOfMonth());
        while (!date.plusMonths(OUTCOME_MONTHS).isAfter(end)) {
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
        List<String> problems = full.problems();
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

    @Transactional(readOnly = true)
    public List<ScorecardHeader> cards() {
        return cards.headers();
    }
}

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    static final double L2 = 1.0;
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
                .orElseThrow(() -> ProblemException.ruleViolation("asOf", "there is no invoice history to fit on"));
        List<LocalDate> dates = observationDates(first, end);
        if (dates.size() < 2) {
            throw ProblemException.ruleViolation(
                    "asOf",
                    "the fit needs at least %d months of history before and %d after two month-ends; history starts %s"
                            .formatted(MIN_HISTORY_MONTHS, OUTCOME_MONTHS, first));
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
        double[][] woe = new double[k][];
        for (int f = 0; f < k; f++) woe[f] = weightsOfEvidence(factors.get(f), train);
        double[][] x = features(factors, woe, train);
        int[] y = train.stream().mapToInt(Observation::bad).toArray();
        FitLogisticRegression.Model model = FitLogisticRegression.fit(x, y, L2);
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

    /** ln(share of goods / share of bads) per band, smoothed by half a count; 0 for bands nobody fell in. */
    static double[] weightsOfEvidence(Scorecard.Factor factor, List<Observation> train) {
        int bins = factor.bands().size();
        double[] goods = new double[bins], bads = new double[bins];
        for (Observation o : train) {
            int bin = factor.bands().indexOf(factor.bandFor(o.values().get(factor.factor())));
            if (o.bad() == 1) bads[bin]++;
            else goods[bin]++;
        }
        double allGoods = Arrays.stream(goods).sum(),
                allBads = Arrays.stream(bads).sum();
        double[] woe = new double[bins];
        for (int b = 0; b < bins; b++) {
            if (goods[b] + bads[b] == 0) continue;
            woe[b] =
                    Math.log(((goods[b] + 0.5) / (allGoods + 0.5 * bins)) / ((bads[b] + 0.5) / (allBads + 0.5 * bins)));
        }
        return woe;
    }

    private static double[][] features(List<Scorecard.Factor> factors, double[][] woe, List<Observation> rows) {
        double[][] x = new double[rows.size()][factors.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int f = 0; f < factors.size(); f++) {
                Scorecard.Factor factor = factors.get(f);
                int bin = factor.bands()
                        .indexOf(factor.bandFor(rows.get(i).values().get(factor.factor())));
                x[i][f] = woe[f][bin];
            }
        }
        return x;
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
            throw ProblemException.forbidden("Only a CREDIT_MANAGER may adopt a scorecard");
        }
        ScorecardHeader card =
                cards.header(cardId).orElseThrow(() -> ProblemException.notFound("Unknown scorecard " + cardId));
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

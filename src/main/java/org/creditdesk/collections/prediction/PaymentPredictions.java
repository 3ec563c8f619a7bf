package org.creditdesk.collections.prediction;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Predicted pay dates of open invoices: the prediction run (after each daily run and on demand), the
 * fit of the payment model on the company's own paid history with its out-of-time report, and its
 * adoption by a credit manager (audited).
 */
@Service
public class PaymentPredictions {

    /** Fitting needs at least this many paid invoices in the training years. */
    static final int MIN_PAID = 500;

    static final int TRAIN_DAYS = 3 * 365;
    static final int TEST_DAYS = 180;
    /** Test invoices fell due at least this long before the date, so that most have been paid. */
    static final int TEST_SETTLE_DAYS = 30;

    static final Set<Role> RUNNERS = EnumSet.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.GENERAL_MANAGER);
    static final Set<Role> ADOPTERS = EnumSet.of(Role.ADMIN, Role.CREDIT_MANAGER);

    /** Customer ids predicted together (a range's paid history and predictions are in memory at once). */
    static final long CUSTOMERS_AT_ONCE = 100_000;

    private final PredictionRepository repository;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final JsonMapper json;
    private volatile long customersAtOnce = CUSTOMERS_AT_ONCE;

    PaymentPredictions(
            PredictionRepository repository,
            AuditTrail audit,
            BusinessCalendar calendar,
            Clock clock,
            JsonMapper json) {
        this.repository = repository;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
    }

    /** For tests: customer ids predicted together (default {@link #CUSTOMERS_AT_ONCE}). */
    void customersAtOnce(long ids) {
        this.customersAtOnce = ids;
    }

    /** Predicts every invoice open as of the date and replaces the stored predictions. */
    @Transactional
    public PredictionRun predict(@Nullable LocalDate asOf, Caller caller) {
        require(caller, RUNNERS, "Only ADMIN, CREDIT_MANAGER and GENERAL_MANAGER run the payment prediction");
        repository.lockRuns();
        return predictAt(calendar.asOfOrToday(asOf));
    }

    /**
     * The scoring run's prediction: predicts as of the date unless the stored predictions are as of that
     * date or a later one (a second scoring run of the day, or replayed runs finishing out of order).
     */
    @Transactional
    public Optional<PredictionRun> predictOnce(LocalDate asOf) {
        repository.lockRuns();
        Optional<LocalDate> stored = repository.predictedAsOf();
        if (stored.isPresent() && !asOf.isAfter(stored.get())) return Optional.empty();
        return Optional.of(predictAt(asOf));
    }

    private PredictionRun predictAt(LocalDate date) {
        long started = System.nanoTime();
        int grace = repository.graceDays();
        boolean settled = repository.ledgerSettledBy(date);
        CollectorFacts facts =
                new CollectorFacts(repository.disputes(date), repository.promises(date), repository.steps(date));
        PaymentModel model = repository.adopted().map(StoredModel::model).orElse(null);
        Long modelId = model == null ? null : model.id();
        // Customers a range at a time: at 1,000,000 customers their recent paid invoices (8.7 million rows) and the
        // predictions' COPY did not fit a 512 MB heap at once. The baseline needs the whole portfolio's late share
        // first, so with several ranges their histories are read twice.
        List<PredictionRepository.Customers> ranges = repository.customerRanges(customersAtOnce);
        Map<Long, List<PaidInvoice>> onlyRange = null;
        long[] lateOfAll = new long[2];
        for (PredictionRepository.Customers range : ranges) {
            Map<Long, List<PaidInvoice>> history = repository.recentPaid(date, settled, range);
            countLate(history, grace, lateOfAll);
            if (ranges.size() == 1) onlyRange = history;
        }
        double portfolioLateShare = lateOfAll[1] == 0 ? 0.5 : lateOfAll[0] / (double) lateOfAll[1];
        var predictions = new PredictionRepository.Predictions(date, modelId);
        repository.forgetMoves();
        repository.clear();
        for (PredictionRepository.Customers range : ranges) {
            Map<Long, List<PaidInvoice>> history =
                    onlyRange != null ? onlyRange : repository.recentPaid(date, settled, range);
            repository.eachOpen(date, settled, range, open -> {
                List<PaidInvoice> past = history.getOrDefault(open.customerId(), List.of());
                InvoiceFacts f = facts.at(open.customerId(), open.invoiceId(), open.dueDate(), open.amount(), date);
                PaymentModel.Prediction p = model == null
                        ? PaymentModel.baseline(past, f, grace, portfolioLateShare, date)
                        : model.predict(past, f, grace, date);
                predictions.add(open, p.payDate(), p.lateProbability());
            });
            repository.copy(predictions);
        }
        repository.finish();
        return new PredictionRun(
                date, predictions.count(), modelId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Fits the model on invoices that fell due in the three years before the test half-year and reports
     * it against the baseline on the test half-year; stores it (not adopted). Refused with too little history.
     */
    @Transactional
    public PaymentFitReport fit(@Nullable LocalDate asOf, Caller caller) {
        require(caller, ADOPTERS, "Only a credit manager fits the payment model");
        LocalDate date = calendar.asOfOrToday(asOf);
        int grace = repository.graceDays();
        LocalDate testUntil = date.minusDays(TEST_SETTLE_DAYS);
        LocalDate testFrom = testUntil.minusDays(TEST_DAYS);
        LocalDate trainFrom = testFrom.minusDays(TRAIN_DAYS);
        List<PredictionRepository.Paid> paid = repository.paid(date, trainFrom.minusDays(2 * 365));
        CollectorFacts facts =
                new CollectorFacts(repository.disputes(date), repository.promises(date), repository.steps(date));
        List<PaymentModelFit.Observation> train = new ArrayList<>();
        List<PaymentModelFit.Observation> test = new ArrayList<>();
        Map<Long, List<PaidInvoice>> byCustomer = new HashMap<>();
        for (PredictionRepository.Paid p : paid) {
            byCustomer.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p.invoice());
        }
        for (PredictionRepository.Paid p : paid) {
            LocalDate due = p.invoice().dueDate();
            if (due.isBefore(trainFrom) || !due.isBefore(testUntil)) continue;
            List<PaidInvoice> history = historyBefore(byCustomer.get(p.customerId()), due);
            var observation = new PaymentModelFit.Observation(
                    history,
                    facts.at(p.customerId(), p.invoiceId(), due, p.invoice().amount(), due),
                    p.invoice().paidOn());
            (due.isBefore(testFrom) ? train : test).add(observation);
        }
        if (train.size() < MIN_PAID || test.isEmpty()) {
            throw ProblemException.ruleViolation(
                    "asOf",
                    ("Too little paid history to fit: %d paid invoices fell due between %s and %s (at least %d"
                                    + " needed) and %d between %s and %s for the out-of-time test")
                            .formatted(train.size(), trainFrom, testFrom, MIN_PAID, test.size(), testFrom, testUntil));
        }
        PaymentModelFit.Outcome outcome = PaymentModelFit.fit(train, test, grace);
        PaymentModel m = outcome.model();
        List<PaymentFitReport.Weight> weights = new ArrayList<>();
        for (int j = 0; j < PaymentFeatures.NAMES.size(); j++) {
            weights.add(new PaymentFitReport.Weight(
                    PaymentFeatures.NAMES.get(j), m.lateCoefficients()[j], m.daysCoefficients()[j]));
        }
        PaymentFitReport report = new PaymentFitReport(
                null,
                date,
                grace,
                trainFrom,
                testFrom,
                testUntil,
                outcome.trainObservations(),
                outcome.testObservations(),
                outcome.testLateShare(),
                quality(outcome.modelTest()),
                quality(outcome.modelTrain()),
                quality(outcome.baselineTest()),
                outcome.beatsBaseline(),
                m.snapToPayDay(),
                weights);
        long id = repository.insertModel(new StoredModel(
                0,
                date,
                caller.username(),
                now(),
                PaymentFeatures.NAMES,
                m,
                json.writeValueAsString(report),
                "FITTED",
                null,
                null));
        return withId(report, id);
    }

    /** Makes a fitted model the one predictions use (audited); the predictions follow at the next run. */
    @Transactional
    public StoredModel adopt(long id, @Nullable String reason, Caller caller) {
        require(caller, ADOPTERS, "Only a credit manager adopts a payment model");
        StoredModel model = repository
                .model(id)
                .orElseThrow(() ->
                        ProblemException.notFound("No payment model " + id).withKey("problem.text.noPaymentModel", id));
        if (model.status().equals("ADOPTED")) return model;
        Long before = repository.adopted().map(StoredModel::id).orElse(null);
        repository.adopt(id, caller.username(), now());
        audit.record(
                caller.username(),
                "PAYMENT_MODEL_ADOPTED",
                "PAYMENT_MODEL",
                String.valueOf(id),
                before == null ? null : new Adoption(before),
                new Adoption(id),
                reason);
        return repository.model(id).orElseThrow();
    }

    record Adoption(long adoptedModelId) {}

    public List<StoredModel> models() {
        return repository.models();
    }

    PaymentFitReport report(StoredModel model) {
        return withId(json.readValue(model.report(), PaymentFitReport.class), model.id());
    }

    private static PaymentFitReport withId(PaymentFitReport r, long id) {
        return new PaymentFitReport(
                id,
                r.asOf(),
                r.graceDays(),
                r.trainFrom(),
                r.testFrom(),
                r.testUntil(),
                r.trainInvoices(),
                r.testInvoices(),
                r.testLateShare(),
                r.model(),
                r.modelTrain(),
                r.baseline(),
                r.beatsBaseline(),
                r.snapToPayDay(),
                r.weights());
    }

    /** The customer's invoices paid before {@code t} (its list is in paid order), newest first, at most the history. */
    static List<PaidInvoice> historyBefore(List<PaidInvoice> paidInOrder, LocalDate t) {
        int lo = 0, hi = paidInOrder.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (paidInOrder.get(mid).paidOn().isBefore(t)) lo = mid + 1;
            else hi = mid;
        }
        List<PaidInvoice> history = new ArrayList<>(PaymentFeatures.HISTORY);
        for (int i = lo - 1; i >= 0 && history.size() < PaymentFeatures.HISTORY; i--) history.add(paidInOrder.get(i));
        return history;
    }

    /** Adds the paid invoices paid later than the grace ({@code [0]}) and all of them ({@code [1]}). */
    private static void countLate(Map<Long, List<PaidInvoice>> history, int grace, long[] lateOfAll) {
        for (List<PaidInvoice> invoices : history.values()) {
            for (PaidInvoice p : invoices) {
                lateOfAll[1]++;
                if (p.daysLate() > grace) lateOfAll[0]++;
            }
        }
    }

    private static PaymentFitReport.Quality quality(PaymentModelFit.Quality q) {
        return new PaymentFitReport.Quality(round(q.auc(), 4), round(q.maeDays(), 2));
    }

    private static double round(double value, int places) {
        if (Double.isNaN(value)) return value;
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    private static void require(Caller caller, Set<Role> roles, String message) {
        if (caller.roles().stream().noneMatch(roles::contains) || caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden(message);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

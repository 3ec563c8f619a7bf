package org.creditdesk.appraisal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.appraisal.AppraisalRepository.Closing;
import org.creditdesk.appraisal.AppraisalRepository.Rep;
import org.creditdesk.appraisal.AppraisalRepository.Streak;
import org.creditdesk.appraisal.KpiRepository.WorstCustomer;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales appraisal: KPIs per rep and period, ratings, grades and measures, period close and corrections.
 * Who sees what: the credit department, management, finance and auditors every rep; a sales manager the reps
 * of his areas; a sales rep only himself; everybody else nothing (403). Ratings are for credit managers and,
 * for the reps of their areas, sales managers.
 */
@Service
public class Appraisals {

    private static final Set<Role> SEE_ALL = Set.of(
            Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER, Role.CREDIT_SUPERVISOR, Role.FINANCE, Role.AUDITOR);
    private static final Set<Role> CLOSERS = Set.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER);
    private static final Set<Role> SETTINGS_EDITORS = Set.of(Role.ADMIN, Role.GENERAL_MANAGER);
    private static final Set<Role> RECOMPUTERS = Set.of(
            Role.ADMIN,
            Role.GENERAL_MANAGER,
            Role.CREDIT_MANAGER,
            Role.CREDIT_SUPERVISOR,
            Role.FINANCE,
            Role.SALES_MANAGER);

    private final KpiRepository kpis;
    private final KpiSnapshotRepository snapshots;
    private final AppraisalRepository repository;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    Appraisals(
            KpiRepository kpis,
            KpiSnapshotRepository snapshots,
            AppraisalRepository repository,
            AuditTrail audit,
            BusinessCalendar calendar,
            JsonMapper json) {
        this.kpis = kpis;
        this.snapshots = snapshots;
        this.repository = repository;
        this.audit = audit;
        this.calendar = calendar;
        this.json = json;
    }

    /** Which reps a caller sees: every rep of some areas (none = all), or exactly one rep. */
    record Scope(String[] areas, String @Nullable [] reps) {
        boolean includes(RepKpis k) {
            return includes(k.salesRep(), k.area());
        }

        boolean includes(String rep, @Nullable String area) {
            if (reps != null) return List.of(reps).contains(rep);
            return areas.length == 0 || (area != null && List.of(areas).contains(area));
        }
    }

    Scope scope(Caller caller) {
        if (caller.roles().stream().anyMatch(SEE_ALL::contains)) return new Scope(new String[0], null);
        if (caller.has(Role.SALES_MANAGER)) return new Scope(caller.areaFilter(), null);
        if (caller.has(Role.SALES_REP)) {
            String own = repository
                    .repOfLogin(caller.username())
                    .orElseThrow(() -> ProblemException.forbidden("No sales rep is linked to your login")
                            .withKey("problem.text.noSalesRepIsLinkedToYour"));
            return new Scope(new String[0], new String[] {own});
        }
        throw ProblemException.forbidden("Only managers, the credit department, finance and sales see appraisals")
                .withKey("problem.text.onlyManagersTheCreditDepartmentFinanceAnd");
    }

    /** The rep a sales rep login stands for, if any. */
    @Transactional(readOnly = true)
    public Optional<String> ownRep(Caller caller) {
        return caller.has(Role.SALES_REP) && !caller.has(Role.SALES_MANAGER)
                ? repository.repOfLogin(caller.username())
                : Optional.empty();
    }

    public static AppraisalPeriod period(String text) {
        return AppraisalPeriod.parse(text)
                .orElseThrow(() -> ProblemException.malformed(
                                "Unknown period " + text,
                                List.of(Violation.field("period", "must be YYYY-MM, YYYY-Qn or YYYY")))
                        .withKey("problem.text.unknownPeriod", text));
    }

    /** API.md {@code GET /appraisals/kpis}: the live KPIs (open or closed period alike), optionally one rep or area. */
    @Transactional(readOnly = true)
    public List<KpiRow> kpis(
            String periodText,
            @Nullable LocalDate asOf,
            @Nullable String salesRep,
            @Nullable String area,
            Caller caller) {
        AppraisalPeriod period = period(periodText);
        Scope scope = scope(caller);
        AppraisalSettings settings = repository.settings();
        return liveKpis(period, calendar.asOfOrToday(asOf), scope, salesRep, area).stream()
                .map(k -> KpiRow.of(k, KpiScoring.score(k, settings)))
                .toList();
    }

    private List<RepKpis> liveKpis(
            AppraisalPeriod period, LocalDate asOf, Scope scope, @Nullable String salesRep, @Nullable String area) {
        LocalDate end = asOf.isBefore(period.end()) ? asOf : period.end();
        List<String> reps = new ArrayList<>();
        if (scope.reps() != null) reps.addAll(List.of(scope.reps()));
        if (salesRep != null) {
            if (scope.reps() != null && !reps.contains(salesRep)) return List.of();
            reps = List.of(salesRep);
        }
        List<String> areas = new ArrayList<>(List.of(scope.areas()));
        if (area != null) {
            if (!areas.isEmpty() && !areas.contains(area)) return List.of();
            areas = List.of(area);
        }
        if (end.isBefore(period.start())) end = period.start().minusDays(1);
        return kpis.kpis(
                period.start(),
                end,
                asOf,
                calendar.baseCurrency().getCurrencyCode(),
                reps.toArray(String[]::new),
                areas.toArray(String[]::new));
    }

    /** API.md {@code GET /appraisals/{period}}: every visible rep's KPIs, rating and grade. */
    @Transactional(readOnly = true)
    public AppraisalSheet sheet(String periodText, @Nullable LocalDate asOf, Caller caller) {
        AppraisalPeriod period = period(periodText);
        Scope scope = scope(caller);
        Optional<Closing> closing = repository.latestClosing(period.key());
        if (closing.isPresent()) return frozen(period, closing.get(), scope);
        if (asOf == null) {
            Optional<KpiSnapshotRepository.Stored> stored = snapshots.find(period.key());
            if (stored.isPresent()) {
                List<RepKpis> all = List.of(json.readValue(stored.get().kpis(), RepKpis[].class));
                return open(
                        period,
                        stored.get().asOf(),
                        stored.get().computedAt(),
                        all.stream().filter(scope::includes).toList());
            }
        }
        return live(period, calendar.asOfOrToday(asOf), scope);
    }

    private AppraisalSheet live(AppraisalPeriod period, LocalDate asOf, Scope scope) {
        return open(period, asOf, null, liveKpis(period, asOf, scope, null, null));
    }

    /**
     * Computes every rep's KPIs of an open period as of today (or the period's end) and stores them for
     * the board (V71); managers do this when the day's bookings must show before the next daily run.
     */
    @Transactional
    public AppraisalSheet recompute(String periodText, Caller caller) {
        AppraisalPeriod period = period(periodText);
        if (caller.roles().stream().noneMatch(RECOMPUTERS::contains)) {
            throw ProblemException.forbidden("Only managers, the credit department and finance recompute KPIs")
                    .withKey("problem.text.onlyManagersRecomputeKpis");
        }
        if (repository.latestClosing(period.key()).isPresent()) {
            throw ProblemException.conflict("Period " + period.key() + " is closed; its KPIs are frozen")
                    .withKey("problem.text.periodIsClosedItsKpisAreFrozen", period.key());
        }
        storeSnapshot(period, calendar.today(), caller.username());
        return sheet(periodText, null, caller);
    }

    /** After a daily run: the KPIs of the open month, quarter and year of its date, for the boards. */
    @Transactional
    public void snapshotAfterDailyRun(LocalDate runDate) {
        AppraisalPeriod month = AppraisalPeriod.month(java.time.YearMonth.from(runDate));
        AppraisalPeriod quarter = AppraisalPeriod.quarterOf(runDate);
        AppraisalPeriod year = period(String.valueOf(runDate.getYear()));
        for (AppraisalPeriod period : List.of(month, quarter, year)) {
            if (repository.latestClosing(period.key()).isEmpty()) storeSnapshot(period, runDate, "daily run");
        }
    }

    private void storeSnapshot(AppraisalPeriod period, LocalDate asOf, String by) {
        List<RepKpis> all = liveKpis(period, asOf, new Scope(new String[0], null), null, null);
        snapshots.store(period.key(), asOf, now(), by, json.writeValueAsString(all));
    }

    private AppraisalSheet open(
            AppraisalPeriod period, LocalDate asOf, @Nullable OffsetDateTime computedAt, List<RepKpis> kpis) {
        AppraisalSettings settings = repository.settings();
        List<Measure> measures = repository.measures();
        Map<String, Rating> ratings = repository.ratings(period.key());
        Map<String, Streak> previous = repository.streaks(period.previous().key());
        List<RepAppraisal> reps = kpis.stream()
                .map(k -> appraise(k, ratings.get(k.salesRep()), previous.get(k.salesRep()), settings, measures))
                .toList();
        return new AppraisalSheet(
                period.key(),
                period.start(),
                period.end(),
                asOf,
                "OPEN",
                null,
                null,
                null,
                calendar.baseCurrency().getCurrencyCode(),
                computedAt,
                reps);
    }

    private AppraisalSheet frozen(AppraisalPeriod period, Closing closing, Scope scope) {
        List<RepAppraisal> reps = repository.results(period.key(), closing.revision()).stream()
                .map(text -> json.readValue(text, RepAppraisal.class))
                .filter(r -> scope.includes(r.kpis()))
                .toList();
        return new AppraisalSheet(
                period.key(),
                period.start(),
                period.end(),
                closing.asOf(),
                "CLOSED",
                closing.revision(),
                closing.closedBy(),
                closing.closedAt(),
                calendar.baseCurrency().getCurrencyCode(),
                null,
                reps);
    }

    private static RepAppraisal appraise(
            RepKpis k,
            @Nullable Rating rating,
            @Nullable Streak previous,
            AppraisalSettings settings,
            List<Measure> measures) {
        KpiScore score = KpiScoring.score(k, settings);
        BigDecimal commission = settings.commissionEnabled()
                ? k.collected().multiply(settings.commissionRate()).setScale(2, RoundingMode.HALF_UP)
                : null;
        return new RepAppraisal(k, score, rating, assess(score, rating, previous, settings, measures), commission);
    }

    private static @Nullable Assessment assess(
            KpiScore score,
            @Nullable Rating rating,
            @Nullable Streak previous,
            AppraisalSettings settings,
            List<Measure> measures) {
        if (rating == null) return null;
        Grading.Outcome outcome = Grading.grade(
                rating.responsibility(),
                rating.execution(),
                rating.communication(),
                rating.experience(),
                score.value(),
                settings);
        int streak = previous == null ? 1 : Grading.streak(outcome.grade(), previous.grade(), previous.streak());
        return new Assessment(
                outcome.attitude(),
                outcome.ability(),
                outcome.grade(),
                streak,
                Grading.measures(outcome.grade(), streak, measures));
    }

    /** API.md {@code PUT /appraisals/{period}/ratings/{salesRep}}. */
    @Transactional
    public RatingResult rate(String periodText, String salesRep, RatingInput input, Caller caller) {
        AppraisalPeriod period = period(periodText);
        Rep rep = mayRate(salesRep, caller);
        validate(input);
        repository.lockPeriod(period.key());
        requireOpen(period);
        Rating before = repository.ratings(period.key()).get(rep.code());
        Rating rating = rating(input, caller);
        repository.saveRating(period.key(), rep.code(), rating);
        audit.record(
                caller.username(),
                "APPRAISAL_RATED",
                "appraisal_rating",
                period.key() + "/" + rep.code(),
                before,
                rating,
                input.note());
        RepAppraisal appraisal = live(period, calendar.today(), new Scope(new String[0], new String[] {rep.code()}))
                .reps()
                .getFirst();
        return result(period.key(), appraisal);
    }

    /**
     * Rates several reps of an open period at once (a manager's whole list), each checked and audited as
     * {@link #rate} does, without computing each rep's appraisal afterwards (one KPI statement per rep).
     */
    @Transactional
    public void rateAll(String periodText, Map<String, RatingInput> ratings, Caller caller) {
        AppraisalPeriod period = period(periodText);
        ratings.values().forEach(Appraisals::validate);
        repository.lockPeriod(period.key());
        requireOpen(period);
        Map<String, Rating> before = repository.ratings(period.key());
        ratings.forEach((salesRep, input) -> {
            Rep rep = mayRate(salesRep, caller);
            Rating rating = rating(input, caller);
            repository.saveRating(period.key(), rep.code(), rating);
            audit.record(
                    caller.username(),
                    "APPRAISAL_RATED",
                    "appraisal_rating",
                    period.key() + "/" + rep.code(),
                    before.get(rep.code()),
                    rating,
                    input.note());
        });
    }

    /** A closed period's ratings change only by corrections (409 naming the endpoint). */
    private void requireOpen(AppraisalPeriod period) {
        if (repository.latestClosing(period.key()).isPresent()) {
            throw ProblemException.conflict("Appraisal period " + period.key()
                            + " is closed; a change is a correction (POST /appraisals/" + period.key()
                            + "/corrections)")
                    .withKey("problem.text.appraisalPeriodIsClosedAChangeIs", period.key(), period.key());
        }
    }

    private RatingResult result(String period, RepAppraisal appraisal) {
        Assessment a = Objects.requireNonNull(appraisal.assessment());
        return new RatingResult(
                period,
                appraisal.kpis().salesRep(),
                appraisal.score().value(),
                a.attitude(),
                a.ability(),
                a.grade(),
                a.streak(),
                a.actions());
    }

    private Rating rating(RatingInput input, Caller caller) {
        return new Rating(
                Objects.requireNonNull(input.responsibility()),
                Objects.requireNonNull(input.execution()),
                Objects.requireNonNull(input.communication()),
                Objects.requireNonNull(input.experience()),
                input.note(),
                caller.username(),
                OffsetDateTime.ofInstant(calendar.clock().instant(), ZoneOffset.UTC));
    }

    private static void validate(RatingInput input) {
        List<Violation> problems = input.violations();
        if (!problems.isEmpty())
            throw ProblemException.ruleViolation("The rating is not valid", problems)
                    .withKey("problem.text.theRatingIsNotValid");
    }

    /** A credit manager rates every rep; a sales manager the reps of his areas; nobody else. */
    private Rep mayRate(String salesRep, Caller caller) {
        Rep rep = repository
                .rep(salesRep)
                .orElseThrow(() -> ProblemException.notFound("Unknown sales rep " + salesRep)
                        .withKey("problem.text.unknownSalesRep", salesRep));
        if (caller.has(Role.CREDIT_MANAGER)) return rep;
        if (caller.has(Role.SALES_MANAGER)
                && (caller.seesAllAreas() || (rep.area() != null && caller.sees(rep.area())))) {
            return rep;
        }
        throw ProblemException.forbidden(
                        "Only a credit manager, or a sales manager of the rep's area, rates sales rep " + salesRep)
                .withKey("problem.text.onlyACreditManagerOrASales", salesRep);
    }

    /** API.md {@code POST /appraisals/{period}/close}: freezes every rep's KPIs, rating and grade. */
    @Transactional
    public AppraisalSheet close(String periodText, @Nullable String reason, Caller caller) {
        AppraisalPeriod period = period(periodText);
        if (caller.roles().stream().noneMatch(CLOSERS::contains)) {
            throw ProblemException.forbidden("Only a credit manager, the general manager or an admin closes a period")
                    .withKey("problem.text.onlyACreditManagerTheGeneralManager");
        }
        LocalDate today = calendar.today();
        if (!period.isOverOn(today)) {
            throw ProblemException.ruleViolation(
                            "period", "Period " + period.key() + " is not over until " + period.end())
                    .withKey("problem.text.periodIsNotOverUntil", period.key(), period.end());
        }
        repository.lockPeriod(period.key());
        if (repository.latestClosing(period.key()).isPresent()) {
            throw ProblemException.conflict("Appraisal period " + period.key() + " is already closed")
                    .withKey("problem.text.appraisalPeriodIsAlreadyClosed", period.key());
        }
        AppraisalSheet sheet = live(period, today, new Scope(new String[0], null));
        Closing closing = new Closing(1, today, caller.username(), now(), reason);
        store(period, closing, sheet.reps());
        audit.record(
                caller.username(),
                "APPRAISAL_PERIOD_CLOSED",
                "appraisal_period",
                period.key(),
                null,
                Map.of(
                        "revision",
                        1,
                        "asOf",
                        today.toString(),
                        "reps",
                        sheet.reps().size()),
                reason);
        return sheet(period.key(), null, caller);
    }

    /** A correction of a closed period: a new revision with one rep's rating replaced, audited with a reason. */
    @Transactional
    public AppraisalSheet correct(
            String periodText, String salesRep, RatingInput input, @Nullable String reason, Caller caller) {
        AppraisalPeriod period = period(periodText);
        Rep rep = mayRate(salesRep, caller);
        if (reason == null || reason.isBlank())
            throw ProblemException.ruleViolation("reason", "is required for a correction")
                    .withKey("problem.text.isRequiredForACorrection");
        validate(input);
        repository.lockPeriod(period.key());
        Closing previous = repository
                .latestClosing(period.key())
                .orElseThrow(() -> ProblemException.conflict("Appraisal period " + period.key()
                                + " is open: rate it with PUT /appraisals/" + period.key() + "/ratings/" + salesRep)
                        .withKey("problem.text.appraisalPeriodIsOpenRateItWith", period.key(), period.key(), salesRep));
        AppraisalSettings settings = repository.settings();
        List<Measure> measures = repository.measures();
        Map<String, Streak> before = repository.streaks(period.previous().key());
        List<RepAppraisal> reps = new ArrayList<>();
        RepAppraisal old = null;
        RepAppraisal corrected = null;
        for (String text : repository.results(period.key(), previous.revision())) {
            RepAppraisal r = json.readValue(text, RepAppraisal.class);
            if (r.kpis().salesRep().equals(rep.code())) {
                old = r;
                Rating rating = rating(input, caller);
                r = new RepAppraisal(
                        r.kpis(),
                        r.score(),
                        rating,
                        assess(r.score(), rating, before.get(rep.code()), settings, measures),
                        r.commission());
                corrected = r;
            }
            reps.add(r);
        }
        if (corrected == null)
            throw ProblemException.notFound("Sales rep " + salesRep + " is not in closed period " + period.key())
                    .withKey("problem.text.salesRepIsNotInClosedPeriod", salesRep, period.key());
        Closing closing = new Closing(previous.revision() + 1, previous.asOf(), caller.username(), now(), reason);
        store(period, closing, reps);
        audit.record(
                caller.username(),
                "APPRAISAL_CORRECTED",
                "appraisal_period",
                period.key() + "/" + rep.code(),
                old,
                corrected,
                reason);
        return sheet(period.key(), null, caller);
    }

    private void store(AppraisalPeriod period, Closing closing, List<RepAppraisal> reps) {
        repository.insertClosing(period.key(), closing);
        int position = 0;
        for (RepAppraisal r : reps) {
            Assessment a = r.assessment();
            repository.insertResult(
                    period.key(),
                    closing.revision(),
                    r.kpis().salesRep(),
                    position++,
                    json.writeValueAsString(r),
                    a == null ? null : a.grade(),
                    a == null ? null : a.streak());
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(calendar.clock().instant(), ZoneOffset.UTC);
    }

    /** One rep's page: the period's appraisal, the KPI trend over 8 quarters and the worst customers. */
    public record RepView(
            RepAppraisal appraisal,
            boolean closed,
            List<AppraisalPeriod> quarters,
            List<KpiRow> trend,
            List<WorstCustomerView> worstCustomers,
            boolean mayRate) {}

    public record WorstCustomerView(String code, String name, BigDecimal overdue, int maxDays) {}

    @Transactional(readOnly = true)
    public RepView rep(String periodText, String salesRep, @Nullable LocalDate asOf, Caller caller) {
        AppraisalPeriod period = period(periodText);
        Scope scope = scope(caller);
        Rep rep = repository
                .rep(salesRep)
                .orElseThrow(() -> ProblemException.notFound("Unknown sales rep " + salesRep)
                        .withKey("problem.text.unknownSalesRep", salesRep));
        if (!scope.includes(rep.code(), rep.area()))
            throw ProblemException.notFound("Unknown sales rep " + salesRep)
                    .withKey("problem.text.unknownSalesRep", salesRep);
        Scope one = new Scope(new String[0], new String[] {rep.code()});
        Optional<Closing> closing = repository.latestClosing(period.key());
        AppraisalSheet sheet = closing.isPresent()
                ? frozen(period, closing.get(), one)
                : live(period, calendar.asOfOrToday(asOf), one);
        RepAppraisal appraisal = sheet.reps().stream()
                .filter(r -> r.kpis().salesRep().equals(rep.code()))
                .findFirst()
                .orElseThrow(
                        () -> ProblemException.notFound("Sales rep " + salesRep + " is not in period " + period.key())
                                .withKey("problem.text.salesRepIsNotInPeriod", salesRep, period.key()));
        LocalDate date = calendar.asOfOrToday(asOf);
        AppraisalSettings settings = repository.settings();
        List<AppraisalPeriod> quarters = period.eightQuartersTo();
        List<KpiRow> trend = quarters.stream()
                .flatMap(q -> liveKpis(q, date, one, null, null).stream())
                .map(k -> KpiRow.of(k, KpiScoring.score(k, settings)))
                .toList();
        LocalDate end = date.isBefore(period.end()) ? date : period.end();
        List<WorstCustomerView> worst =
                kpis.worstCustomers(rep.code(), end, calendar.baseCurrency().getCurrencyCode(), 10).stream()
                        .map((WorstCustomer w) -> new WorstCustomerView(w.code(), w.name(), w.overdue(), w.maxDays()))
                        .toList();
        boolean mayRate;
        try {
            mayRate(rep.code(), caller);
            mayRate = true;
        } catch (ProblemException e) {
            mayRate = false;
        }
        return new RepView(appraisal, sheet.closed(), quarters, trend, worst, mayRate);
    }

    @Transactional(readOnly = true)
    public AppraisalSettings settings() {
        return repository.settings();
    }

    @Transactional(readOnly = true)
    public List<Measure> measures() {
        return repository.measures();
    }

    /** Changes the settings (admin, general manager), audited. */
    @Transactional
    public AppraisalSettings saveSettings(AppraisalSettings settings, @Nullable String reason, Caller caller) {
        if (caller.roles().stream().noneMatch(SETTINGS_EDITORS::contains)) {
            throw ProblemException.forbidden("Only an admin or the general manager changes the appraisal settings")
                    .withKey("problem.text.onlyAnAdminOrTheGeneralManager");
        }
        List<Violation> problems = settings.violations();
        if (!problems.isEmpty())
            throw ProblemException.ruleViolation("The appraisal settings are not valid", problems)
                    .withKey("problem.text.theAppraisalSettingsAreNotValid");
        AppraisalSettings before = repository.settings();
        repository.saveSettings(settings, caller.username());
        audit.record(
                caller.username(), "APPRAISAL_SETTINGS_CHANGED", "appraisal_settings", "1", before, settings, reason);
        return repository.settings();
    }
}

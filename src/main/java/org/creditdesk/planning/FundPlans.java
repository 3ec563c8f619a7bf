package org.creditdesk.planning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund plan's public face: write the year's draft, approve it (general manager), and put the plan
 * beside the ledger's actuals; the DSO trend and customer profitability after capital cost.
 */
@Service
public class FundPlans {

    static final String AUDIT_SUBJECT = "FUND_PLAN";
    static final Set<Role> PLANNERS = EnumSet.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER, Role.FINANCE);
    static final int MAX_TREND_MONTHS = 36;
    static final int MAX_CONTRACTS = 1000;

    /** How the customer profitability list is sorted. */
    public enum Ranking {
        CAPITAL_COST,
        MARGIN_AFTER_CAPITAL_COST
    }

    private final FundPlanRepository plans;
    private final PlanActualsRepository actuals;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;
    private final ContractLineRepository contracts;
    private final PlanSnapshotRepository snapshots;

    FundPlans(
            FundPlanRepository plans,
            PlanActualsRepository actuals,
            PlanSnapshotRepository snapshots,
            ContractLineRepository contracts,
            BusinessCalendar calendar,
            AuditTrail audit,
            Clock clock) {
        this.plans = plans;
        this.actuals = actuals;
        this.snapshots = snapshots;
        this.contracts = contracts;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** The year's newest draft, else its approved plan (area-scoped callers see their areas' nodes). */
    @Transactional(readOnly = true)
    public FundPlan plan(int year, Caller caller) {
        FundPlan plan = plans.find(year, EnumSet.of(FundPlan.Status.DRAFT))
                .or(() -> plans.find(year, EnumSet.of(FundPlan.Status.APPROVED)))
                .orElseThrow(() -> ProblemException.notFound("No fund plan for " + year)
                        .withKey("problem.text.noFundPlanFor", year));
        return scoped(plan, caller);
    }

    /** The plan that steers credit in the year, if one was approved. */
    @Transactional(readOnly = true)
    public java.util.Optional<FundPlan> approved(int year, Caller caller) {
        return plans.find(year, EnumSet.of(FundPlan.Status.APPROVED)).map(p -> scoped(p, caller));
    }

    @Transactional
    public FundPlan save(int year, FundPlanInput input, Caller caller) {
        if (caller.roles().stream().noneMatch(PLANNERS::contains)) {
            throw ProblemException.forbidden(
                            "Only ADMIN, GENERAL_MANAGER, CREDIT_MANAGER or FINANCE may write fund plans")
                    .withKey("problem.text.onlyADMINGENERALMANAGERCREDITMANAGEROr");
        }
        requireYear(year);
        plans.lockYear(year);
        List<String> codes = input.customers() == null
                ? List.of()
                : input.customers().stream()
                        .map(FundPlanInput.Customer::customerCode)
                        .filter(c -> c != null)
                        .map(String::strip)
                        .toList();
        PlanContent content = PlanRules.validate(input, plans.known(codes));
        FundPlan before = plans.find(year, EnumSet.of(FundPlan.Status.DRAFT)).orElse(null);
        plans.writeDraft(year, content, caller.username(), now());
        FundPlan after = plans.find(year, EnumSet.of(FundPlan.Status.DRAFT)).orElseThrow();
        audit.record(
                caller.username(),
                "FUND_PLAN_DRAFTED",
                AUDIT_SUBJECT,
                String.valueOf(year),
                before,
                after,
                "draft version " + after.version());
        return after;
    }

    @Transactional
    public FundPlan approve(int year, @Nullable String comment, Caller caller) {
        if (!caller.has(Role.GENERAL_MANAGER)) {
            throw ProblemException.forbidden("Only a GENERAL_MANAGER approves the fund plan")
                    .withKey("problem.text.onlyAGENERALMANAGERApprovesTheFund");
        }
        plans.lockYear(year);
        long draft = plans.idOf(year, FundPlan.Status.DRAFT)
                .orElseThrow(() -> ProblemException.conflict("There is no draft fund plan for " + year + " to approve")
                        .withKey("problem.text.thereIsNoDraftFundPlanFor", year));
        FundPlan before = plans.find(year, EnumSet.of(FundPlan.Status.APPROVED)).orElse(null);
        plans.approve(year, draft, caller.username(), now());
        FundPlan after = plans.find(year, EnumSet.of(FundPlan.Status.APPROVED)).orElseThrow();
        audit.record(
                caller.username(),
                "FUND_PLAN_APPROVED",
                AUDIT_SUBJECT,
                String.valueOf(year),
                before,
                after,
                comment == null || comment.isBlank() ? "version " + after.version() + " approved" : comment.strip());
        return after;
    }

    /** Plan against actual as of the date (in the plan's year), at one level of the tree. */
    @Transactional(readOnly = true)
    public PlanStatusReport status(int year, @Nullable LocalDate asOf, Level level, Caller caller) {
        return status(year, asOf, level, caller, Integer.MAX_VALUE);
    }

    /**
     * The same, with at most {@code customersPerNode} customers (the largest receivables) of each product line
     * and area besides those the plan names: what a page can show.
     */
    @Transactional(readOnly = true)
    public PlanStatusReport status(
            int year, @Nullable LocalDate asOf, Level level, Caller caller, int customersPerNode) {
        FundPlan plan = plans.find(year, EnumSet.of(FundPlan.Status.APPROVED))
                .or(() -> plans.find(year, EnumSet.of(FundPlan.Status.DRAFT)))
                .orElseThrow(() -> ProblemException.notFound("No fund plan for " + year)
                        .withKey("problem.text.noFundPlanFor", year));
        Optional<PlanSnapshotRepository.Header> stored = snapshots
                .header()
                .filter(h -> asOf == null
                        ? h.asOf().getYear() == year && current(h)
                        : h.asOf().equals(asOf));
        LocalDate date;
        List<NodeMeasures> measures;
        if (stored.isPresent()) {
            date = stored.get().asOf();
            measures = level == Level.PRODUCT_LINE && caller.areaFilter().length > 0
                    ? measure(snapshots.movements(level, caller.areaFilter()), date)
                    : snapshots.measures(level, caller.areaFilter(), customersPerNode);
        } else {
            date = dateIn(year, asOf);
            measures = largest(
                    measure(
                            actuals.movements(
                                    level, new MonthWindow(date, PlanVersusActual.STATUS_MONTHS), caller.areaFilter()),
                            date),
                    customersPerNode);
        }
        List<PlanNodeStatus> nodes = PlanVersusActual.compare(plan, level, date, measures, caller.areas());
        return new PlanStatusReport(
                plan.year(),
                plan.version(),
                plan.status(),
                date,
                level.parameter(),
                plan.costOfCapitalRate(),
                date.withDayOfYear(1),
                stored.map(PlanSnapshotRepository.Header::computedAt).orElse(null),
                nodes);
    }

    /** Customers ranked by capital cost (highest first) or by margin after it (lowest first). */
    @Transactional(readOnly = true)
    public PlanStatusReport profitability(int year, @Nullable LocalDate asOf, Ranking ranking, Caller caller) {
        PlanStatusReport report = status(year, asOf, Level.CUSTOMER, caller);
        Comparator<PlanNodeStatus> order = switch (ranking) {
            case CAPITAL_COST ->
                Comparator.comparing(PlanNodeStatus::capitalCost).reversed();
            case MARGIN_AFTER_CAPITAL_COST ->
                Comparator.comparing(
                        PlanNodeStatus::marginAfterCapitalCost, Comparator.nullsLast(Comparator.naturalOrder()));
        };
        List<PlanNodeStatus> nodes = new ArrayList<>(report.nodes());
        nodes.sort(order.thenComparing(PlanNodeStatus::key));
        return new PlanStatusReport(
                report.year(),
                report.version(),
                report.planStatus(),
                report.asOf(),
                report.level(),
                report.costOfCapitalRate(),
                report.periodFrom(),
                report.computedAt(),
                nodes);
    }

    /** Count-back DSO at the end of each of the last {@code months} months (the newest: the date). */
    @Transactional(readOnly = true)
    public DsoTrend dsoTrend(@Nullable LocalDate asOf, Level level, int months, Caller caller) {
        if (months < 1 || months > MAX_TREND_MONTHS) {
            throw ProblemException.malformed(
                            "months out of range",
                            List.of(Violation.field("months", "months must be from 1 to " + MAX_TREND_MONTHS)))
                    .withKey("problem.text.monthsOutOfRange");
        }
        int horizon = PlanVersusActual.STATUS_MONTHS;
        // Areas and product lines keep their movements over the longest trend's window in the stored actuals.
        Optional<PlanSnapshotRepository.Header> stored = level == Level.CUSTOMER
                ? Optional.empty()
                : snapshots
                        .header()
                        .filter(h -> h.months() >= months + horizon
                                && (asOf == null ? current(h) : h.asOf().equals(asOf)));
        LocalDate date = stored.map(PlanSnapshotRepository.Header::asOf).orElseGet(() -> calendar.asOfOrToday(asOf));
        MonthWindow window = new MonthWindow(date, months + horizon);
        List<NodeActuals> movements = stored.isPresent()
                ? snapshots.movements(level, caller.areaFilter()).stream()
                        .map(n -> n.narrow(window.months()))
                        .toList()
                : actuals.movements(level, window, caller.areaFilter());
        List<LocalDate> dates = new ArrayList<>(months);
        for (int j = horizon + 1; j <= window.months(); j++) dates.add(window.end(j));
        List<DsoTrend.Series> series = new ArrayList<>(movements.size());
        for (NodeActuals node : movements) {
            BigDecimal[] balances = node.receivables();
            List<DsoTrend.Point> points = new ArrayList<>(months);
            for (int j = horizon + 1; j <= window.months(); j++) {
                BigDecimal receivables = balances[j].setScale(2, RoundingMode.HALF_UP);
                points.add(new DsoTrend.Point(
                        window.end(j), receivables, CountBack.days(receivables, window.periods(node, j, horizon))));
            }
            series.add(new DsoTrend.Series(node.key(), points));
        }
        series.sort(Comparator.comparing(DsoTrend.Series::key));
        return new DsoTrend(
                date,
                level.parameter(),
                stored.map(PlanSnapshotRepository.Header::computedAt).orElse(null),
                dates,
                series);
    }

    /**
     * Value-added business by contract: each contract's open amount against its own credit line, the
     * most over its line first (at most {@code MAX_CONTRACTS}).
     */
    @Transactional(readOnly = true)
    public List<ContractLine> contracts(@Nullable LocalDate asOf, Caller caller) {
        return contracts.contracts(calendar.asOfOrToday(asOf), caller.areaFilter(), MAX_CONTRACTS);
    }

    /**
     * After a daily run of the current business day: plan against actual of every node as of its date, for
     * the status, the trend and the pages until the next run (V83).
     */
    public void storeActuals(LocalDate runDate) {
        snapshots.store(runDate, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    /** What was stored: as of which date, when, and how many nodes per level. */
    public record StoredActuals(LocalDate asOf, OffsetDateTime computedAt, Map<String, Integer> nodes) {}

    /**
     * A planner stores the actuals anew (today's, or as of an earlier date), e.g. after a large import during
     * the day; the status and trend answer from them until the next daily run.
     */
    public StoredActuals storeActuals(@Nullable LocalDate asOf, Caller caller) {
        if (caller.roles().stream().noneMatch(PLANNERS::contains)) {
            throw ProblemException.forbidden("Only planners (general manager, credit manager, finance) store actuals")
                    .withKey("problem.text.onlyPlannersStoreActuals");
        }
        LocalDate today = calendar.today();
        LocalDate date = asOf == null ? today : asOf;
        if (date.isAfter(today))
            throw ProblemException.ruleViolation("asOf", "asOf must not be after today " + today)
                    .withKey("problem.text.asOfMustNotBeAfterToday", today);
        storeActuals(date);
        PlanSnapshotRepository.Header header = snapshots.header().orElseThrow();
        return new StoredActuals(header.asOf(), header.computedAt(), snapshots.counts());
    }

    /**
     * Stored actuals stand for "today" while the run that stored them is at most a week away; after a longer
     * pause of the daily run the pages compute live rather than show old figures as today's.
     */
    private boolean current(PlanSnapshotRepository.Header stored) {
        LocalDate today = calendar.today();
        return !stored.asOf().isBefore(today.minusDays(7)) && !stored.asOf().isAfter(today.plusDays(7));
    }

    private static List<NodeMeasures> largest(List<NodeMeasures> measures, int perNode) {
        if (perNode == Integer.MAX_VALUE) return measures;
        Map<String, List<NodeMeasures>> byNode = new java.util.LinkedHashMap<>();
        for (NodeMeasures m : measures) {
            byNode.computeIfAbsent(Nodes.key(m.productLine(), m.area(), null), k -> new ArrayList<>())
                    .add(m);
        }
        List<NodeMeasures> kept = new ArrayList<>();
        for (List<NodeMeasures> node : byNode.values()) {
            node.sort(Comparator.comparing(NodeMeasures::receivables).reversed());
            kept.addAll(node.subList(0, Math.min(perNode, node.size())));
        }
        return kept;
    }

    private static List<NodeMeasures> measure(List<NodeActuals> movements, LocalDate date) {
        MonthWindow window = new MonthWindow(date, PlanVersusActual.STATUS_MONTHS);
        return movements.stream()
                .map(n -> NodeMeasures.of(n.narrow(window.months()), window))
                .toList();
    }

    private LocalDate dateIn(int year, @Nullable LocalDate asOf) {
        if (asOf == null) {
            LocalDate today = calendar.today();
            if (today.getYear() == year) return today;
            return today.getYear() > year ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
        }
        if (asOf.getYear() != year) {
            throw ProblemException.ruleViolation("asOf", "asOf must be in the plan's year " + year)
                    .withKey("problem.text.asofMustBeInThePlanS", year);
        }
        return asOf;
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2999) {
            throw ProblemException.malformed(
                            "year out of range", List.of(Violation.field("year", "year must be from 2000 to 2999")))
                    .withKey("problem.text.yearOutOfRange");
        }
    }

    /** Area-scoped callers see only their areas' nodes (and product lines only where they have one). */
    static FundPlan scoped(FundPlan plan, Caller caller) {
        if (caller.seesAllAreas()) return plan;
        List<FundPlan.AreaPlan> areas =
                plan.areas().stream().filter(a -> caller.sees(a.area())).toList();
        Set<String> lines = new java.util.HashSet<>();
        areas.forEach(a -> lines.add(a.productLine()));
        return new FundPlan(
                plan.year(),
                plan.version(),
                plan.status(),
                plan.capital(),
                plan.costOfCapitalRate(),
                plan.industryDays(),
                plan.productLines().stream()
                        .filter(l -> lines.contains(l.productLine()))
                        .toList(),
                areas,
                plan.customers().stream().filter(c -> caller.sees(c.area())).toList(),
                plan.draftedBy(),
                plan.draftedAt(),
                plan.approvedBy(),
                plan.approvedAt());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

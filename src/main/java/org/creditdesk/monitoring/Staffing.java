package org.creditdesk.monitoring;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Workload per credit supervisor and the headcount each area needs by the configured norm. */
@Service
public class Staffing {

    private static final Set<Role> NORM_KEEPERS = Set.of(Role.ADMIN, Role.GENERAL_MANAGER);

    private final StaffingRepository repository;
    private final AgingRepository aging;
    private final BusinessCalendar calendar;
    private final AuditTrail audit;
    private final Clock clock;

    Staffing(
            StaffingRepository repository,
            AgingRepository aging,
            BusinessCalendar calendar,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.aging = aging;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    /** Replaces the company's staffing norm (ADMIN, GENERAL_MANAGER); audited with the reason. */
    @Transactional
    public StaffingNorm changeNorm(StaffingNorm norm, String reason, Caller caller) {
        if (caller.roles().stream().noneMatch(NORM_KEEPERS::contains)) {
            throw ProblemException.forbidden("Only ADMIN and GENERAL_MANAGER change the staffing norm")
                    .withKey("problem.text.onlyADMINAndGENERALMANAGERChangeThe2");
        }
        StaffingNorm before = repository.norm();
        repository.saveNorm(norm);
        audit.record(caller.username(), "STAFFING_NORM_CHANGED", "SETTING", "staffing-norm", before, norm, reason);
        return norm;
    }

    @Transactional(readOnly = true)
    public StaffingReport report(@Nullable LocalDate asOf, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        String currency = calendar.baseCurrency().getCurrencyCode();
        StaffingNorm norm = repository.norm();
        OffsetDateTime storedAt = repository.storedAt(date, currency).orElse(null);
        List<StaffingRepository.AreaFigures> figures = storedAt != null
                ? repository.storedAreas(date, caller.areaFilter())
                : repository.areas(date, aging.openAmountsHold(date), currency, caller.areaFilter());
        Map<String, StaffingRepository.AreaFigures> byArea =
                figures.stream().collect(Collectors.toMap(StaffingRepository.AreaFigures::area, Function.identity()));

        List<StaffingReport.AreaStaffing> areas = new ArrayList<>();
        for (StaffingRepository.AreaFigures f : figures) {
            StaffingNorm.Headcount required = norm.required(f.annualSales(), f.customers());
            areas.add(new StaffingReport.AreaStaffing(
                    f.area(),
                    f.name(),
                    f.customers(),
                    f.annualSales(),
                    f.openReceivables(),
                    f.overdueReceivables(),
                    required.low(),
                    required.high(),
                    f.actual(),
                    required.assess(f.actual()),
                    f.supervisors()));
        }

        List<StaffingReport.SupervisorLoad> supervisors = new ArrayList<>();
        for (StaffingRepository.Supervisor s : repository.supervisors()) {
            List<StaffingRepository.AreaFigures> own =
                    s.areas().stream().map(byArea::get).filter(a -> a != null).toList();
            if (!caller.seesAllAreas() && own.isEmpty()) continue;
            supervisors.add(new StaffingReport.SupervisorLoad(
                    s.username(),
                    s.displayName(),
                    s.areas(),
                    own.stream()
                            .mapToInt(StaffingRepository.AreaFigures::customers)
                            .sum(),
                    sum(own, StaffingRepository.AreaFigures::annualSales),
                    sum(own, StaffingRepository.AreaFigures::openReceivables),
                    sum(own, StaffingRepository.AreaFigures::overdueReceivables),
                    s.openEscalations()));
        }
        return new StaffingReport(date, currency, norm, supervisors, areas, storedAt);
    }

    /**
     * Stores every area's figures as of the date (after the daily run of the current day), so the page of that
     * date reads them instead of summing a year of sales and the open invoices on every visit; rerun-safe.
     */
    @Transactional
    public void storeAfterDailyRun(LocalDate asOf) {
        repository.store(
                asOf,
                aging.openAmountsHold(asOf),
                calendar.baseCurrency().getCurrencyCode(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    }

    private static BigDecimal sum(
            List<StaffingRepository.AreaFigures> areas, Function<StaffingRepository.AreaFigures, BigDecimal> figure) {
        return areas.stream().map(figure).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}

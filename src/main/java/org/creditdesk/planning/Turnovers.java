package org.creditdesk.planning;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.BusinessCalendar;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's turnover days against the approved plan's targets, for its monitoring. */
@Service
public class Turnovers {

    private final FundPlanRepository plans;
    private final PlanActualsRepository actuals;
    private final Customers customers;
    private final BusinessCalendar calendar;

    Turnovers(FundPlanRepository plans, PlanActualsRepository actuals, Customers customers, BusinessCalendar calendar) {
        this.plans = plans;
        this.actuals = actuals;
        this.customers = customers;
        this.calendar = calendar;
    }

    /**
     * Empty when no plan is approved for the date's year: a draft steers nothing, so it sets no
     * targets either. A customer outside the caller's areas is not found (404).
     */
    @Transactional(readOnly = true)
    public Optional<CustomerTurnover> of(String customerCode, @Nullable LocalDate asOf, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        LocalDate date = calendar.asOfOrToday(asOf);
        Optional<FundPlan> approved = plans.find(date.getYear(), EnumSet.of(FundPlan.Status.APPROVED));
        if (approved.isEmpty()) return Optional.empty();
        FundPlan plan = approved.get();
        MonthWindow window = new MonthWindow(date, PlanVersusActual.STATUS_MONTHS);
        List<NodeActuals> movements = actuals.movementsOf(customer.id(), window);
        Map<String, FundPlan.ProductLinePlan> lines = plan.productLines().stream()
                .collect(Collectors.toMap(FundPlan.ProductLinePlan::productLine, Function.identity()));
        List<CustomerTurnover.Line> turnover =
                PlanVersusActual.compare(plan, Level.CUSTOMER, window, movements, Set.of()).stream()
                        .filter(node -> customer.code().equals(node.customerCode()))
                        // A line it neither buys nor owes on says nothing about its rhythm.
                        .filter(node -> node.actualReceivables().signum() != 0
                                || node.salesInPeriod().signum() != 0
                                || node.plannedAmount() != null)
                        .map(node -> CustomerTurnover.Line.of(
                                node.productLine(),
                                lines.containsKey(node.productLine())
                                        ? lines.get(node.productLine()).businessGroup()
                                        : null,
                                node.targetDays(),
                                node.actualDays(),
                                node.actualReceivables()))
                        .toList();
        return Optional.of(CustomerTurnover.of(date, plan.year(), plan.version(), turnover));
    }
}

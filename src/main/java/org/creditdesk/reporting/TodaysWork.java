package org.creditdesk.reporting;

import java.util.List;
import java.util.Set;
import org.creditdesk.credit.CreditLimitRequest;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.credit.CreditOrder;
import org.creditdesk.credit.CreditOrders;
import org.creditdesk.credit.LimitRequestStatus;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.OrderStatus;
import org.creditdesk.monitoring.EscalationTask;
import org.creditdesk.monitoring.Escalations;
import org.creditdesk.monitoring.LegalCase;
import org.creditdesk.monitoring.LegalCases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What waits for the signed-in user today, whatever the role: escalation tasks, blocked orders and
 * limit requests the user may decide, legal cases assigned to the user; and the blocked queue as a
 * whole, which every role watches.
 */
@Service
class TodaysWork {

    static final int SHOWN = 8;

    record Work(
            List<EscalationTask> tasks,
            int taskCount,
            List<CreditOrder> blockedOrders,
            int blockedCount,
            int releasableCount,
            List<CreditLimitRequest> requests,
            int requestCount,
            List<LegalCase> cases,
            int caseCount) {

        public boolean nothing() {
            return taskCount == 0 && blockedCount == 0 && requestCount == 0 && caseCount == 0;
        }
    }

    private final Escalations escalations;
    private final CreditOrders orders;
    private final CreditLimits limits;
    private final LegalCases legalCases;

    TodaysWork(Escalations escalations, CreditOrders orders, CreditLimits limits, LegalCases legalCases) {
        this.escalations = escalations;
        this.orders = orders;
        this.limits = limits;
        this.legalCases = legalCases;
    }

    @Transactional(readOnly = true)
    Work of(Caller caller) {
        // The first few open tasks and the count of all of them, both from the database (not capped).
        var tasks = escalations.tasksOf(caller, true, 0, SHOWN);
        List<CreditOrder> blocked = orders.orders(OrderStatus.BLOCKED, caller);
        List<CreditOrder> releasable =
                blocked.stream().filter(o -> orders.mayRelease(o, caller)).toList();
        List<CreditLimitRequest> pending = limits.requests(LimitRequestStatus.PENDING, caller);
        Set<Long> approvable = limits.approvableBy(caller, pending);
        List<CreditLimitRequest> mine =
                pending.stream().filter(r -> approvable.contains(r.id())).toList();
        List<LegalCase> cases = caller.has(Role.LEGAL)
                ? legalCases.list(null, caller).stream()
                        .filter(c -> !c.status().closed() && caller.username().equals(c.lawyer()))
                        .toList()
                : List.of();
        return new Work(
                tasks.items(),
                Math.toIntExact(tasks.total()),
                first(releasable.isEmpty() ? blocked : releasable),
                blocked.size(),
                releasable.size(),
                first(mine),
                mine.size(),
                first(cases),
                cases.size());
    }

    private static <T> List<T> first(List<T> items) {
        return items.subList(0, Math.min(SHOWN, items.size()));
    }
}

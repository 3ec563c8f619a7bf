package org.creditdesk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.creditdesk.appraisal.AppraisalPeriod;
import org.creditdesk.appraisal.Appraisals;
import org.creditdesk.appraisal.KpiRow;
import org.creditdesk.appraisal.RatingInput;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's sales appraisal: reps with different collection behaviours (per area the first rep diligent, the
 * last neglectful, East's last one its biggest seller who collects badly), customers handed over during the
 * history, the two quarters before this one rated by the credit manager and closed, the current one open.
 */
@Service
class AppraisalDemo {

    private static final Caller RATER = new Caller("creditmanager", Set.of(Role.CREDIT_MANAGER), Set.of());

    private final AppraisalDemoRepository repository;
    private final Appraisals appraisals;
    private final TransactionTemplate transactions;

    AppraisalDemo(AppraisalDemoRepository repository, Appraisals appraisals, TransactionTemplate transactions) {
        this.repository = repository;
        this.appraisals = appraisals;
        this.transactions = transactions;
    }

    void prepare(LocalDate today) {
        transactions.executeWithoutResult(status -> {
            repository.assignByBehaviour(today);
            repository.handOver(today.minusDays(400), 17, 3);
            repository.handOver(today.minusDays(250), 19, 5);
            repository.handOver(today.minusDays(120), 23, 7);
            repository.linkLogin("salesrep", "EAST");
        });
        AppraisalPeriod last = AppraisalPeriod.quarterOf(today).previous();
        for (AppraisalPeriod quarter : List.of(last.previous(), last)) {
            rate(quarter, today);
            appraisals.close(quarter.key(), "Demo: quarter rated and closed", RATER);
        }
    }

    /**
     * By the rep's place in the area: the first is diligent and able (STAR), the second diligent but new to
     * collection (TRAIN), the third able but careless (MOTIVATE), the last careless (SUPERVISE unless his KPIs
     * save him); East's last rep, the big seller, is rated careless but a strong communicator. Collection
     * experience follows the KPI score.
     */
    private void rate(AppraisalPeriod quarter, LocalDate today) {
        Map<String, List<KpiRow>> byArea = new LinkedHashMap<>();
        for (KpiRow row : appraisals.kpis(quarter.key(), today, null, null, RATER)) {
            byArea.computeIfAbsent(Objects.requireNonNullElse(row.area(), ""), a -> new ArrayList<>())
                    .add(row);
        }
        Map<String, RatingInput> ratings = new LinkedHashMap<>();
        byArea.forEach((area, reps) -> {
            for (int i = 0; i < reps.size(); i++) {
                KpiRow rep = reps.get(i);
                int experience = 1
                        + rep.kpiScore()
                                .multiply(BigDecimal.valueOf(4))
                                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                                .intValue();
                boolean last = i == reps.size() - 1 && i > 0;
                RatingInput rating;
                if (last && area.equals("EAST")) {
                    rating = new RatingInput(
                            2, 3, 5, Math.max(3, experience), "Sells more than anyone; lets invoices age");
                } else if (last) {
                    rating = new RatingInput(2, 1, 2, Math.min(2, experience), "Does not follow up overdue invoices");
                } else {
                    rating = switch (i % 3) {
                        case 0 -> new RatingInput(5, 4, 4, experience, null);
                        case 1 -> new RatingInput(4, 4, 1, 1, "Diligent, new to collection");
                        default -> new RatingInput(2, 3, 4, experience, null);
                    };
                }
                ratings.put(rep.salesRep(), rating);
            }
        });
        appraisals.rateAll(quarter.key(), ratings, RATER);
    }
}

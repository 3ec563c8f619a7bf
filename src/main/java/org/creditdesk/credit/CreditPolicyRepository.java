package org.creditdesk.credit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.creditdesk.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditPolicyRepository {

    private static final String LOAD = """
            SELECT mode, sales_approval_limit, credit_manager_ceiling, grace_days, cheque_clearing_days,
                   disputed_counts_for_hold
            FROM credit_policy
            WHERE id = 1
            """;
    private static final String LOCK = "SELECT id FROM credit_policy WHERE id = 1 FOR UPDATE";
    private static final String LADDER = """
            SELECT level, from_days FROM credit_policy_escalation ORDER BY level
            """;
    private static final String ESCALATION = """
            SELECT p.grace_days,
                   ARRAY(SELECT CAST(e.level AS integer) FROM credit_policy_escalation e ORDER BY e.level) AS levels,
                   ARRAY(SELECT e.from_days FROM credit_policy_escalation e ORDER BY e.level) AS from_days
            FROM credit_policy p
            WHERE p.id = 1
            """;
    private static final String SAVE = """
            UPDATE credit_policy
            SET mode = :mode, sales_approval_limit = :salesApprovalLimit, credit_manager_ceiling = :ceiling,
                grace_days = :graceDays, cheque_clearing_days = :clearingDays,
                disputed_counts_for_hold = :disputedCounts,
                updated_at = :at, updated_by = :by
            WHERE id = 1
            """;
    private static final String SAVE_LADDER = """
            INSERT INTO credit_policy_escalation (level, from_days)
            SELECT level, from_days
            FROM unnest(CAST(:levels AS smallint[]), CAST(:fromDays AS integer[])) AS s (level, from_days)
            ON CONFLICT (level) DO UPDATE SET from_days = EXCLUDED.from_days
            """;
    private static final String DROP_EXTRA_LEVELS = """
            DELETE FROM credit_policy_escalation WHERE NOT (level = ANY(CAST(:levels AS smallint[])))
            """;

    private final JdbcClient jdbc;

    CreditPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The grace days and the ladder in one statement (consistent by itself, no transaction needed). */
    EscalationPolicy escalation() {
        return jdbc.sql(ESCALATION)
                .query((rs, n) -> {
                    Integer[] levels = (Integer[]) rs.getArray("levels").getArray();
                    Integer[] fromDays = (Integer[]) rs.getArray("from_days").getArray();
                    List<EscalationStep> steps = new ArrayList<>();
                    for (int i = 0; i < levels.length; i++) steps.add(new EscalationStep(levels[i], fromDays[i]));
                    return new EscalationPolicy(rs.getInt("grace_days"), steps);
                })
                .single();
    }

    CreditPolicy load(Currency currency) {
        List<EscalationStep> ladder = jdbc.sql(LADDER)
                .query((rs, n) -> new EscalationStep(rs.getInt("level"), rs.getInt("from_days")))
                .list();
        return jdbc.sql(LOAD)
                .query((rs, n) -> new CreditPolicy(
                        PolicyMode.valueOf(rs.getString("mode")),
                        new Money(rs.getBigDecimal("sales_approval_limit"), currency),
                        new Money(rs.getBigDecimal("credit_manager_ceiling"), currency),
                        rs.getInt("grace_days"),
                        rs.getInt("cheque_clearing_days"),
                        ladder,
                        rs.getBoolean("disputed_counts_for_hold")))
                .single();
    }

    /** Serialises policy changes so that each audit row's "before" is what the change replaced. */
    void lock() {
        jdbc.sql(LOCK).query(Integer.class).single();
    }

    void save(CreditPolicy policy, String by, OffsetDateTime at) {
        jdbc.sql(SAVE)
                .param("mode", policy.mode().name())
                .param("salesApprovalLimit", policy.salesApprovalLimit().amount())
                .param("ceiling", policy.creditManagerCeiling().amount())
                .param("graceDays", policy.graceDays())
                .param("clearingDays", policy.chequeClearingDays())
                .param("disputedCounts", policy.disputedCountsForHold())
                .param("at", at)
                .param("by", by)
                .update();
        Short[] levels =
                policy.escalation().stream().map(s -> (short) s.level()).toArray(Short[]::new);
        Integer[] fromDays =
                policy.escalation().stream().map(EscalationStep::fromDays).toArray(Integer[]::new);
        jdbc.sql(DROP_EXTRA_LEVELS).param("levels", levels).update();
        jdbc.sql(SAVE_LADDER)
                .param("levels", levels)
                .param("fromDays", fromDays)
                .update();
    }
}

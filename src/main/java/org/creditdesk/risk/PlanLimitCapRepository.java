package org.creditdesk.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The approved fund plan's cap on recommended limits, read through planning's published SQL function
 * {@code plan_limit_caps(asOf)} (V81), so risk does not depend on planning's Java types. Only
 * customers in the company currency are capped (the plan is in the company currency); a draft plan
 * caps nothing.
 */
@Repository
class PlanLimitCapRepository {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final String CAPS = """
            SELECT p.customer_id, p.limit_cap
            FROM plan_limit_caps(CAST(:asOf AS date)) p
            JOIN customer c ON c.id = p.customer_id
            JOIN company_settings s ON s.id = 1 AND c.currency = s.base_currency
            WHERE coalesce(cardinality(CAST(:ids AS bigint[])), 0) = 0 OR p.customer_id = ANY(CAST(:ids AS bigint[]))
            """;

    // One customer's cap (V144): reads the customer's own allocation or its area, not the whole book.
    private static final String CAP_OF_ONE = """
            SELECT plan_limit_cap(c.id, CAST(:asOf AS date)) AS limit_cap
            FROM customer c
            JOIN company_settings s ON s.id = 1 AND c.currency = s.base_currency
            WHERE c.id = :id
            """;

    private final JdbcClient jdbc;

    PlanLimitCapRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The caps of these customers (all when null) as of the date; customers without one are absent. */
    Map<Long, BigDecimal> caps(LocalDate asOf, @Nullable List<Long> customerIds) {
        Map<Long, BigDecimal> caps = new HashMap<>();
        jdbc.sql(CAPS)
                .param("asOf", asOf.toString())
                .param("ids", customerIds == null ? new Long[0] : customerIds.toArray(Long[]::new))
                .query(rs -> {
                    caps.put(rs.getLong("customer_id"), rs.getBigDecimal("limit_cap"));
                });
        return caps;
    }

    /** The recommended limit, no more than the plan's cap rounded down to hundreds like the limit. */
    static BigDecimal apply(BigDecimal limit, @Nullable BigDecimal cap) {
        if (cap == null) return limit;
        BigDecimal capped = cap.max(BigDecimal.ZERO)
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .multiply(HUNDRED)
                .setScale(2);
        return limit.min(capped);
    }

    /** The cap of one customer as of the date, or null when the plan does not steer it. */
    @Nullable
    BigDecimal cap(long customerId, LocalDate asOf) {
        List<@Nullable BigDecimal> found = jdbc.sql(CAP_OF_ONE)
                .param("asOf", asOf.toString())
                .param("id", customerId)
                .query((rs, n) -> rs.getBigDecimal("limit_cap"))
                .list();
        return found.isEmpty() ? null : found.getFirst();
    }

    Score cap(Score score, long customerId, LocalDate asOf) {
        BigDecimal cap = cap(customerId, asOf);
        if (cap == null) return score;
        return new Score(
                score.customerCode(),
                score.asOf(),
                score.score(),
                score.riskClass(),
                score.factors(),
                apply(score.recommendedLimit(), cap),
                score.currency(),
                score.reviewOn(),
                score.scorecard(),
                score.segment(),
                score.segmentReason());
    }
}

package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Warnings a limit request carries and who may approve despite them. PLAN_EXCEEDED comes from
 * planning's published SQL function {@code plan_limit_excess} (V81): the nodes of the approved fund
 * plan (the customer's allocation, its area, its main product line) that the requested limit, fully
 * drawn, would take over plan. Who may approve a warned request is data ({@code authority_warning_rule}),
 * like the authority matrix.
 */
@Repository
class LimitWarningRepository {

    static final String PLAN_EXCEEDED = "PLAN_EXCEEDED";

    private static final String PLAN_EXCESS = """
            SELECT node, planned, projected
            FROM plan_limit_excess(:customerId, :amount, CAST(:asOf AS date))
            ORDER BY node
            """;

    private static final String INSERT = """
            INSERT INTO credit_limit_request_warning (request_id, code, detail) VALUES (:id, :code, :detail)
            ON CONFLICT DO NOTHING
            """;

    private static final String WARNINGS =
            "SELECT code, detail FROM credit_limit_request_warning WHERE request_id = :id ORDER BY code";

    private static final String CODES = """
            SELECT request_id, code FROM credit_limit_request_warning WHERE request_id = ANY(CAST(:ids AS bigint[]))
            """;

    private static final String ROLES = "SELECT warning, role FROM authority_warning_rule";

    private final JdbcClient jdbc;

    LimitWarningRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The plan nodes over plan as "node planned X, projected Y" texts; empty when within plan. */
    List<String> planExcess(long customerId, BigDecimal amount, LocalDate asOf) {
        return jdbc.sql(PLAN_EXCESS)
                .param("customerId", customerId)
                .param("amount", amount)
                .param("asOf", asOf.toString())
                .query((rs, n) -> "%s planned %s, projected %s"
                        .formatted(
                                rs.getString("node"),
                                rs.getBigDecimal("planned").toPlainString(),
                                rs.getBigDecimal("projected").toPlainString()))
                .list();
    }

    void record(long requestId, LimitWarning warning) {
        jdbc.sql(INSERT)
                .param("id", requestId)
                .param("code", warning.code())
                .param("detail", warning.detail())
                .update();
    }

    List<LimitWarning> warnings(long requestId) {
        return jdbc.sql(WARNINGS)
                .param("id", requestId)
                .query((rs, n) -> new LimitWarning(rs.getString("code"), rs.getString("detail")))
                .list();
    }

    /** The warning codes of these requests, in one statement. */
    Map<Long, Set<String>> codes(List<Long> requestIds) {
        Map<Long, Set<String>> codes = new HashMap<>();
        jdbc.sql(CODES)
                .param("ids", requestIds.toArray(Long[]::new))
                .query((rs, n) -> Map.entry(rs.getLong("request_id"), rs.getString("code")))
                .list()
                .forEach(e ->
                        codes.computeIfAbsent(e.getKey(), k -> new HashSet<>()).add(e.getValue()));
        return codes;
    }

    /** Per warning code, the roles that may approve a request carrying it. */
    Map<String, Set<Role>> approvers() {
        Map<String, Set<Role>> roles = new HashMap<>();
        jdbc.sql(ROLES)
                .query((rs, n) -> Map.entry(rs.getString("warning"), Role.valueOf(rs.getString("role"))))
                .list()
                .forEach(e -> roles.computeIfAbsent(e.getKey(), k -> EnumSet.noneOf(Role.class))
                        .add(e.getValue()));
        return roles;
    }

    static boolean allows(Set<String> codes, Map<String, Set<Role>> approvers, Set<Role> callerRoles) {
        return codes.stream()
                .allMatch(
                        code -> approvers.getOrDefault(code, Set.of()).stream().anyMatch(callerRoles::contains));
    }
}

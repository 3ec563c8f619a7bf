package org.creditdesk.credit;

import java.math.BigDecimal;
import org.creditdesk.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuthorityRepository {

    private static final String ALL = """
            SELECT mode, action, role, up_to, max_amount FROM authority_rule ORDER BY mode, action, role
            """;
    private static final String LOCK = "LOCK TABLE authority_rule IN SHARE ROW EXCLUSIVE MODE";
    private static final String CLEAR = "DELETE FROM authority_rule";
    private static final String INSERT = """
            INSERT INTO authority_rule (mode, action, role, up_to, max_amount)
            SELECT mode, action, role, up_to, max_amount
            FROM unnest(CAST(:modes AS text[]), CAST(:actions AS text[]), CAST(:roles AS text[]),
                        CAST(:upTos AS text[]), CAST(:maxAmounts AS numeric[]))
                 AS r (mode, action, role, up_to, max_amount)
            """;

    private final JdbcClient jdbc;

    AuthorityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String SEVERITY = """
            SELECT reason, from_level, needs FROM release_reason_authority ORDER BY reason
            """;

    /** The reason rows of the matrix (V112): which blocking reasons raise a release's authority. */
    ReleaseSeverity severity() {
        return new ReleaseSeverity(jdbc.sql(SEVERITY)
                .query((rs, n) -> new ReleaseSeverity.Row(
                        rs.getString("reason"),
                        rs.getObject("from_level", Integer.class),
                        ReleaseSeverity.Needs.valueOf(rs.getString("needs"))))
                .list());
    }

    AuthorityMatrix load() {
        return new AuthorityMatrix(jdbc.sql(ALL)
                .query((rs, n) -> new AuthorityRule(
                        PolicyMode.valueOf(rs.getString("mode")),
                        AuthorityAction.valueOf(rs.getString("action")),
                        Role.valueOf(rs.getString("role")),
                        Ceiling.of(rs.getString("up_to"), rs.getBigDecimal("max_amount"))))
                .list());
    }

    /** Serialises matrix changes so that each audit row's "before" is what the change replaced. */
    void lock() {
        jdbc.sql(LOCK).update();
    }

    void replace(AuthorityMatrix matrix) {
        jdbc.sql(CLEAR).update();
        var rules = matrix.rules();
        jdbc.sql(INSERT)
                .param("modes", rules.stream().map(r -> r.mode().name()).toArray(String[]::new))
                .param("actions", rules.stream().map(r -> r.action().name()).toArray(String[]::new))
                .param("roles", rules.stream().map(r -> r.role().name()).toArray(String[]::new))
                .param("upTos", rules.stream().map(r -> r.ceiling().upTo()).toArray(String[]::new))
                .param(
                        "maxAmounts",
                        rules.stream()
                                .map(r -> r.ceiling() instanceof Ceiling.Amount(BigDecimal max) ? max : null)
                                .toArray(BigDecimal[]::new))
                .update();
    }
}

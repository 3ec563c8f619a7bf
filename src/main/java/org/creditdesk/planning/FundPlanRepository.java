package org.creditdesk.planning;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The fund plans' versions and their trees (fund_plan*, V80). */
@Repository
class FundPlanRepository {

    private record Header(
            long id,
            int year,
            int version,
            FundPlan.Status status,
            BigDecimal capital,
            BigDecimal rate,
            @Nullable Integer industryDays,
            String draftedBy,
            OffsetDateTime draftedAt,
            @Nullable String approvedBy,
            @Nullable OffsetDateTime approvedAt) {}

    private static final String HEADER = """
            SELECT id, plan_year, version, status, capital, cost_of_capital_rate, industry_days,
                   drafted_by, drafted_at, approved_by, approved_at
            FROM fund_plan
            WHERE plan_year = :year AND status = ANY(CAST(:statuses AS text[]))
            ORDER BY version DESC
            LIMIT 1
            """;

    private static final String LINES = """
            SELECT product_line, business_group, amount, target_days, gross_margin
            FROM fund_plan_product_line WHERE plan_id = :id ORDER BY product_line
            """;

    private static final String AREAS = """
            SELECT product_line, area_code, amount, target_days
            FROM fund_plan_area WHERE plan_id = :id ORDER BY product_line, area_code
            """;

    private static final String CUSTOMERS = """
            SELECT fc.product_line, fc.area_code, c.code, fc.amount, fc.target_days
            FROM fund_plan_customer fc JOIN customer c ON c.id = fc.customer_id
            WHERE fc.plan_id = :id ORDER BY fc.product_line, fc.area_code, c.code
            """;

    private static final String LOCK_YEAR = "SELECT pg_advisory_xact_lock(hashtext('fund_plan'), :year)";

    private static final String NEXT_VERSION =
            "SELECT coalesce(max(version), 0) + 1 FROM fund_plan WHERE plan_year = :year";

    private static final String INSERT = """
            INSERT INTO fund_plan (plan_year, version, status, capital, cost_of_capital_rate, industry_days,
                                   drafted_by, drafted_at)
            VALUES (:year, :version, 'DRAFT', :capital, :rate, :industryDays, :by, :at)
            RETURNING id
            """;

    private static final String UPDATE_DRAFT = """
            UPDATE fund_plan SET capital = :capital, cost_of_capital_rate = :rate, industry_days = :industryDays,
                                 drafted_by = :by, drafted_at = :at
            WHERE id = :id AND status = 'DRAFT'
            """;

    private static final String CLEAR_TREE = "DELETE FROM fund_plan_product_line WHERE plan_id = :id";

    private static final String INSERT_LINES = """
            INSERT INTO fund_plan_product_line (plan_id, product_line, business_group, amount, target_days, gross_margin)
            SELECT :id, l.product_line, l.business_group, l.amount, l.target_days, l.gross_margin
            FROM unnest(CAST(:lines AS text[]), CAST(:groups AS text[]), CAST(:amounts AS numeric[]),
                        CAST(:days AS integer[]), CAST(:margins AS numeric[]))
                 AS l (product_line, business_group, amount, target_days, gross_margin)
            """;

    private static final String INSERT_AREAS = """
            INSERT INTO fund_plan_area (plan_id, product_line, area_code, amount, target_days)
            SELECT :id, a.product_line, a.area_code, a.amount, a.target_days
            FROM unnest(CAST(:lines AS text[]), CAST(:areas AS text[]), CAST(:amounts AS numeric[]),
                        CAST(:days AS integer[])) AS a (product_line, area_code, amount, target_days)
            """;

    private static final String INSERT_CUSTOMERS = """
            INSERT INTO fund_plan_customer (plan_id, product_line, area_code, customer_id, amount, target_days)
            SELECT :id, x.product_line, x.area_code, c.id, x.amount, x.target_days
            FROM unnest(CAST(:lines AS text[]), CAST(:areas AS text[]), CAST(:codes AS text[]),
                        CAST(:amounts AS numeric[]), CAST(:days AS integer[]))
                 AS x (product_line, area_code, code, amount, target_days)
            JOIN customer c ON c.code = x.code
            """;

    private static final String SUPERSEDE = """
            UPDATE fund_plan SET status = 'SUPERSEDED' WHERE plan_year = :year AND status = 'APPROVED'
            """;

    private static final String APPROVE = """
            UPDATE fund_plan SET status = 'APPROVED', approved_by = :by, approved_at = :at
            WHERE id = :id AND status = 'DRAFT'
            """;

    private static final String PRODUCT_LINES = "SELECT code FROM product_line";
    private static final String AREA_CODES = "SELECT code FROM area";
    private static final String CUSTOMER_AREAS =
            "SELECT code, area_code FROM customer WHERE code = ANY(CAST(:codes AS text[]))";

    private final JdbcClient jdbc;

    FundPlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The newest version of the year with one of these statuses. */
    Optional<FundPlan> find(int year, Set<FundPlan.Status> statuses) {
        return header(year, statuses).map(this::tree);
    }

    Optional<Long> idOf(int year, FundPlan.Status status) {
        return header(year, Set.of(status)).map(Header::id);
    }

    void lockYear(int year) {
        jdbc.sql(LOCK_YEAR).param("year", year).query().singleRow();
    }

    /** Writes the year's draft: replaces the open draft's content, else starts a new version. */
    long writeDraft(int year, PlanContent plan, String by, OffsetDateTime at) {
        Optional<Long> draft = idOf(year, FundPlan.Status.DRAFT);
        long id;
        if (draft.isPresent()) {
            id = draft.get();
            jdbc.sql(UPDATE_DRAFT)
                    .param("id", id)
                    .param("capital", plan.capital())
                    .param("rate", plan.costOfCapitalRate())
                    .param("industryDays", plan.industryDays())
                    .param("by", by)
                    .param("at", at)
                    .update();
            jdbc.sql(CLEAR_TREE).param("id", id).update();
        } else {
            int version = jdbc.sql(NEXT_VERSION)
                    .param("year", year)
                    .query(Integer.class)
                    .single();
            id = jdbc.sql(INSERT)
                    .param("year", year)
                    .param("version", version)
                    .param("capital", plan.capital())
                    .param("rate", plan.costOfCapitalRate())
                    .param("industryDays", plan.industryDays())
                    .param("by", by)
                    .param("at", at)
                    .query(Long.class)
                    .single();
        }
        List<FundPlan.ProductLinePlan> lines = plan.productLines();
        jdbc.sql(INSERT_LINES)
                .param("id", id)
                .param(
                        "lines",
                        lines.stream()
                                .map(FundPlan.ProductLinePlan::productLine)
                                .toArray(String[]::new))
                .param(
                        "groups",
                        lines.stream().map(l -> l.businessGroup().name()).toArray(String[]::new))
                .param(
                        "amounts",
                        lines.stream().map(FundPlan.ProductLinePlan::amount).toArray(BigDecimal[]::new))
                .param(
                        "days",
                        lines.stream().map(FundPlan.ProductLinePlan::targetDays).toArray(Integer[]::new))
                .param(
                        "margins",
                        lines.stream()
                                .map(FundPlan.ProductLinePlan::grossMargin)
                                .toArray(BigDecimal[]::new))
                .update();
        List<FundPlan.AreaPlan> areas = plan.areas();
        jdbc.sql(INSERT_AREAS)
                .param("id", id)
                .param(
                        "lines",
                        areas.stream().map(FundPlan.AreaPlan::productLine).toArray(String[]::new))
                .param("areas", areas.stream().map(FundPlan.AreaPlan::area).toArray(String[]::new))
                .param("amounts", areas.stream().map(FundPlan.AreaPlan::amount).toArray(BigDecimal[]::new))
                .param("days", areas.stream().map(FundPlan.AreaPlan::targetDays).toArray(Integer[]::new))
                .update();
        List<FundPlan.CustomerPlan> customers = plan.customers();
        jdbc.sql(INSERT_CUSTOMERS)
                .param("id", id)
                .param(
                        "lines",
                        customers.stream()
                                .map(FundPlan.CustomerPlan::productLine)
                                .toArray(String[]::new))
                .param(
                        "areas",
                        customers.stream().map(FundPlan.CustomerPlan::area).toArray(String[]::new))
                .param(
                        "codes",
                        customers.stream()
                                .map(FundPlan.CustomerPlan::customerCode)
                                .toArray(String[]::new))
                .param(
                        "amounts",
                        customers.stream().map(FundPlan.CustomerPlan::amount).toArray(BigDecimal[]::new))
                .param(
                        "days",
                        customers.stream()
                                .map(FundPlan.CustomerPlan::targetDays)
                                .toArray(Integer[]::new))
                .update();
        return id;
    }

    void approve(int year, long draftId, String by, OffsetDateTime at) {
        jdbc.sql(SUPERSEDE).param("year", year).update();
        jdbc.sql(APPROVE).param("id", draftId).param("by", by).param("at", at).update();
    }

    PlanRules.Known known(List<String> customerCodes) {
        Set<String> lines =
                Set.copyOf(jdbc.sql(PRODUCT_LINES).query(String.class).list());
        Set<String> areas = Set.copyOf(jdbc.sql(AREA_CODES).query(String.class).list());
        Map<String, String> customerAreas = jdbc
                .sql(CUSTOMER_AREAS)
                .param("codes", customerCodes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString("code"), rs.getString("area_code")))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return new PlanRules.Known(lines, areas, customerAreas);
    }

    private Optional<Header> header(int year, Set<FundPlan.Status> statuses) {
        return jdbc.sql(HEADER)
                .param("year", year)
                .param("statuses", statuses.stream().map(Enum::name).toArray(String[]::new))
                .query(FundPlanRepository::header)
                .optional();
    }

    private static Header header(ResultSet rs, int n) throws SQLException {
        return new Header(
                rs.getLong("id"),
                rs.getInt("plan_year"),
                rs.getInt("version"),
                FundPlan.Status.valueOf(rs.getString("status")),
                rs.getBigDecimal("capital"),
                rs.getBigDecimal("cost_of_capital_rate"),
                rs.getObject("industry_days", Integer.class),
                rs.getString("drafted_by"),
                rs.getObject("drafted_at", OffsetDateTime.class),
                rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class));
    }

    private FundPlan tree(Header h) {
        List<FundPlan.ProductLinePlan> lines = jdbc.sql(LINES)
                .param("id", h.id())
                .query((rs, n) -> new FundPlan.ProductLinePlan(
                        rs.getString("product_line"),
                        FundPlan.BusinessGroup.valueOf(rs.getString("business_group")),
                        rs.getBigDecimal("amount"),
                        rs.getInt("target_days"),
                        rs.getBigDecimal("gross_margin")))
                .list();
        List<FundPlan.AreaPlan> areas = jdbc.sql(AREAS)
                .param("id", h.id())
                .query((rs, n) -> new FundPlan.AreaPlan(
                        rs.getString("product_line"),
                        rs.getString("area_code"),
                        rs.getBigDecimal("amount"),
                        rs.getInt("target_days")))
                .list();
        List<FundPlan.CustomerPlan> customers = jdbc.sql(CUSTOMERS)
                .param("id", h.id())
                .query((rs, n) -> new FundPlan.CustomerPlan(
                        rs.getString("code"),
                        rs.getString("product_line"),
                        rs.getString("area_code"),
                        rs.getBigDecimal("amount"),
                        rs.getInt("target_days")))
                .list();
        return new FundPlan(
                h.year(),
                h.version(),
                h.status(),
                h.capital(),
                h.rate(),
                h.industryDays(),
                lines,
                areas,
                customers,
                h.draftedBy(),
                h.draftedAt(),
                h.approvedBy(),
                h.approvedAt());
    }
}

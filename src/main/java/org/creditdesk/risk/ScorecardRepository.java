package org.creditdesk.risk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ScorecardRepository {

    private static final String HEADERS = """
            SELECT id, name, business_group, segment, thin_file_max_invoices, version, active, source, net_worth_cap_share,
                   CAST(fit_report AS text) AS fit_report, created_by, created_at, adopted_by, adopted_at
            FROM scorecard
            """;
    private static final String ALL = HEADERS + " ORDER BY business_group, segment, version DESC";
    private static final String BY_ID = HEADERS + " WHERE id = :id";
    private static final String ACTIVE = HEADERS + " WHERE active ORDER BY business_group, segment";
    private static final String LOCK_ACTIVE =
            "SELECT id FROM scorecard WHERE business_group = :group AND segment = :segment AND active FOR UPDATE";
    private static final String FACTORS = """
            SELECT factor, weight FROM scorecard_factor WHERE scorecard_id = :id ORDER BY position
            """;
    private static final String BANDS = """
            SELECT factor, position, missing, from_value, to_value, grade, label, anchor
            FROM scorecard_band WHERE scorecard_id = :id ORDER BY factor, position
            """;
    private static final String CLASSES = """
            SELECT risk_class, min_score, limit_factor, review_months
            FROM scorecard_class WHERE scorecard_id = :id ORDER BY risk_class
            """;
    private static final String NEXT_VERSION =
            "SELECT coalesce(max(version), 0) + 1 FROM scorecard WHERE business_group = :group";
    private static final String INSERT = """
            INSERT INTO scorecard (name, business_group, segment, thin_file_max_invoices, version, active, source,
                                   net_worth_cap_share, fit_report, created_by, created_at)
            VALUES (:name, :group, :segment, :thinMax, :version, FALSE, :source, :cap, CAST(:report AS jsonb), :by, :at)
            RETURNING id
            """;
    private static final String INSERT_FACTOR = """
            INSERT INTO scorecard_factor (scorecard_id, factor, position, weight) VALUES (:id, :factor, :position, :weight)
            """;
    private static final String INSERT_BAND = """
            INSERT INTO scorecard_band (scorecard_id, factor, position, missing, from_value, to_value, grade, label, anchor)
            VALUES (:id, :factor, :position, :missing, :from, :to, :grade, :label, :anchor)
            """;
    private static final String INSERT_CLASS = """
            INSERT INTO scorecard_class (scorecard_id, risk_class, min_score, limit_factor, review_months)
            VALUES (:id, :riskClass, :minScore, :limitFactor, :reviewMonths)
            """;
    private static final String DEACTIVATE =
            "UPDATE scorecard SET active = FALSE WHERE business_group = :group AND segment = :segment AND active";
    private static final String ACTIVATE = """
            UPDATE scorecard SET active = TRUE, adopted_by = :by, adopted_at = :at WHERE id = :id
            """;

    private final JdbcClient jdbc;

    ScorecardRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ScorecardHeader> headers() {
        return jdbc.sql(ALL).query(ScorecardRepository::header).list();
    }

    Optional<ScorecardHeader> header(long id) {
        return jdbc.sql(BY_ID)
                .param("id", id)
                .query(ScorecardRepository::header)
                .optional();
    }

    /** The active payment-history card of every business group. */
    Map<String, Scorecard> activeCards() {
        Map<String, Scorecard> cards = new LinkedHashMap<>();
        for (Scorecard card : allActive()) {
            if (card.segment().equals(Scorecard.HISTORY)) cards.put(card.businessGroup(), card);
        }
        return cards;
    }

    /** Every active card: per business group its history card and its thin-file card, if any. */
    List<Scorecard> allActive() {
        return jdbc.sql(ACTIVE).query(ScorecardRepository::header).list().stream()
                .map(this::card)
                .toList();
    }

    Optional<Scorecard> card(long id) {
        return header(id).map(this::card);
    }

    Scorecard card(ScorecardHeader header) {
        Map<String, List<Scorecard.Band>> bands = new LinkedHashMap<>();
        jdbc.sql(BANDS).param("id", header.id()).query(rs -> {
            bands.computeIfAbsent(rs.getString("factor"), f -> new ArrayList<>())
                    .add(new Scorecard.Band(
                            rs.getInt("position"),
                            rs.getBoolean("missing"),
                            rs.getBigDecimal("from_value"),
                            rs.getBigDecimal("to_value"),
                            rs.getBigDecimal("grade"),
                            rs.getString("label"),
                            rs.getBigDecimal("anchor")));
        });
        List<Scorecard.Factor> factors = jdbc.sql(FACTORS)
                .param("id", header.id())
                .query((rs, n) -> new Scorecard.Factor(
                        ScoreFactor.valueOf(rs.getString("factor")),
                        rs.getBigDecimal("weight"),
                        bands.getOrDefault(rs.getString("factor"), List.of())))
                .list();
        List<Scorecard.ClassRule> classes = jdbc.sql(CLASSES)
                .param("id", header.id())
                .query((rs, n) -> new Scorecard.ClassRule(
                        rs.getString("risk_class"),
                        rs.getBigDecimal("min_score"),
                        rs.getBigDecimal("limit_factor"),
                        rs.getInt("review_months")))
                .list();
        return new Scorecard(
                header.id(),
                header.name(),
                header.businessGroup(),
                header.version(),
                header.active(),
                header.source(),
                header.netWorthCapShare(),
                factors,
                classes,
                header.segment(),
                header.thinFileMaxInvoices());
    }

    /** Stores a new, inactive card; returns its id. */
    long insert(Scorecard card, String fitReportJson, String by, OffsetDateTime at) {
        int version = jdbc.sql(NEXT_VERSION)
                .param("group", card.businessGroup())
                .query(Integer.class)
                .single();
        long id = jdbc.sql(INSERT)
                .param("name", card.name())
                .param("group", card.businessGroup())
                .param("segment", card.segment())
                .param("thinMax", card.thinFileMaxInvoices())
                .param("version", version)
                .param("source", card.source())
                .param("cap", card.netWorthCapShare())
                .param("report", fitReportJson)
                .param("by", by)
                .param("at", at)
                .query(Long.class)
                .single();
        int position = 0;
        for (Scorecard.Factor factor : card.factors()) {
            jdbc.sql(INSERT_FACTOR)
                    .param("id", id)
                    .param("factor", factor.factor().name())
                    .param("position", ++position)
                    .param("weight", factor.weight())
                    .update();
            for (Scorecard.Band band : factor.bands()) {
                jdbc.sql(INSERT_BAND)
                        .param("id", id)
                        .param("factor", factor.factor().name())
                        .param("position", band.position())
                        .param("missing", band.missing())
                        .param("from", band.from())
                        .param("to", band.to())
                        .param("grade", band.grade())
                        .param("label", band.label())
                        .param("anchor", band.anchor())
                        .update();
            }
        }
        for (Scorecard.ClassRule rule : card.classes()) {
            jdbc.sql(INSERT_CLASS)
                    .param("id", id)
                    .param("riskClass", rule.riskClass())
                    .param("minScore", rule.minScore())
                    .param("limitFactor", rule.limitFactor())
                    .param("reviewMonths", rule.reviewMonths())
                    .update();
        }
        return id;
    }

    /** Makes the card its group's active one (of its segment); returns the id of the card it replaces, if any. */
    Optional<Long> activate(long id, String group, String by, OffsetDateTime at) {
        String segment = header(id).map(ScorecardHeader::segment).orElse(Scorecard.HISTORY);
        Optional<Long> previous = jdbc.sql(LOCK_ACTIVE)
                .param("group", group)
                .param("segment", segment)
                .query(Long.class)
                .optional();
        jdbc.sql(DEACTIVATE).param("group", group).param("segment", segment).update();
        jdbc.sql(ACTIVATE).param("id", id).param("by", by).param("at", at).update();
        return previous;
    }

    private static ScorecardHeader header(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ScorecardHeader(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("business_group"),
                rs.getString("segment"),
                (Integer) rs.getObject("thin_file_max_invoices"),
                rs.getInt("version"),
                rs.getBoolean("active"),
                rs.getString("source"),
                rs.getBigDecimal("net_worth_cap_share"),
                rs.getString("fit_report"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("adopted_by"),
                rs.getObject("adopted_at", OffsetDateTime.class));
    }
}

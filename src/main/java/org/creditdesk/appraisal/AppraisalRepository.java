package org.creditdesk.appraisal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appraisal's own tables (V70): settings, measures, ratings, closed revisions and their frozen results. */
@Repository
class AppraisalRepository {

    /** A sales rep as the appraisal needs it (sales_rep belongs to customers; read-only here). */
    record Rep(String code, String name, @Nullable String area) {}

    /** A closed revision of a period. */
    record Closing(
            int revision,
            LocalDate asOf,
            String closedBy,
            OffsetDateTime closedAt,
            @Nullable String reason) {}

    private static final String SETTINGS = """
            SELECT weight_on_time, weight_overdue, weight_dso, weight_write_off, weight_incidents, dso_target_days,
                   dso_worst_days, write_off_worst_share, incident_penalty, kpi_ability_weight, attitude_good_from,
                   ability_good_from, commission_enabled, commission_rate
              FROM appraisal_settings WHERE id = 1
            """;
    private static final String SAVE_SETTINGS = """
            UPDATE appraisal_settings
               SET weight_on_time = :weightOnTime, weight_overdue = :weightOverdue, weight_dso = :weightDso,
                   weight_write_off = :weightWriteOff, weight_incidents = :weightIncidents,
                   dso_target_days = :dsoTargetDays, dso_worst_days = :dsoWorstDays,
                   write_off_worst_share = :writeOffWorstShare, incident_penalty = :incidentPenalty,
                   kpi_ability_weight = :kpiAbilityWeight, attitude_good_from = :attitudeGoodFrom,
                   ability_good_from = :abilityGoodFrom, commission_enabled = :commissionEnabled,
                   commission_rate = :commissionRate, updated_by = :by, updated_at = now()
             WHERE id = 1
            """;
    private static final String MEASURES = """
            SELECT grade, occurrence, position, action, amount, share
              FROM appraisal_measure ORDER BY grade, occurrence, position
            """;
    private static final String REP = "SELECT code, name, area_code AS area FROM sales_rep WHERE code = :code";
    private static final String REP_OF_LOGIN = """
            SELECT coalesce((SELECT sales_rep FROM sales_rep_login WHERE username = :username),
                            (SELECT code FROM sales_rep WHERE code = :username))
            """;
    private static final String RATINGS = """
            SELECT sales_rep, responsibility, execution, communication, experience, note, rated_by, rated_at
              FROM appraisal_rating WHERE period = :period
            """;
    private static final String SAVE_RATING = """
            INSERT INTO appraisal_rating (period, sales_rep, responsibility, execution, communication, experience,
                                          note, rated_by, rated_at)
            VALUES (:period, :rep, :responsibility, :execution, :communication, :experience, :note, :by, :at)
            ON CONFLICT (period, sales_rep) DO UPDATE
               SET responsibility = EXCLUDED.responsibility, execution = EXCLUDED.execution,
                   communication = EXCLUDED.communication, experience = EXCLUDED.experience, note = EXCLUDED.note,
                   rated_by = EXCLUDED.rated_by, rated_at = EXCLUDED.rated_at
            """;
    private static final String LATEST_CLOSING = """
            SELECT revision, as_of, closed_by, closed_at, reason
              FROM appraisal_close WHERE period = :period ORDER BY revision DESC LIMIT 1
            """;
    private static final String LOCK_PERIOD = "SELECT pg_advisory_xact_lock(hashtext('appraisal:' || :period))";
    private static final String INSERT_CLOSING = """
            INSERT INTO appraisal_close (period, revision, as_of, closed_by, closed_at, reason)
            VALUES (:period, :revision, :asOf, :by, :at, :reason)
            """;
    private static final String INSERT_RESULT = """
            INSERT INTO appraisal_result (period, revision, sales_rep, position, result, grade, grade_streak)
            VALUES (:period, :revision, :rep, :position, CAST(:result AS jsonb), :grade, :streak)
            """;
    private static final String RESULTS = """
            SELECT CAST(result AS text) FROM appraisal_result
             WHERE period = :period AND revision = :revision ORDER BY position
            """;
    private static final String STREAKS = """
            SELECT r.sales_rep, r.grade, r.grade_streak
              FROM appraisal_result r
             WHERE r.period = :period
               AND r.revision = (SELECT max(revision) FROM appraisal_close c WHERE c.period = :period)
               AND r.grade IS NOT NULL
            """;

    /** A rep's grade and streak in a closed period. */
    record Streak(String salesRep, Grade grade, int streak) {}

    private final JdbcClient jdbc;

    AppraisalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    AppraisalSettings settings() {
        return jdbc.sql(SETTINGS)
                .query((rs, n) -> new AppraisalSettings(
                        rs.getBigDecimal("weight_on_time"),
                        rs.getBigDecimal("weight_overdue"),
                        rs.getBigDecimal("weight_dso"),
                        rs.getBigDecimal("weight_write_off"),
                        rs.getBigDecimal("weight_incidents"),
                        rs.getInt("dso_target_days"),
                        rs.getInt("dso_worst_days"),
                        rs.getBigDecimal("write_off_worst_share"),
                        rs.getBigDecimal("incident_penalty"),
                        rs.getBigDecimal("kpi_ability_weight"),
                        rs.getBigDecimal("attitude_good_from"),
                        rs.getBigDecimal("ability_good_from"),
                        rs.getBoolean("commission_enabled"),
                        rs.getBigDecimal("commission_rate")))
                .single();
    }

    void saveSettings(AppraisalSettings s, String by) {
        jdbc.sql(SAVE_SETTINGS)
                .param("weightOnTime", s.weightOnTime())
                .param("weightOverdue", s.weightOverdue())
                .param("weightDso", s.weightDso())
                .param("weightWriteOff", s.weightWriteOff())
                .param("weightIncidents", s.weightIncidents())
                .param("dsoTargetDays", s.dsoTargetDays())
                .param("dsoWorstDays", s.dsoWorstDays())
                .param("writeOffWorstShare", s.writeOffWorstShare())
                .param("incidentPenalty", s.incidentPenalty())
                .param("kpiAbilityWeight", s.kpiAbilityWeight())
                .param("attitudeGoodFrom", s.attitudeGoodFrom())
                .param("abilityGoodFrom", s.abilityGoodFrom())
                .param("commissionEnabled", s.commissionEnabled())
                .param("commissionRate", s.commissionRate())
                .param("by", by)
                .update();
    }

    List<Measure> measures() {
        return jdbc.sql(MEASURES)
                .query((rs, n) -> new Measure(
                        Grade.valueOf(rs.getString("grade")),
                        rs.getInt("occurrence"),
                        rs.getInt("position"),
                        rs.getString("action"),
                        rs.getBigDecimal("amount"),
                        rs.getBigDecimal("share")))
                .list();
    }

    Optional<Rep> rep(String code) {
        return jdbc.sql(REP).param("code", code).query(Rep.class).optional();
    }

    Optional<String> repOfLogin(String username) {
        return jdbc.sql(REP_OF_LOGIN)
                .param("username", username)
                .query(String.class)
                .optional();
    }

    Map<String, Rating> ratings(String period) {
        Map<String, Rating> ratings = new HashMap<>();
        jdbc.sql(RATINGS).param("period", period).query(rs -> {
            ratings.put(
                    rs.getString("sales_rep"),
                    new Rating(
                            rs.getInt("responsibility"),
                            rs.getInt("execution"),
                            rs.getInt("communication"),
                            rs.getInt("experience"),
                            rs.getString("note"),
                            rs.getString("rated_by"),
                            rs.getObject("rated_at", OffsetDateTime.class)));
        });
        return ratings;
    }

    void saveRating(String period, String rep, Rating r) {
        jdbc.sql(SAVE_RATING)
                .param("period", period)
                .param("rep", rep)
                .param("responsibility", r.responsibility())
                .param("execution", r.execution())
                .param("communication", r.communication())
                .param("experience", r.experience())
                .param("note", r.note())
                .param("by", r.ratedBy())
                .param("at", r.ratedAt())
                .update();
    }

    /** Serialises changes of one period (rating, close, correction) for the rest of the transaction. */
    void lockPeriod(String period) {
        jdbc.sql(LOCK_PERIOD).param("period", period).query((rs, n) -> 1).list();
    }

    Optional<Closing> latestClosing(String period) {
        return jdbc.sql(LATEST_CLOSING)
                .param("period", period)
                .query((rs, n) -> new Closing(
                        rs.getInt("revision"),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getString("closed_by"),
                        rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getString("reason")))
                .optional();
    }

    void insertClosing(String period, Closing closing) {
        jdbc.sql(INSERT_CLOSING)
                .param("period", period)
                .param("revision", closing.revision())
                .param("asOf", closing.asOf())
                .param("by", closing.closedBy())
                .param("at", closing.closedAt())
                .param("reason", closing.reason())
                .update();
    }

    void insertResult(
            String period,
            int revision,
            String rep,
            int position,
            String json,
            @Nullable Grade grade,
            @Nullable Integer streak) {
        jdbc.sql(INSERT_RESULT)
                .param("period", period)
                .param("revision", revision)
                .param("rep", rep)
                .param("position", position)
                .param("result", json)
                .param("grade", grade == null ? null : grade.name())
                .param("streak", streak)
                .update();
    }

    List<String> results(String period, int revision) {
        return jdbc.sql(RESULTS)
                .param("period", period)
                .param("revision", revision)
                .query(String.class)
                .list();
    }

    Map<String, Streak> streaks(String period) {
        Map<String, Streak> streaks = new HashMap<>();
        jdbc.sql(STREAKS).param("period", period).query(rs -> {
            String rep = rs.getString("sales_rep");
            streaks.put(rep, new Streak(rep, Grade.valueOf(rs.getString("grade")), rs.getInt("grade_streak")));
        });
        return streaks;
    }
}

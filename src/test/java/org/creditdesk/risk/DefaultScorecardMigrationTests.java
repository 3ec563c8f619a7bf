package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
class DefaultScorecardMigrationTests {

    static final String V47 = "db/migration/V47__default_scorecard_recalibrated.sql";
    static final String V100 = "db/migration/V100__broken_promises_factor.sql";
    static final String V106 = "db/migration/V106__history_cards_weigh_the_payment_habit.sql";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ScorecardRepository cards;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void both_seeded_default_cards_carry_the_recalibrated_weights_bands_and_classes() {
        Scorecard expected = ScoreTestCards.defaultCard();
        List<Long> ids = defaultCardIds();
        assertThat(ids).hasSize(2);
        for (long id : ids) {
            Scorecard stored = cards.card(id).orElseThrow();
            assertSameRules(stored, expected);
        }
    }

    @Test
    void recalibrating_again_changes_only_the_seeded_defaults_and_an_adopted_fitted_card_stays_active() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            status.setRollbackOnly();
            Scorecard defaults = ScoreTestCards.defaultCard();
            // A database that adopted a fitted card, and whose default still has an older weight.
            List<Scorecard.Factor> fittedFactors = defaults.factors().stream()
                    .map(f -> new Scorecard.Factor(
                            f.factor(),
                            f.factor() == ScoreFactor.DAYS_BEYOND_TERMS ? BigDecimal.ONE : BigDecimal.ZERO,
                            f.bands()))
                    .toList();
            Scorecard fitted = new Scorecard(
                    0,
                    "Fitted to own history",
                    "VOLUME",
                    0,
                    false,
                    "FITTED",
                    defaults.netWorthCapShare(),
                    fittedFactors,
                    defaults.classes());
            OffsetDateTime now = OffsetDateTime.of(2026, 1, 5, 9, 0, 0, 0, ZoneOffset.UTC);
            long fittedId = cards.insert(fitted, "{}", "manager", now);
            cards.activate(fittedId, "VOLUME", "manager", now);
            jdbc.sql("""
                            UPDATE scorecard_factor SET weight = 0.20
                            WHERE factor = 'MAX_DAYS_OVERDUE'
                              AND scorecard_id IN (SELECT id FROM scorecard WHERE source = 'DEFAULT')""").update();

            Connection connection = DataSourceUtils.getConnection(dataSource);
            new ResourceDatabasePopulator(
                            new ClassPathResource(V47), new ClassPathResource(V100), new ClassPathResource(V106))
                    .populate(connection);

            assertThat(cards.activeCards().get("VOLUME").id()).isEqualTo(fittedId);
            assertSameRules(cards.card(fittedId).orElseThrow(), fitted);
            for (long id : defaultCardIds()) {
                assertSameRules(cards.card(id).orElseThrow(), defaults);
            }
            assertThat(cards.header(defaultCardIds().getFirst()).orElseThrow().source())
                    .isEqualTo("DEFAULT");
        });
    }

    private List<Long> defaultCardIds() {
        return jdbc.sql("SELECT id FROM scorecard WHERE source = 'DEFAULT' AND segment = 'HISTORY' ORDER BY id")
                .query(Long.class)
                .list();
    }

    private static void assertSameRules(Scorecard stored, Scorecard expected) {
        assertThat(stored.factors()).hasSameSizeAs(expected.factors());
        for (int f = 0; f < expected.factors().size(); f++) {
            Scorecard.Factor want = expected.factors().get(f);
            Scorecard.Factor got = stored.factors().get(f);
            assertThat(got.factor()).isEqualTo(want.factor());
            assertThat(got.weight()).as(want.factor().name()).isEqualByComparingTo(want.weight());
            assertThat(got.bands()).as(want.factor().name()).hasSameSizeAs(want.bands());
            for (int b = 0; b < want.bands().size(); b++) {
                Scorecard.Band w = want.bands().get(b), g = got.bands().get(b);
                String at = want.factor() + " band " + w.position();
                assertThat(g.missing()).as(at).isEqualTo(w.missing());
                assertThat(g.grade()).as(at).isEqualByComparingTo(w.grade());
                assertThat(g.label()).as(at).isEqualTo(w.label());
                if (w.from() == null) assertThat(g.from()).as(at).isNull();
                else assertThat(g.from()).as(at).isEqualByComparingTo(w.from());
                if (w.to() == null) assertThat(g.to()).as(at).isNull();
                else assertThat(g.to()).as(at).isEqualByComparingTo(w.to());
            }
        }
        assertThat(stored.classes()).hasSameSizeAs(expected.classes());
        for (int c = 0; c < expected.classes().size(); c++) {
            Scorecard.ClassRule want = expected.classes().get(c),
                    got = stored.classes().get(c);
            assertThat(got.riskClass()).isEqualTo(want.riskClass());
            assertThat(got.minScore()).as(want.riskClass()).isEqualByComparingTo(want.minScore());
            assertThat(got.limitFactor()).as(want.riskClass()).isEqualByComparingTo(want.limitFactor());
            assertThat(got.reviewMonths()).as(want.riskClass()).isEqualTo(want.reviewMonths());
        }
    }
}

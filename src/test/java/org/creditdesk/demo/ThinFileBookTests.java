package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.risk.FitMetrics;
import org.junit.jupiter.api.Test;

/**
 * The thin-file book's statements carry the signal its defaults come from (issue 16, session 7):
 * the latent truth ranks the defaults well, size and turnover (outside Altman's Z'') matter, failing
 * companies leave more figures empty, the ratios are heavy-tailed. Seeded, no database.
 */
class ThinFileBookTests {

    @Test
    void the_true_default_probability_ranks_next_years_defaults_well_so_a_card_has_a_ceiling_worth_reaching() {
        for (long seed : new long[] {42, 7}) {
            List<ThinFileBook.Company> book = ThinFileBook.generate(2_000, seed, 2021, 2024);
            List<Double> scores = new ArrayList<>();
            List<Integer> bad = new ArrayList<>();
            for (LocalDate date = LocalDate.of(2024, 1, 31);
                    date.getYear() == 2024;
                    date = date.plusMonths(1).with(TemporalAdjusters.lastDayOfMonth())) {
                for (ThinFileBook.Company c : book) {
                    LocalDate failed = c.defaultedOn();
                    if (failed != null && !failed.isAfter(date)) continue;
                    scores.add(-c.trueDefaultProbability(date, 12));
                    bad.add(failed != null && !failed.isAfter(date.plusMonths(12)) ? 1 : 0);
                }
            }
            double oracle = auc(scores, bad);
            long defaults = book.stream().filter(c -> c.defaultedOn() != null).count();
            System.out.printf(
                    "Thin-file book seed %d: %d of 2000 defaulted 2022-2025, oracle AUC 2024 %.4f%n",
                    seed, defaults, oracle);
            assertThat(oracle).as("seed %d", seed).isGreaterThan(0.88);
            // About 4-5 % a year over four years.
            assertThat(defaults).as("seed %d", seed).isBetween(250L, 500L);
        }
    }

    @Test
    void size_and_turnover_which_altman_z_leaves_out_rank_next_years_defaults() {
        long seed = 42;
        List<Double> size = new ArrayList<>(), turnover = new ArrayList<>();
        List<Integer> badSize = new ArrayList<>(), badTurnover = new ArrayList<>();
        for (ThinFileBook.Company c : ThinFileBook.generate(3_000, seed, 2021, 2024)) {
            for (ThinFileBook.Statement s : c.statements()) {
                int bad = failsNextYear(c, s);
                Long[] f = s.cents();
                size.add(Math.log10(f[5]));
                badSize.add(bad);
                if (f[0] != null) {
                    turnover.add((double) f[0] / f[5]);
                    badTurnover.add(bad);
                }
            }
        }
        assertThat(auc(size, badSize)).as("seed %d: log total assets", seed).isGreaterThan(0.58);
        assertThat(auc(turnover, badTurnover))
                .as("seed %d: sales / total assets", seed)
                .isGreaterThan(0.6);
    }

    @Test
    void failing_companies_leave_more_figures_empty_and_ratios_have_heavy_tails() {
        long seed = 7;
        int[] gaps = new int[2], figures = new int[2];
        double highestCurrentRatio = 0;
        for (ThinFileBook.Company c : ThinFileBook.generate(3_000, seed, 2021, 2024)) {
            for (ThinFileBook.Statement s : c.statements()) {
                int bad = failsNextYear(c, s);
                Long[] f = s.cents();
                for (Long figure : f) {
                    figures[bad]++;
                    if (figure == null) gaps[bad]++;
                }
                if (f[3] != null && f[4] != null && f[4] > 0)
                    highestCurrentRatio = Math.max(highestCurrentRatio, (double) f[3] / f[4]);
            }
        }
        double sound = (double) gaps[0] / figures[0], failing = (double) gaps[1] / figures[1];
        assertThat(sound).as("seed %d", seed).isBetween(0.02, 0.06);
        assertThat(failing)
                .as("seed %d: failing %.3f, sound %.3f", seed, failing, sound)
                .isGreaterThan(2 * sound);
        assertThat(highestCurrentRatio).as("seed %d", seed).isGreaterThan(10);
    }

    @Test
    void the_book_is_the_same_for_the_same_seed() throws IOException {
        Path one = Files.createTempDirectory("thin-one-"), two = Files.createTempDirectory("thin-two-");
        ThinFileBook.write(300, 11, 2021, 2024, one);
        ThinFileBook.write(300, 11, 2021, 2024, two);
        for (String file : List.of(ThinFileBook.CUSTOMERS, ThinFileBook.STATEMENTS, ThinFileBook.OUTCOMES)) {
            assertThat(Files.readString(one.resolve(file))).isEqualTo(Files.readString(two.resolve(file)));
        }
    }

    /** 1 when the company defaults in the year after the statement's. */
    private static int failsNextYear(ThinFileBook.Company c, ThinFileBook.Statement s) {
        return c.defaultedOn() != null && c.defaultedOn().getYear() == s.year() + 1 ? 1 : 0;
    }

    /** AUC with higher values the better companies. */
    private static double auc(List<Double> scores, List<Integer> bad) {
        return FitMetrics.auc(
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                bad.stream().mapToInt(Integer::intValue).toArray());
    }
}

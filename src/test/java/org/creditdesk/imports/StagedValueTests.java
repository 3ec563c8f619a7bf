package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The typed copy of a staged date or amount is decided in Java now; it must say exactly what the
 * SQL functions the checks used before say ({@code import_date()}, {@code import_amount()}), except
 * where {@code import_date()} raised an error, which must now be "not a date".
 */
@SpringBootTest
class StagedValueTests {

    private static final String DATE_CHARS = "0123456789-";
    private static final String AMOUNT_CHARS = "0123456789.";
    private static final String ODD = " +-eE,x\u0663\uff11\t";

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_edges_of_dates_and_amounts() {
        assertThat(StagedValue.isDate("2024-02-29")).isTrue();
        assertThat(StagedValue.isDate("2023-02-29")).isFalse();
        assertThat(StagedValue.isDate("1900-01-01")).isTrue();
        assertThat(StagedValue.isDate("1899-12-31")).isFalse();
        assertThat(StagedValue.isDate("2199-12-31")).isTrue();
        assertThat(StagedValue.isDate("2200-01-01")).isFalse();
        assertThat(StagedValue.isDate("2023-1-123")).isFalse();
        assertThat(StagedValue.isDate("2023-04-31")).isFalse();
        assertThat(StagedValue.isDate(" 2023-04-30")).isFalse();
        assertThat(StagedValue.isAmount("0")).isTrue();
        assertThat(StagedValue.isAmount("12345678901234567.89")).isTrue();
        assertThat(StagedValue.isAmount("123456789012345678")).isFalse();
        assertThat(StagedValue.isAmount("1.234")).isFalse();
        assertThat(StagedValue.isAmount("1.")).isFalse();
        assertThat(StagedValue.isAmount(".5")).isFalse();
        assertThat(StagedValue.isAmount("1.2.3")).isFalse();
        assertThat(StagedValue.isAmount("")).isFalse();
        assertThat(StagedValue.isAmount("-5")).isFalse();
    }

    @Test
    @Transactional
    void java_decides_every_date_and_amount_as_the_sql_functions_did_for_seeded_random_texts() {
        long seed = System.nanoTime();
        System.out.println("StagedValueTests seed " + seed);
        Random random = new Random(seed);
        List<String> dates = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        for (int n = 0; n < 40_000; n++) {
            dates.add(random.nextInt(3) == 0 ? text(random, DATE_CHARS, 8, 12) : dateLike(random));
            amounts.add(random.nextInt(3) == 0 ? text(random, AMOUNT_CHARS, 0, 22) : amountLike(random));
        }
        // import_date() raises on some digit-and-dash garbage (CAST fails after its checks passed): 'E'
        jdbc.sql("""
                CREATE FUNCTION pg_temp.date_or_error(value text) RETURNS text LANGUAGE plpgsql AS $$
                BEGIN
                    RETURN CASE WHEN import_date(value) IS NULL THEN 'N' ELSE 'Y' END;
                EXCEPTION WHEN others THEN
                    RETURN 'E';
                END $$""").update();
        List<String> sqlDates = jdbc.sql("""
                        SELECT pg_temp.date_or_error(d) FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t (d, n) ORDER BY n""")
                .param("texts", dates.toArray(String[]::new))
                .query(String.class)
                .list();
        List<Boolean> sqlAmounts = jdbc.sql("""
                        SELECT import_amount(a) IS NOT NULL FROM unnest(CAST(:texts AS text[])) WITH ORDINALITY AS t (a, n) ORDER BY n""")
                .param("texts", amounts.toArray(String[]::new))
                .query(Boolean.class)
                .list();
        int valid = 0;
        for (int i = 0; i < dates.size(); i++) {
            String sql = sqlDates.get(i);
            boolean java = StagedValue.isDate(dates.get(i));
            if (java) valid++;
            assertThat(java)
                    .as("seed %d, date '%s' (SQL %s)", seed, dates.get(i), sql)
                    .isEqualTo(sql.equals("Y"));
            assertThat(StagedValue.isAmount(amounts.get(i)))
                    .as("seed %d, amount '%s'", seed, amounts.get(i))
                    .isEqualTo(sqlAmounts.get(i));
        }
        assertThat(valid).as("the texts include valid dates").isGreaterThan(1_000);
        assertThat(sqlAmounts).as("and valid amounts").contains(true);
    }

    private static String dateLike(Random random) {
        String date = "%04d-%02d-%02d".formatted(1880 + random.nextInt(340), random.nextInt(14), random.nextInt(33));
        if (random.nextInt(4) > 0) return date;
        StringBuilder mutated = new StringBuilder(date);
        int at = random.nextInt(mutated.length());
        switch (random.nextInt(3)) {
            case 0 -> mutated.deleteCharAt(at);
            case 1 -> mutated.insert(at, DATE_CHARS.charAt(random.nextInt(DATE_CHARS.length())));
            default -> mutated.setCharAt(at, ODD.charAt(random.nextInt(ODD.length())));
        }
        return mutated.toString();
    }

    private static String amountLike(Random random) {
        StringBuilder amount = new StringBuilder(Long.toString(Math.abs(random.nextLong()) >> random.nextInt(63)));
        if (random.nextBoolean()) amount.append('.').append(random.nextInt(1000));
        if (random.nextInt(5) == 0) {
            amount.setCharAt(random.nextInt(amount.length()), ODD.charAt(random.nextInt(ODD.length())));
        }
        return amount.toString();
    }

    private static String text(Random random, String alphabet, int min, int max) {
        int length = min + random.nextInt(max - min + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return text.toString();
    }
}

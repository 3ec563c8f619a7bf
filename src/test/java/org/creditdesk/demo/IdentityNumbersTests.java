package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdentityNumbersTests {

    @Test
    void a_published_resident_id_number_has_the_check_character_the_generator_computes() {
        // The sample number of GB 11643-1999.
        assertThat(IdentityNumbers.residentIdCheck("11010519491231002")).isEqualTo('X');
    }

    @Test
    void resident_id_numbers_have_18_characters_region_birth_date_and_a_valid_check() {
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1_000; i++) {
            LocalDate born = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(12_000));
            String id = IdentityNumbers.residentId(random, "310115", born);
            assertThat(id)
                    .as("seed %d", seed)
                    .hasSize(18)
                    .startsWith("310115" + born.toString().replace("-", ""));
            assertThat(id.charAt(17)).as("seed %d", seed).isEqualTo(IdentityNumbers.residentIdCheck(id));
        }
    }

    @Test
    void unified_social_credit_codes_have_18_characters_and_a_valid_check() {
        // A published code (Alibaba Group's Hangzhou entity) checks out with the same algorithm.
        assertThat(IdentityNumbers.creditCodeCheck("91330100799655058")).isEqualTo('B');
        long seed = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 1_000; i++) {
            String code = IdentityNumbers.creditCode(random, "440305");
            assertThat(code).as("seed %d", seed).hasSize(18).startsWith("91440305");
            assertThat(code.charAt(17)).as("seed %d", seed).isEqualTo(IdentityNumbers.creditCodeCheck(code));
        }
    }
}

package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePinyinTests {

    @Test
    void han_characters_become_toneless_pinyin_run_together_with_their_initials() {
        NamePinyin keys = NamePinyin.of("上海华大贸易有限公司");

        assertThat(keys.full()).isEqualTo("shanghaihuadamaoyiyouxiangongsi");
        assertThat(keys.initials()).isEqualTo("shhdmyyxgs");
    }

    @Test
    void latin_words_and_digits_keep_their_letters_without_accents_or_punctuation() {
        assertThat(NamePinyin.of("ABC贸易（北京）")).isEqualTo(new NamePinyin("abcmaoyibeijing", "amybj"));
        assertThat(NamePinyin.of("Müller GmbH")).isEqualTo(new NamePinyin("mullergmbh", "mg"));
        assertThat(NamePinyin.of("重庆 2号仓")).isEqualTo(new NamePinyin("chongqing2haocang", "cq2hc"));
    }

    @Test
    void what_a_user_types_is_compared_without_case_spaces_or_punctuation() {
        assertThat(NamePinyin.searchable("Shang Hai")).isEqualTo("shanghai");
        assertThat(NamePinyin.searchable("SH-")).isEqualTo("sh");
        assertThat(NamePinyin.searchable("%_")).isEmpty();
    }

    @Test
    void one_character_at_a_time_gives_what_icu_gives_for_the_whole_name() {
        com.ibm.icu.text.Transliterator icu =
                com.ibm.icu.text.Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        long seed = System.nanoTime();
        java.util.Random random = new java.util.Random(seed);
        String alphabet = "上海华大贸易有限公司重庆长安北京东方机电广州白云五金深圳南山电子沈阳藏文Müller AG-Co.,（）2号";
        for (int n = 0; n < 200; n++) {
            StringBuilder name = new StringBuilder();
            int length = 1 + random.nextInt(14);
            for (int i = 0; i < length; i++) name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            if (random.nextBoolean()) name.append("重庆沈阳");
            String whole = icu.transliterate(name.toString());
            String expectedFull = whole.replaceAll("[^a-z0-9]", "");
            assertThat(NamePinyin.of(name.toString()).full())
                    .as("seed %d, name %s", seed, name)
                    .isEqualTo(expectedFull);
        }
    }
}

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
        assertThat(NamePinyin.of("重庆 2号仓")).isEqualTo(new NamePinyin("chongqing2haocang", "cq2c"));
    }

    @Test
    void what_a_user_types_is_compared_without_case_spaces_or_punctuation() {
        assertThat(NamePinyin.searchable("Shang Hai")).isEqualTo("shanghai");
        assertThat(NamePinyin.searchable("SH-")).isEqualTo("sh");
        assertThat(NamePinyin.searchable("%_")).isEmpty();
    }
}

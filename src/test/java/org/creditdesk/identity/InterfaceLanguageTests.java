package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterfaceLanguageTests {

    @Test
    void any_chinese_the_browser_asks_for_is_simplified_chinese() {
        assertThat(InterfaceLanguage.fromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8"))
                .isEqualTo(InterfaceLanguage.ZH_CN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("zh")).isEqualTo(InterfaceLanguage.ZH_CN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("zh-Hans-CN")).isEqualTo(InterfaceLanguage.ZH_CN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("zh-TW")).isEqualTo(InterfaceLanguage.ZH_CN);
    }

    @Test
    void the_first_language_we_speak_by_weight_wins() {
        assertThat(InterfaceLanguage.fromAcceptLanguage("fr;q=1, zh;q=0.5, en;q=0.7"))
                .isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("de, fr;q=0.9, zh;q=0.1"))
                .isEqualTo(InterfaceLanguage.ZH_CN);
    }

    @Test
    void nothing_we_speak_an_empty_or_a_broken_header_means_english() {
        assertThat(InterfaceLanguage.fromAcceptLanguage(null)).isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("")).isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("de-DE, fr")).isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("*")).isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage(";;q=x")).isEqualTo(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.fromAcceptLanguage("zh;q=0")).isEqualTo(InterfaceLanguage.EN);
    }

    @Test
    void stored_tags_are_read_back_and_unknown_ones_are_not() {
        assertThat(InterfaceLanguage.ofTag("zh-CN")).contains(InterfaceLanguage.ZH_CN);
        assertThat(InterfaceLanguage.ofTag("en")).contains(InterfaceLanguage.EN);
        assertThat(InterfaceLanguage.ofTag("fr")).isEmpty();
        assertThat(InterfaceLanguage.ofTag(null)).isEmpty();
    }

    @Test
    void only_paths_on_this_server_are_gone_back_to_after_switching() {
        assertThat(LanguageController.localPath("http://localhost:8080/customers?query=sh"))
                .isEqualTo("/customers?query=sh");
        assertThat(LanguageController.localPath("/risk")).isEqualTo("/risk");
        assertThat(LanguageController.localPath("//evil.example/x")).isEqualTo("/x");
        assertThat(LanguageController.localPath("javascript:alert(1)")).isEqualTo("/");
        assertThat(LanguageController.localPath(null)).isEqualTo("/");
        assertThat(LanguageController.localPath("http://a b")).isEqualTo("/");
    }
}

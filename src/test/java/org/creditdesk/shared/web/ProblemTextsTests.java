package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A refusal's detail in the caller's language, with the English the code wrote as the default. */
class ProblemTextsTests {

    private final ProblemTexts texts = new ProblemTexts(bundles());

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static ProblemException unknownCase(long id) {
        return ProblemException.notFound("Unknown legal case " + id).withKey("problem.text.unknownLegalCase", id);
    }

    @Test
    void a_keyed_detail_reads_in_chinese_for_a_chinese_caller_with_its_arguments_unformatted() {
        assertThat(texts.detail(unknownCase(12345), Locale.SIMPLIFIED_CHINESE)).isEqualTo("未知的法务案件 12345");
    }

    @Test
    void english_is_the_detail_exactly_as_the_code_wrote_it() {
        assertThat(texts.detail(unknownCase(12345), Locale.ENGLISH)).isEqualTo("Unknown legal case 12345");
        assertThat(texts.detail(unknownCase(12345), Locale.ROOT)).isEqualTo("Unknown legal case 12345");
    }

    @Test
    void a_detail_without_a_key_or_with_an_unknown_key_stays_english() {
        assertThat(texts.detail(ProblemException.conflict("Something new"), Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("Something new");
        assertThat(texts.detail(
                        ProblemException.conflict("Something new").withKey("problem.text.noSuchKey"),
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("Something new");
    }

    @Test
    void a_violation_that_repeats_the_detail_is_translated_with_it_and_others_keep_their_text() {
        ProblemException refused = new ProblemException(
                        ProblemException.Kind.RULE_VIOLATION,
                        "the case is closed",
                        List.of(Violation.field("status", "the case is closed"), Violation.field("note", "too long")))
                .withKey("problem.text.theCaseIsClosed");
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(texts.violations(refused))
                    .containsExactly(Violation.field("status", "案件已结案"), Violation.field("note", "too long"));
            assertThat(PageRefusal.of(refused))
                    .isEqualTo(new PageRefusal("案件已结案", List.of("status: 案件已结案", "note: too long")));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void a_reason_written_without_a_key_is_recognised_by_its_english_text_with_its_arguments() {
        ProblemException refused = ProblemException.malformed(
                "The request has invalid fields",
                List.of(
                        Violation.field("amount", "must be 0 or more"),
                        Violation.field("currency", "'XYZ' is not an ISO 4217 currency code"),
                        Violation.line(3, "expected 4 fields, found 2"),
                        Violation.field("template", "unknown placeholder {{payer}}; known: [customerName]")));
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        try {
            assertThat(texts.violations(refused))
                    .containsExactly(
                            Violation.field("amount", "必须大于或等于 0"),
                            Violation.field("currency", "'XYZ' 不是 ISO 4217 货币代码"),
                            Violation.line(3, "应有 4 个字段，实际为 2 个"),
                            Violation.field("template", "未知占位符 {{payer}}；已知：[customerName]"));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    @Test
    void a_detail_built_from_variables_without_a_key_is_recognised_too() {
        assertThat(texts.detail(
                        ProblemException.ruleViolation("2 of 9 rows are invalid; nothing was imported", List.of()),
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("9 行中有 2 行无效；未导入任何数据");
        assertThat(texts.detail(
                        ProblemException.malformed(
                                "code 'a b' may only hold letters A-Z, digits and - _ . (starting"
                                        + " with a letter or digit)",
                                List.of()),
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("code 'a b' 只能包含字母 A-Z、数字和 - _ .（以字母或数字开头）");
    }

    @Test
    void an_english_caller_reads_every_reason_exactly_as_the_code_wrote_it() {
        ProblemException refused =
                ProblemException.malformed("x", List.of(Violation.field("amount", "must be 0 or more")));
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        try {
            assertThat(texts.violations(refused)).containsExactly(Violation.field("amount", "must be 0 or more"));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}

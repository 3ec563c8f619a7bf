package org.creditdesk.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.creditdesk.TestMessages;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;

class EscalationMailLanguageTests {

    private static EscalationMail mail(int level, boolean procedural, Locale language) {
        return EscalationMail.of(
                new EscalationMail.Facts(
                        "C-7",
                        "上海华大贸易有限公司",
                        level,
                        new Rung(level, level * 10, List.of()).title(),
                        level * 10 + 2,
                        new BigDecimal("88000.00"),
                        "CNY",
                        procedural,
                        LocalDate.of(2026, 12, 4),
                        "王芳",
                        Role.COLLECTOR,
                        language),
                TestMessages.bundles());
    }

    @Test
    void a_recipient_who_chose_chinese_gets_the_mail_in_chinese() {
        EscalationMail mail = mail(2, false, Locale.SIMPLIFIED_CHINESE);

        assertThat(mail.subject()).contains("逾期升级第 2 级", "C-7", "上海华大贸易有限公司", "逾期 22 天", "88000.00 CNY");
        assertThat(mail.body())
                .startsWith("王芳，您好：")
                .contains("已于 2026-12-04 进入逾期升级第 2 级", "逾期天数：22", "逾期金额：88000.00 CNY")
                .contains("信用经理参与催收", "您以催收员身份收到此邮件");
    }

    @Test
    void every_level_and_the_grace_days_have_their_own_instruction_in_both_languages() {
        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            List<String> instructions = java.util.stream.IntStream.rangeClosed(1, 5)
                    .mapToObj(level -> mail(level, false, language).body())
                    .toList();
            assertThat(instructions).as("%s", language).doesNotHaveDuplicates();
            assertThat(mail(1, true, language).body())
                    .isNotEqualTo(mail(1, false, language).body());
        }
        assertThat(mail(1, true, Locale.ENGLISH).body()).contains("customer's payment run", "as collector");
        assertThat(mail(5, false, Locale.ENGLISH).body()).contains("company's procedure for level 5");
    }
}

package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalisation rules one by one, without Spring. */
class NormalisedKeysTests {

    @Test
    void a_mobile_number_written_any_way_is_one_e164_number() {
        assertThat(NormalisedKeys.phone("13800138000")).contains("+8613800138000");
        assertThat(NormalisedKeys.phone("+86 138-0013-8000")).contains("+8613800138000");
        assertThat(NormalisedKeys.phone("(+86) 138 0013 8000")).contains("+8613800138000");
        assertThat(NormalisedKeys.phone("0086 13800138000")).contains("+8613800138000");
    }

    @Test
    void full_width_digits_and_plus_sign_are_the_same_number() {
        assertThat(NormalisedKeys.phone("＋８６ １３８００１３８０００")).isEqualTo(NormalisedKeys.phone("13800138000"));
        assertThat(NormalisedKeys.phone("１３８－００１３－８０００")).contains("+8613800138000");
    }

    @Test
    void a_landline_with_area_code_is_one_number_with_or_without_the_country_code() {
        assertThat(NormalisedKeys.phone("010-6552 9988")).contains("+861065529988");
        assertThat(NormalisedKeys.phone("+86 10 6552 9988")).contains("+861065529988");
        assertThat(NormalisedKeys.phone("(021) 5012 3456")).contains("+862150123456");
    }

    @Test
    void a_foreign_number_keeps_its_country() {
        assertThat(NormalisedKeys.phone("+49 30 1234567")).contains("+49301234567");
        assertThat(NormalisedKeys.phone("+1 (650) 253-0000")).contains("+16502530000");
    }

    @Test
    void what_is_no_phone_number_gives_no_key() {
        assertThat(NormalisedKeys.phone("n/a")).isEmpty();
        assertThat(NormalisedKeys.phone("  ")).isEmpty();
        assertThat(NormalisedKeys.phone("123")).isEmpty();
    }

    @Test
    void chinese_names_lose_spaces_and_middle_dots_and_fold_full_width() {
        assertThat(NormalisedKeys.name("张 伟")).contains("张伟");
        assertThat(NormalisedKeys.name(" 张伟 ")).contains("张伟");
        assertThat(NormalisedKeys.name("张\u3000伟")).contains("张伟");
        assertThat(NormalisedKeys.name("阿卜杜·热合曼")).isEqualTo(NormalisedKeys.name("阿卜杜 热合曼"));
    }

    @Test
    void latin_names_fold_case_and_collapse_spaces_but_keep_word_breaks() {
        assertThat(NormalisedKeys.name("  Wang   XIAOMING ")).contains("wang xiaoming");
        assertThat(NormalisedKeys.name("Ｗａｎｇ Ｘｉａｏｍｉｎｇ")).contains("wang xiaoming");
        assertThat(NormalisedKeys.name("Wang Xiaoming")).isNotEqualTo(NormalisedKeys.name("Wangxiao Ming"));
    }

    @Test
    void a_person_is_keyed_by_the_id_number_when_known_else_by_name() {
        assertThat(NormalisedKeys.person("张伟", "11010119900307123x")).contains("11010119900307123X");
        assertThat(NormalisedKeys.person("Zhang Wei", " 110101 19900307 123X ")).contains("11010119900307123X");
        assertThat(NormalisedKeys.person("张伟", "１１０１０１１９９００３０７１２３Ｘ")).contains("11010119900307123X");
        assertThat(NormalisedKeys.person("张 伟", null)).contains("张伟");
        assertThat(NormalisedKeys.person("张 伟", "  ")).contains("张伟");
    }

    @Test
    void addresses_ignore_spacing_punctuation_case_and_full_width_characters() {
        assertThat(NormalisedKeys.address("北京市 朝阳区 建国路８８号"))
                .isEqualTo(NormalisedKeys.address("北京市朝阳区建国路88号"))
                .contains("北京市朝阳区建国路88号");
        assertThat(NormalisedKeys.address("北京市，朝阳区（建国路）88号。")).contains("北京市朝阳区建国路88号");
        assertThat(NormalisedKeys.address("12 Main St., Springfield"))
                .isEqualTo(NormalisedKeys.address("12 MAIN ST SPRINGFIELD"));
    }

    @Test
    void a_city_alone_is_too_short_to_link_anyone() {
        assertThat(NormalisedKeys.address("北京市")).isEmpty();
        assertThat(NormalisedKeys.address(null)).isEmpty();
    }

    @Test
    void bank_accounts_keep_digits_and_letters_only() {
        assertThat(NormalisedKeys.bankAccount("6222 0202 0001 2345 678")).contains("6222020200012345678");
        assertThat(NormalisedKeys.bankAccount("６２２２-０２０２-０００１")).contains("622202020001");
        assertThat(NormalisedKeys.bankAccount("de89 3704 0044 0532 0130 00")).contains("DE89370400440532013000");
        assertThat(NormalisedKeys.bankAccount("12-34")).isEmpty();
    }

    @Test
    void company_mail_domains_link_but_public_mail_providers_do_not() {
        assertThat(NormalisedKeys.emailDomain("Finance@Huaxia-Pumps.COM")).contains("huaxia-pumps.com");
        assertThat(NormalisedKeys.emailDomain("ｉｎｆｏ＠ｈｕａｘｉａ．ｃｎ")).contains("huaxia.cn");
        for (String mail :
                List.of("a@qq.com", "b@163.com", "c@126.com", "d@gmail.com", "e@Outlook.com", "f@sina.com")) {
            assertThat(NormalisedKeys.emailDomain(mail)).as(mail).isEmpty();
        }
        assertThat(NormalisedKeys.emailDomain("no-at-sign")).isEmpty();
    }

    @Test
    void a_customer_gives_each_key_once() {
        NormalisedParty party = new NormalisedParty(
                1,
                "北京市 朝阳区 建国路８８号",
                "ceo@huaxia.cn",
                List.of("13800138000", "+86 138-0013-8000"),
                List.of("6222 0202 0001 2345"),
                List.of(
                        new NormalisedParty.Person("张伟", "110101199003071234"),
                        new NormalisedParty.Person("张 伟", "110101 199003071234"),
                        new NormalisedParty.Person("李娜", null)));
        assertThat(NormalisedKeys.of(party))
                .containsExactly(
                        new NormalisedKey(LinkAttribute.PERSON, "110101199003071234"),
                        new NormalisedKey(LinkAttribute.PERSON, "李娜"),
                        new NormalisedKey(LinkAttribute.PHONE, "+8613800138000"),
                        new NormalisedKey(LinkAttribute.ADDRESS, "北京市朝阳区建国路88号"),
                        new NormalisedKey(LinkAttribute.BANK_ACCOUNT, "6222020200012345"),
                        new NormalisedKey(LinkAttribute.EMAIL_DOMAIN, "huaxia.cn"));
    }
}

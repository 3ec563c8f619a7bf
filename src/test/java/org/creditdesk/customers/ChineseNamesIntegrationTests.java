package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Chinese customer names sort by pinyin and are found by pinyin or its initials, however they were written. */
@SpringBootTest
class ChineseNamesIntegrationTests {

    @Autowired
    Customers customers;

    @Autowired
    Imports imports;

    @Autowired
    CustomerSearchKeys searchKeys;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    private final String area = "ZH-" + tag;

    private void save(String code, String name) {
        customers.upsert(
                code,
                new CustomerData(
                        name,
                        null,
                        null,
                        area,
                        BusinessGroup.VOLUME,
                        null,
                        30,
                        Currency.getInstance("CNY"),
                        null,
                        List.of(),
                        null,
                        List.of(),
                        List.of()),
                Caller.SYSTEM);
    }

    private void importCustomers(String csv) {
        imports.importCsv(
                ImportKind.CUSTOMERS, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), Caller.SYSTEM);
    }

    private List<String> names(String query) {
        return customers.search(new CustomerQuery(query, area, null, null, 0, 100), Caller.SYSTEM).items().stream()
                .map(CustomerSummary::name)
                .toList();
    }

    @Test
    void chinese_names_sort_by_pinyin_among_latin_names_not_after_them_by_code_point() {
        save("ZA-" + tag, "重庆长江建材");
        save("ZB-" + tag, "Beta Trading");
        save("ZC-" + tag, "安徽华通电器");
        save("ZD-" + tag, "北京东方机电");
        save("ZE-" + tag, "Zeta Supplies");

        List<String> sorted = names(null);

        // By code point 北 (U+5317) would come before 安 (U+5B89) and every Latin name before both.
        assertThat(sorted.indexOf("安徽华通电器")).isLessThan(sorted.indexOf("北京东方机电"));
        assertThat(sorted.indexOf("北京东方机电")).isLessThan(sorted.indexOf("重庆长江建材"));
        assertThat(sorted).containsExactlyInAnyOrder("重庆长江建材", "Beta Trading", "安徽华通电器", "北京东方机电", "Zeta Supplies");
        assertThat(sorted.subList(0, 3)).containsExactly("安徽华通电器", "北京东方机电", "重庆长江建材");
    }

    @Test
    void full_pinyin_initials_or_a_part_of_either_find_the_customer() {
        save("ZS-" + tag, "上海华大贸易有限公司");
        save("ZG-" + tag, "广州白云五金");

        assertThat(names("shanghai")).containsExactly("上海华大贸易有限公司");
        assertThat(names("Shang Hai Hua Da")).containsExactly("上海华大贸易有限公司");
        assertThat(names("sh")).containsExactly("上海华大贸易有限公司");
        assertThat(names("shhdmy")).containsExactly("上海华大贸易有限公司");
        assertThat(names("baiyun")).containsExactly("广州白云五金");
        assertThat(names("gzby")).containsExactly("广州白云五金");
        assertThat(names("华大")).containsExactly("上海华大贸易有限公司");
        assertThat(names("beijing")).isEmpty();
    }

    @Test
    void a_renamed_customer_is_found_by_its_new_pinyin_only() {
        save("ZR-" + tag, "杭州西湖茶业");
        assertThat(names("xihu")).containsExactly("杭州西湖茶业");

        save("ZR-" + tag, "苏州园林建筑");

        assertThat(names("xihu")).isEmpty();
        assertThat(names("szyl")).containsExactly("苏州园林建筑");
    }

    @Test
    void customers_imported_from_a_file_get_their_pinyin_in_the_same_import() {
        String csv = """
                code,name,area,businessGroup,paymentTermDays
                ZI1-%1$s,深圳南山电子,%2$s,VOLUME,30
                ZI2-%1$s,天津滨海物流,%2$s,VOLUME,45
                """.formatted(tag, area);
        importCustomers(csv);

        assertThat(jdbc.sql("SELECT name_pinyin FROM customer WHERE code = :code")
                        .param("code", "ZI1-" + tag)
                        .query(String.class)
                        .single())
                .isEqualTo("shenzhennanshandianzi");
        assertThat(names("tjbh")).containsExactly("天津滨海物流");
    }

    @Test
    void a_reimported_file_keys_renamed_customers_anew_and_keeps_the_keys_of_the_others() {
        String first = """
                code,name,area,businessGroup,paymentTermDays
                ZR1-%1$s,深圳南山电子,%2$s,VOLUME,30
                ZR2-%1$s,天津滨海物流,%2$s,VOLUME,45
                """.formatted(tag, area);
        String second = """
                code,name,area,businessGroup,paymentTermDays
                ZR1-%1$s,武汉光谷科技,%2$s,VOLUME,30
                ZR2-%1$s,天津滨海物流,%2$s,VOLUME,60
                """.formatted(tag, area);
        importCustomers(first);
        importCustomers(second);

        assertThat(jdbc.sql("""
                        SELECT code || ' ' || name_pinyin || ' ' || name_initials || ' ' || (name_pinyin_of = name)
                        FROM customer WHERE code LIKE :codes ORDER BY code
                        """)
                        .param("codes", "ZR_-" + tag)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "ZR1-" + tag + " wuhanguanggukeji whggkj true",
                        "ZR2-" + tag + " tianjinbinhaiwuliu tjbhwl true");
        assertThat(names("szns")).isEmpty();
        assertThat(names("whgg")).containsExactly("武汉光谷科技");
    }

    @Test
    void imported_keys_equal_the_keys_computed_one_customer_at_a_time_for_seeded_random_names() {
        long seed = System.nanoTime();
        System.out.println("ChineseNamesIntegrationTests seed " + seed);
        java.util.Random random = new java.util.Random(seed);
        String syllables = "上海华大贸易深圳南山电子天津滨海物流重庆厦门长沙银行乐器行";
        java.util.function.Supplier<String> name = () -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0, n = 2 + random.nextInt(8); i < n; i++) {
                text.append(syllables.charAt(random.nextInt(syllables.length())));
            }
            if (random.nextBoolean()) text.append(" Müller & Co ").append(random.nextInt(100));
            return text.toString();
        };
        for (int file = 0; file < 2; file++) {
            StringBuilder csv = new StringBuilder("code,name,area,businessGroup,paymentTermDays\n");
            for (int i = 0; i < 40; i++) {
                csv.append("ZP%d-%s,\"%s\",%s,VOLUME,30\n".formatted(i, tag, name.get(), area));
            }
            importCustomers(csv.toString());
        }

        var stored = jdbc.sql("""
                        SELECT name, name_pinyin, name_initials, name_pinyin_of FROM customer
                        WHERE code LIKE :codes ORDER BY code
                        """)
                .param("codes", "ZP%-" + tag)
                .query((rs, n) -> List.of(
                        rs.getString("name"),
                        rs.getString("name_pinyin"),
                        rs.getString("name_initials"),
                        rs.getString("name_pinyin_of")))
                .list();
        assertThat(stored).hasSize(40);
        for (List<String> row : stored) {
            NamePinyin expected = NamePinyin.of(row.get(0));
            assertThat(row.subList(1, 4))
                    .as("seed %d, name %s", seed, row.get(0))
                    .containsExactly(expected.full(), expected.initials(), row.get(0));
        }
    }

    @Test
    void names_written_behind_the_applications_back_get_their_keys_at_the_next_start() {
        save("ZW-" + tag, "Placeholder");
        jdbc.sql("UPDATE customer SET name = '武汉光谷科技' WHERE code = :code")
                .param("code", "ZW-" + tag)
                .update();
        assertThat(names("wuhan")).isEmpty();

        searchKeys.refreshAllStale();

        assertThat(names("wuhan")).containsExactly("武汉光谷科技");
    }
}

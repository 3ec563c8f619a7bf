package org.creditdesk.shared.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.SoftAssertions;
import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15 "Also": a bounded, seeded fuzz of the JSON and CSV readers. Each round puts one hostile
 * string (or a hostile raw token) into one field of a valid-looking request; whatever the server
 * answers, it is never a 5xx and never carries database error text. The seed is printed; set
 * {@code -Dfuzz.seed=N} to replay a run, {@code -Dfuzz.rounds=N} to run longer.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HostileInputFuzzTests {

    private static final List<String> HOSTILE = List.of(
            "",
            " ",
            "'",
            "\"",
            "\\",
            "'; DROP TABLE invoice; --",
            "\" OR 1=1 --",
            "<!--<script>alert(1)</script>",
            "</script><script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "=HYPERLINK(\"http://x\")",
            "\u0000",
            "a\u0000b",
            "\ud800",
            "x\udc00y",
            "\u202Eevil",
            "😀😀😀",
            "张伟",
            "%00",
            "%",
            "../../etc/passwd",
            "a/b",
            "a;b",
            "a|b",
            "SP ACE",
            "\t\r\n",
            "0000-01-01",
            "+10000-01-01",
            "-2026-01-01",
            "2026-02-30",
            "99999999999999999999999999",
            "-1",
            "1e400",
            "NaN",
            "X".repeat(70),
            "N".repeat(9000));

    private static final List<String> RAW_TOKENS =
            List.of("20261206", "-1", "1e999", "true", "null", "[]", "{}", "[1,[2,[3]]]", "\"\\ud800\"", "0.000001");

    record Target(HttpMethod method, String uri, Map<String, Object> body) {}

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    private static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(
                HttpMethod.PUT,
                "/api/v1/customers/FUZZ-C",
                map(
                        "name",
                        "Fuzz Ltd",
                        "area",
                        "FUZZ",
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30,
                        "establishedOn",
                        "2010-01-01",
                        "currency",
                        "CNY",
                        "address",
                        "Somewhere 1",
                        "email",
                        "a@b.cn",
                        "phones",
                        List.of("13900000000"),
                        "people",
                        List.of(Map.of("name", "Li", "idNo", "X1", "role", "DIRECTOR")))));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/invoices",
                map(
                        "invoiceNo",
                        "FUZZ-I",
                        "customerCode",
                        "FUZZ-C",
                        "issueDate",
                        "2026-01-01",
                        "dueDate",
                        "2026-02-01",
                        "amount",
                        10,
                        "currency",
                        "CNY",
                        "productLine",
                        "X")));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/orders",
                map(
                        "orderNo",
                        "FUZZ-O",
                        "customerCode",
                        "FUZZ-C",
                        "orderDate",
                        "2026-01-01",
                        "amount",
                        10,
                        "currency",
                        "CNY",
                        "contractNo",
                        "K-1")));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/payments",
                map(
                        "paymentNo",
                        "FUZZ-P",
                        "customerCode",
                        "FUZZ-C",
                        "receivedOn",
                        "2026-01-05",
                        "amount",
                        1,
                        "method",
                        "CASH",
                        "allocations",
                        List.of(Map.of("invoiceNo", "FUZZ-I", "amount", 1)))));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/credit-notes",
                map(
                        "creditNoteNo",
                        "FUZZ-N",
                        "customerCode",
                        "FUZZ-C",
                        "issueDate",
                        "2026-01-03",
                        "amount",
                        1,
                        "reason",
                        "fuzz")));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/credit-checks",
                map("customerCode", "FUZZ-C", "amount", 1, "currency", "CNY", "asOf", "2026-01-01")));
        targets.add(new Target(
                HttpMethod.POST,
                "/api/v1/customers/FUZZ-C/credit-limit-requests",
                map("amount", 100, "currency", "CNY", "validUntil", "2027-01-01", "reason", "fuzz")));
        return targets;
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }

    @Test
    void hostile_strings_in_any_field_of_the_json_and_csv_readers_never_cause_a_5xx_or_leak_sql() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        int rounds = Integer.getInteger("fuzz.rounds", 160);
        System.out.println("HostileInputFuzzTests seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Target> targets = targets();
        SoftAssertions soft = new SoftAssertions();
        long deadline = System.nanoTime() + 25_000_000_000L;
        for (int round = 0; round < rounds && System.nanoTime() < deadline; round++) {
            Target target = targets.get(random.nextInt(targets.size()));
            List<String> fields = new ArrayList<>(target.body().keySet());
            String field = fields.get(random.nextInt(fields.size()));
            String body;
            String uri = target.uri();
            if (random.nextInt(4) == 0) {
                String placeholder = "\"@@FUZZ@@\"";
                Map<String, Object> copy = new LinkedHashMap<>(target.body());
                copy.put(field, "@@FUZZ@@");
                body = json.writeValueAsString(copy)
                        .replace(placeholder, RAW_TOKENS.get(random.nextInt(RAW_TOKENS.size())));
            } else {
                Map<String, Object> copy = new LinkedHashMap<>(target.body());
                copy.put(field, hostile(random));
                body = json.writeValueAsString(copy);
            }
            MvcTestResult result = mvc.method(target.method())
                    .uri(uri)
                    .with(TestUsers.admin())
                    .with(csrf())
                    .contentType("application/json")
                    .content(body)
                    .exchange();
            check(soft, "%s %s %s".formatted(target.method(), uri, abbreviate(body)), result);
        }
        for (int round = 0; round < 20 && System.nanoTime() < deadline; round++) {
            String csv = "invoiceNo,customerCode,issueDate,dueDate,amount,currency\n"
                    + String.join(
                            ",",
                            csvCell(random),
                            csvCell(random),
                            csvCell(random),
                            csvCell(random),
                            csvCell(random),
                            csvCell(random))
                    + "\n";
            MvcTestResult result = mvc.post()
                    .uri("/api/v1/imports/invoices")
                    .with(TestUsers.admin())
                    .with(csrf())
                    .contentType("text/csv")
                    .content(csv)
                    .exchange();
            check(soft, "CSV " + abbreviate(csv), result);
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String what, MvcTestResult result) throws Exception {
        int status = result.getResponse().getStatus();
        String answer = result.getResponse().getContentAsString();
        soft.assertThat(status).as(what).isLessThan(500);
        soft.assertThat(answer)
                .as(what)
                .doesNotContainIgnoringCase("postgres")
                .doesNotContain("ERROR:", "SQLState", "Exception", "syntax error");
    }

    private static String hostile(Random random) {
        if (random.nextInt(5) == 0) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) text.append((char) random.nextInt(0x10000));
            return text.toString();
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static String csvCell(Random random) {
        String value = HOSTILE.get(random.nextInt(HOSTILE.size()));
        return random.nextBoolean() ? value.replace(",", "") : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}

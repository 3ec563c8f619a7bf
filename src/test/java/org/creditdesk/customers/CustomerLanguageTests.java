package org.creditdesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;
import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The customer's letter language: through the API and the CSV import; absent means the company's. */
@SpringBootTest
@AutoConfigureMockMvc
class CustomerLanguageTests {

    @Autowired
    MockMvcTester mvc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    private MvcTestResult put(String code, String language) {
        return mvc.put()
                .uri("/api/v1/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"name": "Lang %s", "area": "EAST-%s", "businessGroup": "VOLUME", "paymentTermDays": 30%s}
                        """.formatted(tag, tag, language == null ? "" : ", \"language\": \"" + language + "\""))
                .with(TestUsers.admin())
                .with(csrf())
                .exchange();
    }

    @Test
    void a_customer_keeps_its_letter_language_and_without_one_answers_null_for_the_companys() {
        assertThat(put("L1-" + tag, "zh_cn")).hasStatus(HttpStatus.CREATED);
        assertThat(put("L2-" + tag, null)).hasStatus(HttpStatus.CREATED);

        assertThat(mvc.get().uri("/api/v1/customers/{code}", "L1-" + tag).with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$.language")
                .isEqualTo("zh-CN");
        assertThat(mvc.get().uri("/api/v1/customers/{code}", "L2-" + tag).with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$.language")
                .isNull();
        assertThat(put("L1-" + tag, "zh-CN")).as("the same record again").hasStatus(HttpStatus.OK);
    }

    @Test
    void an_unknown_language_is_refused_naming_the_field() {
        assertThat(put("L3-" + tag, "fr"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("language")
                .contains("'fr' is not a letter language");
    }

    @Test
    void the_customers_import_takes_a_language_column_and_names_the_line_of_a_bad_one() {
        String good = """
                code,name,area,businessGroup,paymentTermDays,language
                LI1-%s,Imported One,EAST-%s,VOLUME,30,zh-CN
                LI2-%s,Imported Two,EAST-%s,VOLUME,30,
                """.formatted(tag, tag, tag, tag);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/customers")
                        .contentType(MediaType.valueOf("text/csv"))
                        .content(good)
                        .with(TestUsers.admin())
                        .with(csrf()))
                .hasStatusOk();
        assertThat(mvc.get().uri("/api/v1/customers/{code}", "LI1-" + tag).with(TestUsers.admin()))
                .bodyJson()
                .extractingPath("$.language")
                .isEqualTo("zh-CN");

        String bad = """
                code,name,area,businessGroup,paymentTermDays,language
                LI3-%s,Imported Three,EAST-%s,VOLUME,30,de
                """.formatted(tag, tag);
        assertThat(mvc.post()
                        .uri("/api/v1/imports/customers")
                        .contentType(MediaType.valueOf("text/csv"))
                        .content(bad)
                        .with(TestUsers.admin())
                        .with(csrf()))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("\"line\":2")
                .contains("not a letter language");
    }
}

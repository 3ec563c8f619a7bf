package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The credit-limit letter in the language of the user who prints it. */
@SpringBootTest
@AutoConfigureMockMvc
class ChineseLetterIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    private String customer() {
        String code = "ZHL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "杭州西湖茶业有限公司", "area": "EAST", "businessGroup": "VOLUME",
                                 "paymentTermDays": 60, "currency": "CNY"}
                                """))
                .hasStatus(HttpStatus.CREATED);
        return code;
    }

    private String letterText(String code, String language) throws Exception {
        MvcTestResult result = mvc.get()
                .uri("/customers/{code}/credit-limit-letter.pdf?asOf={asOf}", code, LocalDate.of(2025, 6, 30))
                .with(user("admin").roles("ADMIN"))
                .header("Accept-Language", language)
                .exchange();
        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void a_user_working_in_chinese_prints_the_letter_in_chinese_with_a_chinese_date() throws Exception {
        String code = customer();

        assertThat(letterText(code, "zh-CN"))
                .contains("信用额度通知函", "尊敬的客户", "客户编号：" + code, "发票日起 60 天", "2025年6月30日")
                .contains("款到发货", "信用管理部")
                .doesNotContain("Dear customer");
    }

    @Test
    void the_same_letter_in_english_keeps_its_english_wording() throws Exception {
        String code = customer();

        assertThat(letterText(code, "en"))
                .contains("Notification of your credit limit", "Customer no. " + code, "60 days from invoice date")
                .contains("30 June 2025", "Credit department");
    }
}

package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.Letterheads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.thymeleaf.TemplateEngine;

/** The credit-limit letter prints Chinese customer names with a subset of the CJK font embedded. */
@SpringBootTest
@AutoConfigureMockMvc
class LimitLetterIntegrationTests {

    static final String CHINESE_NAME = "上海华东贸易有限公司";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    LimitLetter letter;

    @Autowired
    TemplateEngine templates;

    @Autowired
    Customers customers;

    @Autowired
    Scores scores;

    @Autowired
    Letterheads letterheads;

    @Test
    void a_chinese_customer_name_is_printed_with_an_embedded_subset_of_the_cjk_font() throws IOException {
        assertThat(letter.cjkFont())
                .as("a CJK font: ./creditdesk test installs Debian's fonts-droid-fallback, or set"
                        + " creditdesk.letters.cjk-font")
                .isPresent();
        String code = chineseCustomer();

        MvcTestResult result = mvc.get()
                .uri("/customers/{code}/credit-limit-letter.pdf?asOf={asOf}", code, AS_OF)
                .with(user("admin").roles("ADMIN"))
                .exchange();

        assertThat(result).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        try (PDDocument pdf = Loader.loadPDF(result.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(CHINESE_NAME)
                    .contains("Customer no. " + code)
                    .contains("45 days from invoice date");
            List<PDFont> cjk = fonts(pdf).stream()
                    .filter(f -> f.getName() != null && !f.getName().contains("Helvetica"))
                    .toList();
            assertThat(cjk)
                    .as("embedded fonts besides the built-in Helvetica")
                    .isNotEmpty()
                    .allSatisfy(f -> {
                        assertThat(f.isEmbedded()).isTrue();
                        // A subset's name carries a six-letter tag: ABCDEF+FontName.
                        assertThat(f.getName()).matches("[A-Z]{6}\\+.+");
                    });
        }
    }

    @Test
    void the_font_named_in_the_setting_is_used_and_a_font_collection_works_as_well_as_a_single_font()
            throws IOException {
        // A .ttc of the well-known list when one is installed (wqy, arphic), else the .ttf found.
        Path font = LetterSettings.WELL_KNOWN.stream()
                .filter(p -> p.toString().endsWith(".ttc"))
                .filter(Files::isReadable)
                .findFirst()
                .orElseGet(() -> letter.cjkFont().orElseThrow());
        LimitLetter configured = new LimitLetter(templates, new LetterSettings(font), letterheads);
        assertThat(configured.cjkFont()).contains(font);
        String code = chineseCustomer();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("company", "CreditDesk");
        model.put("customer", customers.require(code, Caller.SYSTEM));
        model.put("date", AS_OF);
        model.put("limit", null);
        model.put("score", scores.score(code, AS_OF, Caller.SYSTEM));

        try (PDDocument pdf = Loader.loadPDF(configured.render(model, Locale.ENGLISH))) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .as("rendered with " + font)
                    .contains(CHINESE_NAME);
        }
    }

    @Test
    void a_missing_font_file_in_the_setting_falls_back_to_a_well_known_one() {
        LimitLetter configured =
                new LimitLetter(templates, new LetterSettings(Path.of("/nonexistent/font.ttf")), letterheads);
        assertThat(configured.cjkFont()).isEqualTo(letter.cjkFont());
    }

    private String chineseCustomer() {
        String code = "CJK-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "%s", "area": "EAST", "businessGroup": "VOLUME", "paymentTermDays": 45,
                                 "currency": "CNY"}
                                """.formatted(CHINESE_NAME)))
                .hasStatus(HttpStatus.CREATED);
        return code;
    }

    private static List<PDFont> fonts(PDDocument pdf) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}

package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.shared.Letterheads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The seller's letterhead: set through the API by the general manager, printed on the letters. */
@SpringBootTest
@AutoConfigureMockMvc
class LetterheadIntegrationTests {

    /** A one-pixel PNG. */
    static final String LOGO = "data:image/png;base64,"
            + "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Letterheads letterheads;

    @AfterEach
    void plainLetterheadAgain() {
        letterheads.change(null, null, null, null, "test", "back to the plain letterhead");
    }

    @Test
    void the_general_manager_sets_the_letterhead_and_the_letter_prints_it_with_the_logo() throws Exception {
        assertThat(mvc.put()
                        .uri("/api/v1/settings/letterhead")
                        .with(user("gm").roles("GENERAL_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"address": "88 Huaihai Road, Shanghai", "phone": "+86 21 5555 0100",
                                 "email": "credit@seller.example", "logo": "%s", "reason": "new office"}
                                """.formatted(LOGO)))
                .hasStatusOk();
        String code = customer();

        MvcTestResult letter = mvc.get()
                .uri("/customers/{code}/credit-limit-letter.pdf", code)
                .with(user("admin").roles("ADMIN"))
                .exchange();

        assertThat(letter).hasStatusOk();
        try (PDDocument pdf = Loader.loadPDF(letter.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains("88 Huaihai Road, Shanghai", "+86 21 5555 0100 · credit@seller.example");
            assertThat(pdf.getPage(0).getResources().getXObjectNames())
                    .as("the logo")
                    .isNotEmpty();
        }
    }

    @Test
    void a_logo_that_is_not_a_png_or_jpeg_data_uri_is_refused_naming_the_field() {
        assertThat(mvc.put()
                        .uri("/api/v1/settings/letterhead")
                        .with(user("gm").roles("GENERAL_MANAGER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"logo": "https://example.com/logo.svg", "reason": "try"}
                                """))
                .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                .bodyText()
                .contains("logo");
    }

    @Test
    void a_sales_rep_may_not_change_the_letterhead() {
        assertThat(mvc.put()
                        .uri("/api/v1/settings/letterhead")
                        .with(user("rep").roles("SALES_REP"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"address": "elsewhere", "reason": "try"}
                                """))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private String customer() {
        String code = "LH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(mvc.put()
                        .uri("/api/v1/customers/{code}", code)
                        .with(user("admin").roles("ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name": "Letterhead Test Ltd", "area": "EAST", "businessGroup": "VOLUME",
                                 "paymentTermDays": 30, "currency": "CNY"}
                                """))
                .hasStatus(HttpStatus.CREATED);
        return code;
    }
}

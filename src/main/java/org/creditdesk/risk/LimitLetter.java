package org.creditdesk.risk;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** The credit-limit notification letter to the customer: an HTML template rendered to PDF. */
@Component
class LimitLetter {

    private final TemplateEngine templates;

    LimitLetter(TemplateEngine templates) {
        this.templates = templates;
    }

    byte[] render(Map<String, Object> model, Locale locale) {
        String html = templates.process("risk/letter", new Context(locale, model));
        try (ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the credit-limit letter", e);
        }
    }
}

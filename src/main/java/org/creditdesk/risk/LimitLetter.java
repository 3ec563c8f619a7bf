package org.creditdesk.risk;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.shared.Letterheads;
import org.creditdesk.shared.pdf.HtmlPdf;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The credit-limit notification letter to the customer: an HTML template rendered to PDF. Chinese
 * names need a CJK font embedded in the PDF (the built-in PDF fonts have no CJK glyphs): rendered by
 * {@link HtmlPdf}, the renderer the reminder letters use, with the font of {@code creditdesk.letters.cjk-font}.
 */
@Component
class LimitLetter {

    private final TemplateEngine templates;
    private final Letterheads letterheads;
    private final HtmlPdf pdf;

    LimitLetter(TemplateEngine templates, LetterSettings settings, Letterheads letterheads) {
        this.templates = templates;
        this.letterheads = letterheads;
        this.pdf = new HtmlPdf(settings.cjkFont());
    }

    /** The CJK font file the letters embed, if any. */
    Optional<Path> cjkFont() {
        return pdf.cjkFont();
    }

    /** Renders the letter under the seller's letterhead (name, address, contacts, logo). */
    byte[] render(Map<String, Object> model, Locale locale) {
        Map<String, Object> withLetterhead = new java.util.LinkedHashMap<>(model);
        withLetterhead.put("letterhead", letterheads.current());
        withLetterhead.putIfAbsent("letterCase", model.get("limit") == null ? LetterCase.NO_LIMIT : LetterCase.LIMIT);
        String html = templates.process("risk/letter", new Context(locale, withLetterhead));
        return pdf.render(html);
    }
}

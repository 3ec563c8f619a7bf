package org.creditdesk.risk;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.creditdesk.shared.Letterheads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The credit-limit notification letter to the customer: an HTML template rendered to PDF. Chinese
 * names need a CJK font embedded in the PDF: the built-in PDF fonts have no CJK glyphs.
 */
@Component
class LimitLetter {

    /** The family the letter's CSS falls back to for characters the Latin font lacks. */
    static final String CJK_FAMILY = "CreditDesk CJK";

    private static final Logger log = LoggerFactory.getLogger(LimitLetter.class);

    private final TemplateEngine templates;
    private final Letterheads letterheads;
    private final @Nullable Path cjkFont;

    LimitLetter(TemplateEngine templates, LetterSettings settings, Letterheads letterheads) {
        this.templates = templates;
        this.letterheads = letterheads;
        this.cjkFont = cjkFont(settings).orElse(null);
    }

    /** The CJK font file the letters embed, if any. */
    Optional<Path> cjkFont() {
        return Optional.ofNullable(cjkFont);
    }

    /** Renders the letter under the seller's letterhead (name, address, contacts, logo). */
    byte[] render(Map<String, Object> model, Locale locale) {
        Map<String, Object> withLetterhead = new java.util.LinkedHashMap<>(model);
        withLetterhead.put("letterhead", letterheads.current());
        withLetterhead.putIfAbsent("letterCase", model.get("limit") == null ? LetterCase.NO_LIMIT : LetterCase.LIMIT);
        String html = templates.process("risk/letter", new Context(locale, withLetterhead));
        @Nullable TrueTypeCollection collection = null;
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            if (cjkFont != null) {
                collection = useCjkFont(builder, document, cjkFont);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the credit-limit letter", e);
        } finally {
            closeQuietly(collection);
        }
    }

    /**
     * Subset-embeds the font (only the glyphs the letter uses). Of a collection the first font is
     * used, and the collection is returned: it must stay open until the PDF is written.
     */
    private static @Nullable TrueTypeCollection useCjkFont(PdfRendererBuilder builder, PDDocument document, Path file)
            throws IOException {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttc")) {
            builder.useFont(file.toFile(), CJK_FAMILY);
            return null;
        }
        AtomicReference<@Nullable TrueTypeFont> first = new AtomicReference<>();
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        collection.processAllFonts(font -> first.compareAndSet(null, font));
        TrueTypeFont font = first.get();
        if (font == null) {
            collection.close();
            throw new IOException(file + " holds no font");
        }
        PDType0Font type0 = PDType0Font.load(document, font, true);
        builder.useFont(new PDFontSupplier(type0), CJK_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
        return collection;
    }

    private static void closeQuietly(@Nullable TrueTypeCollection collection) {
        if (collection == null) return;
        try {
            collection.close();
        } catch (IOException e) {
            log.debug("CJK font collection did not close cleanly", e);
        }
    }

    private static boolean usable(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    private static Optional<Path> cjkFont(LetterSettings settings) {
        Path configured = settings.cjkFont();
        if (configured != null) {
            if (usable(configured)) return Optional.of(configured);
            log.warn(
                    "creditdesk.letters.cjk-font {} is not a readable file; looking for a known CJK font instead",
                    configured);
        }
        Optional<Path> found =
                LetterSettings.WELL_KNOWN.stream().filter(LimitLetter::usable).findFirst();
        if (found.isEmpty()) {
            log.warn(
                    "No CJK font found (creditdesk.letters.cjk-font unset and none of {}): Chinese names in"
                            + " credit-limit letters will be missing. Install Debian's fonts-droid-fallback or set"
                            + " creditdesk.letters.cjk-font to a TrueType file.",
                    LetterSettings.WELL_KNOWN);
        }
        return found;
    }
}

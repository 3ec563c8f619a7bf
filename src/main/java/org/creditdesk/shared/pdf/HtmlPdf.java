package org.creditdesk.shared.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Well-formed XHTML to PDF through openhtmltopdf, embedding a subset of a CJK TrueType font (only the
 * glyphs used) as the family {@link #CJK_FAMILY}, so Chinese text prints. The font is
 * {@code creditdesk.letters.cjk-font}, else the first of {@link #WELL_KNOWN} installed; without one
 * Chinese characters are left out (a warning at start).
 */
@Component
public class HtmlPdf {

    /** The CSS family name to fall back to for characters the Latin font lacks. */
    public static final String CJK_FAMILY = "CreditDesk CJK";

    /** Debian's CJK fonts with TrueType (glyf) outlines, which PDFBox embeds. */
    public static final List<Path> WELL_KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"));

    private static final Logger log = LoggerFactory.getLogger(HtmlPdf.class);

    private final @Nullable Path cjkFont;

    @Autowired
    HtmlPdf(@Value("${creditdesk.letters.cjk-font:}") String configured) {
        this(configured.isBlank() ? null : Path.of(configured));
    }

    /** A renderer embedding the configured font, else the first installed well-known one. */
    public HtmlPdf(@Nullable Path configured) {
        this.cjkFont = find(configured).orElse(null);
    }

    public Optional<Path> cjkFont() {
        return Optional.ofNullable(cjkFont);
    }

    /** Renders one XHTML document (it must be well-formed XML) to PDF bytes. */
    public byte[] render(String xhtml) {
        @Nullable TrueTypeCollection collection = null;
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream pdf = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePDDocument(document);
            if (cjkFont != null) collection = useCjkFont(builder, document, cjkFont);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(pdf);
            builder.run();
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF", e);
        } finally {
            if (collection != null) {
                try {
                    collection.close();
                } catch (IOException e) {
                    log.debug("CJK font collection did not close cleanly", e);
                }
            }
        }
    }

    /** Of a collection the first font is used; the collection must stay open until the PDF is written. */
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

    private static boolean usable(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    private static Optional<Path> find(@Nullable Path configured) {
        if (configured != null) {
            if (usable(configured)) return Optional.of(configured);
            log.warn("creditdesk.letters.cjk-font {} is not a readable file; looking for a known CJK font", configured);
        }
        Optional<Path> found = WELL_KNOWN.stream().filter(HtmlPdf::usable).findFirst();
        if (found.isEmpty()) {
            log.warn("No CJK font found: Chinese text in PDF letters will be missing. Install Debian's"
                    + " fonts-droid-fallback or set creditdesk.letters.cjk-font to a TrueType file.");
        }
        return found;
    }
}

package org.creditdesk.risk;

import java.nio.file.Path;
import java.util.List;
import org.creditdesk.shared.pdf.HtmlPdf;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The letters' CJK font: a TrueType file ({@code .ttf}, or a {@code .ttc} collection whose first font
 * is used) embedded as a subset so that Chinese customer names print. Unset, the first of the
 * {@link #WELL_KNOWN} Debian font files present is used.
 */
@ConfigurationProperties("creditdesk.letters")
record LetterSettings(@Nullable Path cjkFont) {

    LetterSettings {
        // An empty environment variable behind the setting means unset, not the working directory.
        if (cjkFont != null && cjkFont.toString().isBlank()) cjkFont = null;
    }

    /** The fonts looked for when none is configured (see {@link HtmlPdf#WELL_KNOWN}). */
    static final List<Path> WELL_KNOWN = HtmlPdf.WELL_KNOWN;
}

package org.creditdesk.risk;

import java.nio.file.Path;
import java.util.List;
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

    /**
     * Debian's CJK fonts with TrueType (glyf) outlines, which PDFBox embeds; Noto CJK ships CFF
     * outlines only and is therefore not among them. {@code ./creditdesk test} installs the first.
     */
    static final List<Path> WELL_KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/uming.ttc"),
            Path.of("/usr/share/fonts/truetype/arphic/ukai.ttc"));
}

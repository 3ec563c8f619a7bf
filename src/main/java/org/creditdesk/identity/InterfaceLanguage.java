package org.creditdesk.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The languages the interface speaks; English unless the user or the browser asks for Chinese. */
public enum InterfaceLanguage {
    EN("en", Locale.ENGLISH),
    ZH_CN("zh-CN", Locale.SIMPLIFIED_CHINESE);

    public final String tag;
    public final Locale locale;

    InterfaceLanguage(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public static Optional<InterfaceLanguage> ofTag(@Nullable String tag) {
        return Arrays.stream(values()).filter(l -> l.tag.equalsIgnoreCase(tag)).findFirst();
    }

    /**
     * The first language of an {@code Accept-Language} header (by weight) that we speak: any Chinese
     * ({@code zh}, {@code zh-Hans}, {@code zh-TW}) is Simplified Chinese, since it is the only one we have;
     * {@code *}, English or nothing we speak is English. A header that does not parse is ignored.
     */
    public static InterfaceLanguage fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.isBlank()) return EN;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException malformed) {
            return EN;
        }
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() <= 0) continue;
            String language = range.getRange().split("-", 2)[0];
            if (language.equals("zh")) return ZH_CN;
            if (language.equals("en") || language.equals("*")) return EN;
        }
        return EN;
    }
}

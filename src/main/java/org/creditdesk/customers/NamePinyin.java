package org.creditdesk.customers;

import com.ibm.icu.text.Transliterator;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The pinyin search keys of a customer name: {@code full} the syllables run together
 * ("上海华大贸易" → "shanghaihuadamaoyi"), {@code initials} the first letter of each
 * ("shhdmy"). Latin words keep their letters without accents; digits stay. Readings come from
 * ICU's Han-Latin transliteration, which knows one reading per character (重庆 is "chongqing",
 * but 厦门 reads "shamen").
 */
record NamePinyin(String full, String initials) {

    private static final Transliterator TO_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final Pattern WORD_BREAKS = Pattern.compile("[^a-z0-9]+");

    static NamePinyin of(String name) {
        String latin;
        // An ICU Transliterator instance is not safe for concurrent use.
        synchronized (TO_LATIN) {
            latin = TO_LATIN.transliterate(name);
        }
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        for (String word : WORD_BREAKS.split(latin.toLowerCase(Locale.ROOT))) {
            if (word.isEmpty()) continue;
            full.append(word);
            initials.append(word.charAt(0));
        }
        return new NamePinyin(full.toString(), initials.toString());
    }

    /** What a user typed, as the keys are written: lower case, without spaces or punctuation. */
    static String searchable(String query) {
        return WORD_BREAKS.matcher(query.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}

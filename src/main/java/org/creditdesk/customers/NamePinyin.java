package org.creditdesk.customers;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pinyin search keys of a customer name: {@code full} the syllables run together
 * ("上海华大贸易" → "shanghaihuadamaoyi"), {@code initials} the first letter of each
 * ("shhdmy"). Latin words keep their letters without accents; digits stay. Readings come from
 * ICU's Han-Latin transliteration, which knows one reading per character (重庆 is "chongqing",
 * but 厦门 reads "shamen").
 *
 * <p>ICU transliterates a whole name in milliseconds, too slow for imports of 100,000 customers. Its
 * Han-Latin rules map one character at a time, apart from a few readings that depend on the next
 * character (重 before 庆); so each character outside ASCII is transliterated once and remembered (a few
 * thousand distinct characters in any customer book), and those few pairs are read from ICU's rules.
 */
record NamePinyin(String full, String initials) {

    private static final Transliterator TO_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
    private static final Transliterator ACCENTS = Transliterator.getInstance("Latin-ASCII; Lower");
    private static final Map<Integer, String> LATIN_OF = new ConcurrentHashMap<>();
    /** "重庆" → "chong": the reading of the first character when the second follows. */
    private static final Map<String, String> BEFORE_NEXT = contextReadings();

    private static final Pattern WORD_BREAKS = Pattern.compile("[^a-z0-9]+");

    static NamePinyin of(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int[] codePoints = name.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (c < 128) {
                if (Character.isLetterOrDigit(c)) {
                    word.append((char) Character.toLowerCase(c));
                } else {
                    flush(word, words);
                }
                continue;
            }
            String latin = LATIN_OF.computeIfAbsent(c, NamePinyin::latin);
            if (i + 1 < codePoints.length) {
                latin = BEFORE_NEXT.getOrDefault(Character.toString(c) + Character.toString(codePoints[i + 1]), latin);
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                // Each character is a syllable of its own: 华大 → hua, da.
                flush(word, words);
                for (String syllable : WORD_BREAKS.split(latin)) if (!syllable.isEmpty()) words.add(syllable);
            } else {
                // An accented or full-width Latin letter continues its word (Müller → muller); other marks break it.
                String[] parts = WORD_BREAKS.split(latin, -1);
                for (int part = 0; part < parts.length; part++) {
                    if (part > 0) flush(word, words);
                    word.append(parts[part]);
                }
            }
        }
        flush(word, words);
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        for (String w : words) {
            full.append(w);
            initials.append(w.charAt(0));
        }
        return new NamePinyin(full.toString(), initials.toString());
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static String latin(int codePoint) {
        // An ICU Transliterator instance is not safe for concurrent use.
        synchronized (TO_LATIN) {
            return TO_LATIN.transliterate(Character.toString(codePoint)).toLowerCase(Locale.ROOT);
        }
    }

    /** ICU's context rules of the form <code>{重}' '?庆 &gt; chóng;</code>. */
    private static Map<String, String> contextReadings() {
        Map<String, String> readings = new java.util.HashMap<>();
        Matcher rule = Pattern.compile("(?m)^\\{(\\X)\\}' '\\?(\\X) > ([^;]+);$")
                .matcher(Transliterator.getInstance("Han-Latin").toRules(false));
        while (rule.find()) {
            readings.put(rule.group(1) + rule.group(2), ACCENTS.transliterate(rule.group(3)));
        }
        return Map.copyOf(readings);
    }

    /** What a user typed, as the keys are written: lower case, without spaces or punctuation. */
    static String searchable(String query) {
        return WORD_BREAKS.matcher(query.toLowerCase(Locale.ROOT)).replaceAll("");
    }
}

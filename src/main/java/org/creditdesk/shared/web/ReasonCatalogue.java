package org.creditdesk.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises an English refusal text that was written without a bundle key — a field's or line's reason,
 * or a detail assembled from variables — by the English bundle text it follows, so that it can be shown
 * in the caller's language. The English texts of the {@code problem.*} and {@code reason.*} keys are the
 * patterns: each {@code {n}} matches any text, which becomes argument n of the translation.
 *
 * <p>Why patterns and not a key at every call site: reasons are built in some two hundred places, many from
 * helpers (text limits, dates, amounts) whose callers add the field; the English text stays the API's default
 * and a reason nobody translated yet stays English rather than wrong.
 */
final class ReasonCatalogue {

    /** Fewer literal characters than this and a pattern would match nearly anything ("{0} {1}"). */
    private static final int MIN_LITERAL = 6;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d");

    record Recognised(String key, Object[] args) {}

    private record Entry(String key, Pattern pattern, int[] groupArgument, int arguments, int literalLength) {}

    private final List<Entry> entries;

    private ReasonCatalogue(List<Entry> entries) {
        this.entries = entries;
    }

    static ReasonCatalogue fromBundle(String resource) {
        Properties english = new Properties();
        try (InputStream in = ReasonCatalogue.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return new ReasonCatalogue(List.of());
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (String key : english.stringPropertyNames()) {
            if (!key.startsWith("problem.") && !key.startsWith("reason.")) continue;
            entry(key, english.getProperty(key)).ifPresent(entries::add);
        }
        // The most specific pattern first: "amount is required" before "{0} is required".
        entries.sort(Comparator.comparingInt(Entry::literalLength).reversed().thenComparing(Entry::key));
        return new ReasonCatalogue(List.copyOf(entries));
    }

    Optional<Recognised> recognise(String english) {
        for (Entry entry : entries) {
            Matcher m = entry.pattern().matcher(english);
            if (!m.matches()) continue;
            Object[] args = new Object[entry.arguments()];
            for (int group = entry.groupArgument().length; group >= 1; group--) {
                args[entry.groupArgument()[group - 1]] = m.group(group);
            }
            for (int i = 0; i < args.length; i++) if (args[i] == null) args[i] = "";
            return Optional.of(new Recognised(entry.key(), args));
        }
        return Optional.empty();
    }

    private static Optional<Entry> entry(String key, String text) {
        if (!PLACEHOLDER.matcher(text).find()) {
            String literal = text.strip();
            if (literal.length() < MIN_LITERAL) return Optional.empty();
            return Optional.of(
                    new Entry(key, Pattern.compile(Pattern.quote(literal)), new int[0], 0, literal.length()));
        }
        MessageFormat format;
        try {
            format = new MessageFormat(text, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int arguments = format.getFormatsByArgumentIndex().length;
        Object[] sentinels = new Object[arguments];
        for (int i = 0; i < arguments; i++) sentinels[i] = "\u0001" + i + "\u0002";
        String formatted;
        try {
            formatted = format.format(sentinels);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // choice or number formats: not a reason text
        }
        StringBuilder regex = new StringBuilder();
        List<Integer> groups = new ArrayList<>();
        int literal = 0;
        Matcher sentinel = Pattern.compile("\u0001(\\d+)\u0002").matcher(formatted);
        int at = 0;
        while (sentinel.find()) {
            String part = formatted.substring(at, sentinel.start());
            regex.append(Pattern.quote(part)).append("(.+?)");
            literal += part.strip().length();
            groups.add(Integer.parseInt(sentinel.group(1)));
            at = sentinel.end();
        }
        String tail = formatted.substring(at);
        regex.append(Pattern.quote(tail));
        literal += tail.strip().length();
        if (literal < MIN_LITERAL) return Optional.empty();
        return Optional.of(new Entry(
                key,
                Pattern.compile(regex.toString(), Pattern.DOTALL),
                groups.stream().mapToInt(Integer::intValue).toArray(),
                arguments,
                literal));
    }
}

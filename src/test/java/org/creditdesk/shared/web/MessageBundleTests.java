package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every English text has its Simplified Chinese one, so that no page mixes the languages. */
class MessageBundleTests {

    /** Texts that are the same in both languages: product names, file formats, a dash. */
    private static final Set<String> SAME_IN_BOTH =
            Set.of("monitoring.aging.csv", "monitoring.aging.xlsx", "customers.none");

    @Test
    void every_english_key_has_a_chinese_text() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");

        Set<String> missing = new TreeSet<>(english.stringPropertyNames());
        missing.removeAll(chinese.stringPropertyNames());
        assertThat(missing).as("keys without a Chinese text").isEmpty();

        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String text = chinese.getProperty(key);
            boolean hasHan =
                    text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
            if (!hasHan && !SAME_IN_BOTH.contains(key) && !key.endsWith(".dateFormat")) untranslated.add(key);
        }
        assertThat(untranslated).as("Chinese texts without Chinese characters").isEmpty();
    }

    @Test
    void both_bundles_have_the_same_placeholders_for_each_key() throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        for (String key : english.stringPropertyNames()) {
            if (!chinese.containsKey(key)) continue;
            assertThat(placeholders(chinese.getProperty(key)))
                    .as(key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    /**
     * Every refusal detail key ({@code .withKey("problem...", args)}) and stored alert key ({@code risk.alert.*})
     * the code uses is in both bundles, and a refusal key's English text has one placeholder per argument.
     */
    @Test
    void every_message_key_the_code_uses_for_refusals_and_alerts_is_in_both_bundles_with_its_arguments()
            throws IOException {
        Properties english = load("messages.properties");
        Properties chinese = load("messages_zh_CN.properties");
        java.util.regex.Pattern withKey = java.util.regex.Pattern.compile("\\.withKey\\(\\s*\"([^\"]+)\"");
        java.util.regex.Pattern alertKey = java.util.regex.Pattern.compile("[\"'](risk\\.alert\\.[A-Za-z]+)[\"']");
        Set<String> used = new TreeSet<>();
        List<String> wrongArguments = new java.util.ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        for (Path file : sources) {
            String code = Files.readString(file);
            java.util.regex.Matcher m = withKey.matcher(code);
            while (m.find()) {
                String key = m.group(1);
                used.add(key);
                int arguments = arguments(code, m.end());
                String text = english.getProperty(key);
                if (text != null && placeholders(text).size() != arguments) {
                    wrongArguments.add(file.getFileName() + ": " + key + " has " + arguments + " argument(s)");
                }
            }
            java.util.regex.Matcher a = alertKey.matcher(code);
            while (a.find()) used.add(a.group(1));
        }
        assertThat(used).as("keys found in the code").hasSizeGreaterThan(150);
        assertThat(used.stream().filter(k -> !english.containsKey(k) || !chinese.containsKey(k)))
                .as("keys missing from a bundle")
                .isEmpty();
        assertThat(wrongArguments).isEmpty();
    }

    /** The number of arguments after the key of a {@code withKey(} call whose key ends at {@code from}. */
    private static int arguments(String code, int from) {
        int depth = 0;
        int count = 0;
        boolean inString = false;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '(') depth++;
            else if (c == ')') {
                if (depth == 0) return count;
                depth--;
            } else if (c == ',' && depth == 0) count++;
        }
        throw new IllegalStateException("unbalanced withKey call");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /**
     * Every field's or line's reason the code writes as a literal (or a literal with {@code .formatted}) is
     * recognised by a bundle text, so that a Chinese caller reads it in Chinese ({@link ReasonCatalogue}).
     */
    @Test
    void every_literal_reason_the_code_writes_is_recognised_for_translation() throws IOException {
        ReasonCatalogue catalogue = ReasonCatalogue.fromBundle("messages.properties");
        java.util.regex.Pattern call = java.util.regex.Pattern.compile("Violation\\.(field|line)\\(");
        Set<String> unrecognised = new TreeSet<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(file);
                java.util.regex.Matcher m = call.matcher(code);
                while (m.find()) {
                    String reason = literalReason(lastArgument(code, m.end()));
                    if (reason == null) continue;
                    checked++;
                    if (catalogue.recognise(reason).isEmpty()) unrecognised.add(file.getFileName() + ": " + reason);
                }
            }
        }
        assertThat(checked).as("literal reasons found").isGreaterThan(100);
        assertThat(unrecognised)
                .as("reasons without a bundle text (add a reason.* key)")
                .isEmpty();
    }

    /** The source text of the last argument of the call whose argument list starts at {@code from}. */
    private static String lastArgument(String code, int from) {
        int depth = 1;
        int start = from;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                for (i++; code.charAt(i) != '"'; i++) if (code.charAt(i) == '\\') i++;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) return code.substring(start, i).strip();
            } else if (c == ',' && depth == 1) {
                start = i + 1;
            }
        }
        return "";
    }

    /** A literal, or a literal formatted, with each format argument as "X"; null for anything else. */
    private static @org.jspecify.annotations.Nullable String literalReason(String argument) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "^\"((?:[^\"\\\\]|\\\\.)*)\"(\\s*\\.formatted\\(.*)?$", java.util.regex.Pattern.DOTALL)
                .matcher(argument);
        if (!m.matches()) return null;
        String text = m.group(1).replace("\\\"", "\"").replace("\\'", "'");
        return m.group(2) == null ? text : text.replaceAll("%0?\\d*[sd]", "X");
    }
}

package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
}

package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code import_list()} became one expression (V165) so that PostgreSQL inlines it; it must split every
 * text exactly as the sub-select it replaced: at ';', each item trimmed of spaces, empty items dropped,
 * an empty array for NULL.
 */
@SpringBootTest
class ImportListTests {

    /** Separators, spaces, tabs (not trimmed by btrim), a colon of the people lists, Han and full-width text. */
    private static final String CHARS = ";;;   \ta:b张伟１-";

    /** The definition before V165, inline. */
    private static final String OLD_LIST = """
            ARRAY(SELECT btrim(item) FROM unnest(string_to_array(v, ';')) WITH ORDINALITY AS t (item, n)
                  WHERE btrim(item) <> '' ORDER BY n)""";

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_list_is_split_trimmed_and_emptied_as_before_for_seeded_random_texts() {
        long seed = System.nanoTime();
        System.out.println("ImportListTests seed " + seed);
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>(List.of("", " ", ";", " ; ", "a", " a ; b ;; c ", "a;   ;b", "\ta ;b\t"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) text.append(CHARS.charAt(random.nextInt(CHARS.length())));
            texts.add(text.toString());
        }
        List<String> differing = jdbc.sql("""
                        SELECT coalesce(v, '<NULL>') FROM unnest(CAST(:texts AS text[]) || CAST(NULL AS text)) AS t (v)
                        WHERE import_list(v) IS DISTINCT FROM %s
                        """.formatted(OLD_LIST))
                .param("texts", texts.toArray(String[]::new))
                .query(String.class)
                .list();

        assertThat(differing).isEmpty();
        assertThat(jdbc.sql("SELECT import_list(' a ; b ;; c ') = ARRAY['a', 'b', 'c'] AND import_list(NULL) = '{}'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }
}

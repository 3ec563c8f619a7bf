package org.creditdesk.risk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The default card exactly as the migrations leave it (V45 seeds it, V47 recalibrates every row, V100 adds
 * BROKEN_PROMISES_12M and moves weight to it), read from V47's and V100's SQL (no database).
 */
final class ScoreTestCards {

    private static final Pattern FACTOR = Pattern.compile("\\('(\\w+)', (\\d+), ([\\d.]+)\\)[,;]");
    private static final Pattern BAND = Pattern.compile(
            "\\('(\\w+)', (\\d+), (TRUE|FALSE), ([-\\d.]+|NULL), ([-\\d.]+|NULL), ([\\d.]+), '((?:[^']|'')*)'\\)[,;]");
    private static final Pattern CLASS = Pattern.compile("\\('([A-E])', (-?\\d+), ([\\d.]+), (\\d+)\\)");

    private ScoreTestCards() {}

    static final String V47 = "/db/migration/V47__default_scorecard_recalibrated.sql";
    static final String V100 = "/db/migration/V100__broken_promises_factor.sql";
    static final String V106 = "/db/migration/V106__history_cards_weigh_the_payment_habit.sql";
    static final String V170 = "/db/migration/V170__recent_days_beyond_terms_factor.sql";

    static final String V102 = "/db/migration/V102__thin_file_scorecards.sql";
    static final String V105 = "/db/migration/V105__altman_components_as_factors.sql";
    static final String V107 = "/db/migration/V107__more_statement_factors.sql";

    static Scorecard defaultCard() {
        return parse(
                List.of(read(V47), read(V100), read(V106), read(V170)), "Default scorecard", Scorecard.HISTORY, null);
    }

    /** The thin-file card as V102 seeds it, with V105's Altman components and V107's factors (weight 0). */
    static Scorecard thinFileCard() {
        return parse(List.of(read(V102), read(V105), read(V107)), "Thin-file scorecard", Scorecard.THIN_FILE, 2);
    }

    /** The card the migrations leave: a later file's bands of a factor replace the earlier file's whole. */
    private static Scorecard parse(List<String> files, String name, String segment, Integer thinMax) {
        Map<String, List<Scorecard.Band>> bands = new LinkedHashMap<>();
        for (String file : files) {
            Map<String, List<Scorecard.Band>> ofFile = new LinkedHashMap<>();
            Matcher b = BAND.matcher(file);
            while (b.find()) {
                ofFile.computeIfAbsent(b.group(1), f -> new ArrayList<>())
                        .add(new Scorecard.Band(
                                Integer.parseInt(b.group(2)),
                                b.group(3).equals("TRUE"),
                                decimal(b.group(4)),
                                decimal(b.group(5)),
                                new BigDecimal(b.group(6)),
                                b.group(7).replace("''", "'")));
            }
            bands.putAll(ofFile);
        }
        String sql = String.join("\n", files);
        // A later migration's row for a factor replaces its weight (and keeps its place).
        Map<String, Scorecard.Factor> factors = new LinkedHashMap<>();
        Matcher f = FACTOR.matcher(sql);
        while (f.find()) {
            factors.put(
                    f.group(1),
                    new Scorecard.Factor(
                            ScoreFactor.valueOf(f.group(1)), new BigDecimal(f.group(3)), bands.get(f.group(1))));
        }
        List<Scorecard.ClassRule> classes = new ArrayList<>();
        Matcher c = CLASS.matcher(sql);
        while (c.find()) {
            classes.add(new Scorecard.ClassRule(
                    c.group(1), new BigDecimal(c.group(2)), new BigDecimal(c.group(3)), Integer.parseInt(c.group(4))));
        }
        return new Scorecard(
                1,
                name,
                "VOLUME",
                1,
                true,
                "DEFAULT",
                new BigDecimal("0.25"),
                List.copyOf(factors.values()),
                classes,
                segment,
                thinMax);
    }

    private static String read(String resource) {
        try (InputStream in = ScoreTestCards.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BigDecimal decimal(String text) {
        return text.equals("NULL") ? null : new BigDecimal(text);
    }
}

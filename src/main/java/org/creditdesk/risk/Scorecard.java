package org.creditdesk.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scorecard as data: weighted factors, each with bands of grades (0..100), and the risk classes by
 * score. A factor's points are its weight times the grade of the band its value falls in, rounded to
 * cents of a point; the score is the sum of the points, so the explanation always adds up.
 *
 * <p>The scoring run and a single explained score both apply the card here, to factor values from
 * the same statement; {@code ScoreRunIntegrationTests} checks stored and explained scores agree.
 */
record Scorecard(
        long id,
        String name,
        String businessGroup,
        int version,
        boolean active,
        String source,
        BigDecimal netWorthCapShare,
        List<Factor> factors,
        List<ClassRule> classes,
        String segment,
        @Nullable Integer thinFileMaxInvoices) {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** The card of customers with payment history. */
    static final String HISTORY = "HISTORY";
    /** The card of customers with no or few invoices (at most {@code thinFileMaxInvoices} due in 12 months). */
    static final String THIN_FILE = "THIN_FILE";

    /** A payment-history card. */
    Scorecard(
            long id,
            String name,
            String businessGroup,
            int version,
            boolean active,
            String source,
            BigDecimal netWorthCapShare,
            List<Factor> factors,
            List<ClassRule> classes) {
        this(id, name, businessGroup, version, active, source, netWorthCapShare, factors, classes, HISTORY, null);
    }

    /** The same card with other factors and classes (a fit of it). */
    Scorecard with(String newName, String newSource, List<Factor> newFactors, List<ClassRule> newClasses) {
        return new Scorecard(
                0,
                newName,
                businessGroup,
                0,
                false,
                newSource,
                netWorthCapShare,
                newFactors,
                newClasses,
                segment,
                thinFileMaxInvoices);
    }

    Scorecard {
        factors = List.copyOf(factors);
        classes = classes.stream()
                .sorted(Comparator.comparing(ClassRule::minScore).reversed())
                .toList();
    }

    /** One factor's weight and bands. */
    record Factor(ScoreFactor factor, BigDecimal weight, List<Band> bands) {
        Factor {
            bands = List.copyOf(bands);
        }

        Band bandFor(@Nullable BigDecimal value) {
            return bands.get(indexOf(value));
        }

        /** The position in {@link #bands} of the band covering the value. */
        int indexOf(@Nullable BigDecimal value) {
            for (int i = 0; i < bands.size(); i++) {
                if (bands.get(i).covers(value)) return i;
            }
            throw new IllegalStateException("no band of %s covers %s".formatted(factor, value));
        }

        /** The grade of the value ({@link #gradeFor(BigDecimal, int)} in the band covering it). */
        BigDecimal gradeFor(@Nullable BigDecimal value) {
            return gradeFor(value, indexOf(value));
        }

        /**
         * The grade of the value in the band at index {@code i} (the one covering it): the band's, or, where the band
         * and the neighbour on the value's side of its anchor are anchored, interpolated linearly between the two
         * anchors' grades (so it stays between the two bands' grades, monotone where they are).
         */
        BigDecimal gradeFor(@Nullable BigDecimal value, int i) {
            Band band = bands.get(i);
            if (value == null || band.anchor() == null) return band.grade();
            int cmp = value.compareTo(band.anchor());
            if (cmp == 0) return band.grade();
            Band other = cmp < 0 ? neighbour(i, -1) : neighbour(i, 1);
            if (other == null || other.anchor() == null) return band.grade();
            double a = band.anchor().doubleValue(), b = other.anchor().doubleValue();
            if (a == b) return band.grade();
            double t = Math.min(1, Math.max(0, (value.doubleValue() - a) / (b - a)));
            double grade = band.grade().doubleValue()
                    + t * (other.grade().doubleValue() - band.grade().doubleValue());
            return BigDecimal.valueOf(grade).setScale(3, RoundingMode.HALF_UP);
        }

        private @Nullable Band neighbour(int index, int step) {
            int j = index + step;
            if (j < 0 || j >= bands.size() || bands.get(j).missing()) return null;
            return bands.get(j);
        }
    }

    /**
     * A range [from, to) of a factor's values (open-ended where null), or the band for missing data.
     * {@code anchor}: for bands a fit refined (V108), the training median of the band's values; a value
     * between two anchored neighbours' medians gets a grade interpolated linearly between theirs, so a
     * fitted factor is continuous instead of a step (observations of one band no longer tie). Null (the
     * seeded cards, cards fitted before): the band's grade.
     */
    record Band(
            int position,
            boolean missing,
            @Nullable BigDecimal from,
            @Nullable BigDecimal to,
            BigDecimal grade,
            String label,
            @Nullable BigDecimal anchor) {

        Band(
                int position,
                boolean missing,
                @Nullable BigDecimal from,
                @Nullable BigDecimal to,
                BigDecimal grade,
                String label) {
            this(position, missing, from, to, grade, label, null);
        }

        boolean covers(@Nullable BigDecimal value) {
            if (value == null) return missing;
            if (missing) return false;
            return (from == null || value.compareTo(from) >= 0) && (to == null || value.compareTo(to) < 0);
        }
    }

    /** Scores from {@code minScore} up belong to the class, unless a higher class takes them. */
    record ClassRule(String riskClass, BigDecimal minScore, BigDecimal limitFactor, int reviewMonths) {}

    /** One factor's part of a score. */
    record Part(ScoreFactor factor, @Nullable BigDecimal value, BigDecimal weight, Band band, BigDecimal points) {}

    /** A score with every factor's part. */
    record Evaluation(BigDecimal score, ClassRule riskClass, List<Part> parts) {}

    Evaluation evaluate(Map<ScoreFactor, @Nullable BigDecimal> values) {
        List<Part> parts = new ArrayList<>(factors.size());
        BigDecimal score = BigDecimal.ZERO.setScale(2);
        for (Factor factor : factors) {
            BigDecimal value = values.get(factor.factor());
            int band = factor.indexOf(value);
            BigDecimal points =
                    factor.weight().multiply(factor.gradeFor(value, band)).setScale(2, RoundingMode.HALF_UP);
            parts.add(new Part(
                    factor.factor(), value, factor.weight(), factor.bands().get(band), points));
            score = score.add(points);
        }
        return new Evaluation(score, classOf(score), parts);
    }

    ClassRule classOf(BigDecimal score) {
        for (ClassRule rule : classes) {
            if (score.compareTo(rule.minScore()) >= 0) return rule;
        }
        return classes.getLast();
    }

    /**
     * Monthly sales x (terms + grace) / 30 x the class factor, capped by the net-worth share of book
     * equity when a statement gives it, rounded down to hundreds.
     */
    BigDecimal recommendedLimit(
            BigDecimal sales12Months, int termDays, int graceDays, ClassRule riskClass, @Nullable BigDecimal equity) {
        BigDecimal byTurnover = sales12Months
                .multiply(BigDecimal.valueOf((long) termDays + graceDays))
                .multiply(riskClass.limitFactor())
                .divide(BigDecimal.valueOf(36_000), 8, RoundingMode.FLOOR);
        BigDecimal limit = byTurnover;
        if (equity != null) {
            BigDecimal cap =
                    equity.max(BigDecimal.ZERO).multiply(netWorthCapShare).divide(HUNDRED, 8, RoundingMode.FLOOR);
            limit = limit.min(cap);
        }
        return limit.setScale(0, RoundingMode.FLOOR).multiply(HUNDRED).setScale(2);
    }

    LocalDate reviewOn(LocalDate asOf, ClassRule riskClass) {
        return asOf.plusMonths(riskClass.reviewMonths());
    }

    Map<ScoreFactor, Factor> byFactor() {
        Map<ScoreFactor, Factor> map = new EnumMap<>(ScoreFactor.class);
        factors.forEach(f -> map.put(f.factor(), f));
        return map;
    }

    /** Problems that make the card unusable: bands with gaps or overlaps, no missing band, classes. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Factor factor : factors) {
            List<Band> ranges = factor.bands().stream()
                    .filter(b -> !b.missing())
                    .sorted(Comparator.comparing(Band::from, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
            if (factor.bands().stream().filter(Band::missing).count() != 1) {
                problems.add(factor.factor() + " needs exactly one band for missing data");
            }
            if (ranges.isEmpty()
                    || ranges.getFirst().from() != null
                    || ranges.getLast().to() != null) {
                problems.add(factor.factor() + " bands must run from minus to plus infinity");
                continue;
            }
            for (int i = 1; i < ranges.size(); i++) {
                BigDecimal previousTo = ranges.get(i - 1).to();
                BigDecimal from = ranges.get(i).from();
                if (previousTo == null || from == null || previousTo.compareTo(from) != 0) {
                    problems.add(factor.factor() + " bands must meet without gaps or overlaps at " + from);
                }
            }
        }
        if (classes.stream().map(ClassRule::riskClass).distinct().count() != 5) {
            problems.add("the card needs the five classes A to E");
        }
        return problems;
    }
}

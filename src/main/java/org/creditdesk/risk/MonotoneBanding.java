package org.creditdesk.risk;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finer bands for a factor, learnt from the training observations: start from up to {@code maxBands}
 * bands of equal size (quantiles of the factor's values, so only the values' order counts and a
 * heavy tail or an outlier of 10^9 moves no edge), merge neighbours until the share reaching the
 * outcome runs one way only (pool-adjacent-violators), and merge every band fewer than {@code
 * minCustomers} distinct customers fell in, or holding fewer than {@code minOutcomes} observations
 * that reached the outcome or fewer than that many that did not, into its neighbour. The direction
 * is the card's (worse values, more outcomes) unless the training data clearly say the opposite
 * (the raw value alone ranks the outcome the other way with an AUC of at most {@value
 * #CONTRADICTED_AUC}); a factor whose card bands do not say is given the data's. Missing values keep
 * the card's missing band: a band of their own, which the fit grades by its own weight of evidence.
 * Plain Java, no Spring; the fit then grades the bands by weight of evidence, so the points stay
 * monotone and the explanation still adds up.
 */
final class MonotoneBanding {

    private MonotoneBanding() {}

    /** At most this AUC in the card's direction on the training data makes the data's direction win. */
    static final double CONTRADICTED_AUC = 0.45;

    /** Each fitted band holds at least this many observations that reached the outcome, and as many that did not. */
    static final int MIN_OUTCOMES = 5;

    /** A run of sorted observations [from, to) with its outcome counts. */
    private static final class Bin {
        double lower;
        int from, to;
        double bads;
        Set<Long> customers = new HashSet<>();

        double rate() {
            return bads / (to - from);
        }
    }

    /**
     * The factor's bands refitted to the observations (values null are missing and keep the card's
     * missing band), or the card's own bands when the data cannot support more.
     */
    static List<Scorecard.Band> refine(
            Scorecard.Factor factor,
            List<@Nullable BigDecimal> values,
            int[] bad,
            long[] customers,
            int maxBands,
            int minCustomers,
            int minOutcomes) {
        int n = 0;
        for (BigDecimal v : values) if (v != null) n++;
        double[] x = new double[n];
        int[] y = new int[n];
        long[] who = new long[n];
        Integer[] order = new Integer[n];
        int k = 0;
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) continue;
            x[k] = values.get(i).doubleValue();
            y[k] = bad[i];
            who[k] = customers[i];
            order[k] = k;
            k++;
        }
        if (n == 0 || maxBands < 2) return factor.bands();
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        // Equal-sized bins, never splitting equal values.
        List<Bin> bins = new ArrayList<>();
        int start = 0;
        for (int b = 1; b <= maxBands && start < n; b++) {
            int end = b == maxBands ? n : Math.max(start + 1, (int) Math.round((double) n * b / maxBands));
            while (end < n && x[order[end]] == x[order[end - 1]]) end++;
            Bin bin = new Bin();
            bin.lower = x[order[start]];
            bin.from = start;
            bin.to = end;
            for (int i = start; i < end; i++) {
                bin.bads += y[order[i]];
                bin.customers.add(who[order[i]]);
            }
            bins.add(bin);
            start = end;
        }
        boolean worseUp = higherValuesAreWorse(factor, x, y);
        // Pool adjacent violators: merge while a bin's rate goes against the direction.
        boolean merged = true;
        while (merged && bins.size() > 1) {
            merged = false;
            for (int i = 1; i < bins.size(); i++) {
                double previous = bins.get(i - 1).rate(), current = bins.get(i).rate();
                if (worseUp ? current < previous : current > previous) {
                    merge(bins, i - 1);
                    merged = true;
                    break;
                }
            }
        }
        // Thin evidence: a bin too few customers fell in joins its neighbour with the closer rate.
        merged = true;
        while (merged && bins.size() > 1) {
            merged = false;
            for (int i = 0; i < bins.size(); i++) {
                Bin bin = bins.get(i);
                if (bin.customers.size() >= minCustomers
                        && bin.bads >= minOutcomes
                        && bin.to - bin.from - bin.bads >= minOutcomes) continue;
                int with;
                if (i == 0) with = 0;
                else if (i == bins.size() - 1) with = i - 1;
                else {
                    double r = bins.get(i).rate();
                    with = Math.abs(bins.get(i - 1).rate() - r)
                                    <= Math.abs(bins.get(i + 1).rate() - r)
                            ? i - 1
                            : i;
                }
                merge(bins, with);
                merged = true;
                break;
            }
        }
        if (bins.size() < 2) return factor.bands();
        List<Scorecard.Band> bands = new ArrayList<>();
        Scorecard.Band missing = factor.bands().stream()
                .filter(Scorecard.Band::missing)
                .findFirst()
                .orElseThrow();
        bands.add(new Scorecard.Band(0, true, null, null, missing.grade(), missing.label()));
        BigDecimal previousEdge = null;
        List<BigDecimal> edges = new ArrayList<>();
        for (int i = 1; i < bins.size(); i++) {
            BigDecimal rounded = edge(x[order[bins.get(i).from - 1]], x[order[bins.get(i).from]]);
            if (rounded == null || previousEdge != null && rounded.compareTo(previousEdge) <= 0) continue;
            edges.add(rounded);
            previousEdge = rounded;
        }
        if (edges.isEmpty()) return factor.bands();
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = x[order[i]];
        for (int i = 0; i <= edges.size(); i++) {
            BigDecimal from = i == 0 ? null : edges.get(i - 1);
            BigDecimal to = i == edges.size() ? null : edges.get(i);
            bands.add(new Scorecard.Band(
                    i + 1,
                    false,
                    from,
                    to,
                    BigDecimal.valueOf(50),
                    label(factor.factor(), from, to),
                    median(sorted, from, to)));
        }
        return bands;
    }

    /** Largest anchor the band table's NUMERIC(19, 4) holds with room to spare. */
    private static final double ANCHOR_LIMIT = 1e14;

    /** The median of the sorted values in [from, to) (the band's anchor), at most 4 places. */
    static @Nullable BigDecimal median(double[] sorted, @Nullable BigDecimal from, @Nullable BigDecimal to) {
        int lo = 0, hi = sorted.length;
        while (lo < sorted.length && from != null && sorted[lo] < from.doubleValue()) lo++;
        while (hi > lo && to != null && sorted[hi - 1] >= to.doubleValue()) hi--;
        if (hi <= lo) return null;
        double m = (sorted[lo + (hi - lo - 1) / 2] + sorted[lo + (hi - lo) / 2]) / 2;
        m = Math.max(-ANCHOR_LIMIT, Math.min(ANCHOR_LIMIT, m));
        return BigDecimal.valueOf(m).setScale(4, RoundingMode.HALF_UP);
    }

    /**
     * The card's direction (its grades fall as values rise) unless the data contradict it (see {@link
     * #CONTRADICTED_AUC}); the data's where the card's bands do not say.
     */
    static boolean higherValuesAreWorse(Scorecard.Factor factor, double[] x, int[] y) {
        double aucHigherWorse = FitMetrics.auc(negated(x), y);
        List<Scorecard.Band> ranges =
                factor.bands().stream().filter(b -> !b.missing()).toList();
        if (ranges.size() >= 2) {
            int cmp = ranges.getLast().grade().compareTo(ranges.getFirst().grade());
            if (cmp != 0) {
                boolean card = cmp < 0;
                if (Double.isNaN(aucHigherWorse)) return card;
                double aucCard = card ? aucHigherWorse : 1 - aucHigherWorse;
                return aucCard <= CONTRADICTED_AUC ? !card : card;
            }
        }
        return Double.isNaN(aucHigherWorse) || aucHigherWorse >= 0.5;
    }

    /** Scores for {@link FitMetrics#auc}: a higher score is better, so higher values score lower. */
    private static double[] negated(double[] x) {
        double[] n = new double[x.length];
        for (int i = 0; i < x.length; i++) n[i] = -x[i];
        return n;
    }

    /**
     * The band edge between two neighbouring values {@code below < above}: the shortest decimal (at
     * most 4 places, the column's scale) in (below, above], nearest their midpoint, so edges read
     * well on ratios of any size and no observation changes band by the rounding; null when no such
     * decimal exists (values closer than 0.0001: the two bands stay one).
     */
    static @Nullable BigDecimal edge(double below, double above) {
        BigDecimal mid = BigDecimal.valueOf((below + above) / 2);
        BigDecimal low = BigDecimal.valueOf(below), high = BigDecimal.valueOf(above);
        for (int digits = 1; digits <= 19; digits++) {
            BigDecimal r = mid.round(new java.math.MathContext(digits, RoundingMode.HALF_UP));
            if (r.scale() > 4) break;
            if (r.compareTo(low) > 0 && r.compareTo(high) <= 0) return r.setScale(Math.max(0, r.scale()));
        }
        BigDecimal next = low.setScale(4, RoundingMode.FLOOR).add(new BigDecimal("0.0001"));
        return next.compareTo(high) <= 0 ? next : null;
    }

    private static void merge(List<Bin> bins, int i) {
        Bin a = bins.get(i), b = bins.remove(i + 1);
        a.to = b.to;
        a.bads += b.bads;
        a.customers.addAll(b.customers);
    }

    private static String label(ScoreFactor factor, @Nullable BigDecimal from, @Nullable BigDecimal to) {
        String unit = factor.unit().isEmpty() ? "" : " " + factor.unit();
        String name = factor.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (from == null) return "%s under %s%s (fitted)".formatted(name, to.toPlainString(), unit);
        if (to == null) return "%s %s%s or more (fitted)".formatted(name, from.toPlainString(), unit);
        return "%s %s to under %s%s (fitted)".formatted(name, from.toPlainString(), to.toPlainString(), unit);
    }
}

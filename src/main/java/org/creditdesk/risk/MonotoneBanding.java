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
 * bands of equal size (quantiles of the factor's values), merge neighbours until the share reaching
 * the outcome runs one way only (the card's direction: worse values, more outcomes; pool-adjacent-
 * violators), and merge every band fewer than {@code minCustomers} distinct customers fell in into
 * its neighbour. Plain Java, no Spring; the fit then grades the bands by weight of evidence, so the
 * points stay monotone and the explanation still adds up.
 */
final class MonotoneBanding {

    private MonotoneBanding() {}

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
            int minCustomers) {
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
        boolean worseUp = higherValuesAreWorse(factor, bins);
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
                if (bins.get(i).customers.size() >= minCustomers) continue;
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
            // The edge halfway between the last value below and the first value of the bin, rounded.
            double edge = (x[order[bins.get(i).from - 1]] + x[order[bins.get(i).from]]) / 2;
            BigDecimal rounded = BigDecimal.valueOf(edge).setScale(2, RoundingMode.HALF_UP);
            if (previousEdge != null && rounded.compareTo(previousEdge) <= 0) continue;
            edges.add(rounded);
            previousEdge = rounded;
        }
        if (edges.isEmpty()) return factor.bands();
        for (int i = 0; i <= edges.size(); i++) {
            BigDecimal from = i == 0 ? null : edges.get(i - 1);
            BigDecimal to = i == edges.size() ? null : edges.get(i);
            bands.add(new Scorecard.Band(
                    i + 1, false, from, to, BigDecimal.valueOf(50), label(factor.factor(), from, to)));
        }
        return bands;
    }

    /** The card's direction (its grades fall as values rise), else the data's. */
    private static boolean higherValuesAreWorse(Scorecard.Factor factor, List<Bin> bins) {
        List<Scorecard.Band> ranges =
                factor.bands().stream().filter(b -> !b.missing()).toList();
        if (ranges.size() >= 2) {
            int cmp = ranges.getLast().grade().compareTo(ranges.getFirst().grade());
            if (cmp != 0) return cmp < 0;
        }
        return bins.getLast().rate() >= bins.getFirst().rate();
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

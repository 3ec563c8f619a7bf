package org.creditdesk.risk;

import java.util.Arrays;

/**
 * How well a score separates customers who reached the outcome from those who did not. Higher
 * scores are better customers, so a good score puts the bad ones low.
 */
public final class FitMetrics {

    private FitMetrics() {}

    /**
     * The area under the ROC curve: the chance that a random bad customer scores lower than a random
     * good one (ties count half), by ranks (Mann-Whitney). 0.5 = no better than chance.
     */
    public static double auc(double[] scores, int[] bad) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double[] ranks = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double rank = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) ranks[order[m]] = rank;
            i = j + 1;
        }
        long bads = Arrays.stream(bad).filter(b -> b == 1).count();
        long goods = n - bads;
        if (bads == 0 || goods == 0) return Double.NaN;
        double goodRankSum = 0;
        for (int i = 0; i < n; i++) if (bad[i] == 0) goodRankSum += ranks[i];
        double u = goodRankSum - goods * (goods + 1) / 2.0;
        return u / ((double) goods * bads);
    }

    /** Kolmogorov-Smirnov: the largest gap between the bad and good customers' cumulative score shares. */
    static double ks(double[] scores, int[] bad) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        long bads = Arrays.stream(bad).filter(b -> b == 1).count();
        long goods = n - bads;
        if (bads == 0 || goods == 0) return Double.NaN;
        double cumBad = 0, cumGood = 0, best = 0;
        for (int i = 0; i < n; i++) {
            if (bad[order[i]] == 1) cumBad++;
            else cumGood++;
            boolean lastOfTie = i + 1 == n || scores[order[i + 1]] != scores[order[i]];
            if (lastOfTie) best = Math.max(best, Math.abs(cumBad / bads - cumGood / goods));
        }
        return best;
    }
}

package org.creditdesk.risk;

/**
 * The factors a scorecard may weigh. Each is computed set-based for the whole portfolio as of a
 * business date ({@code ScoreRepository}); a factor without data for a customer is missing and gets
 * its card's neutral band.
 */
public enum ScoreFactor {
    /** Amount-weighted average days beyond terms of the invoices due in the last 12 months (open ones up to asOf). */
    DAYS_BEYOND_TERMS("days"),
    /** Share (%) of the invoices due in the last 12 months that were paid late or are still open past due. */
    LATE_PAYMENT_SHARE("%"),
    /** Cheques returned by the bank in the last 24 months. */
    BOUNCED_CHEQUES("cheques"),
    /** Days the oldest invoice open as of the date is past its due date. */
    MAX_DAYS_OVERDUE("days"),
    /** Open receivables plus released orders as a share (%) of the credit limit valid on the date. */
    LIMIT_UTILISATION("%"),
    /** Years since the customer was established. */
    YEARS_IN_BUSINESS("years"),
    /** Sales of the last 6 months against the 6 months before (% change). */
    SALES_TREND("%"),
    /** Current assets / current liabilities of the newest financial statement. */
    CURRENT_RATIO(""),
    /** Total liabilities as a share (%) of total assets. */
    DEBT_RATIO("%"),
    /** Net income as a share (%) of revenue. */
    NET_MARGIN("%"),
    /** Altman's Z'' = 6.56 WC/TA + 3.26 RE/TA + 6.72 EBIT/TA + 1.05 BookEquity/TL. */
    ALTMAN_Z(""),
    /** The newest external rating as a rank: 1 = AAA, 2 = AA, 3 = A, 4 = BBB, ... 10 = D. */
    EXTERNAL_RATING("rank"),
    /** Promises to pay broken or only partly kept in the last 12 months (collections' {@code customer_broken_promises}). */
    BROKEN_PROMISES_12M("promises"),
    /**
     * Customers sharing a person, phone, address, bank account or e-mail domain with this one that are
     * stopped or in legal action now, or have a recorded outcome (default, insolvency, ...) by the date;
     * a link a credit manager cleared does not count.
     */
    BAD_LINKS("links"),
    /**
     * Altman's components as factors of their own (V105, on the thin-file cards, weight 0 until a fit
     * gives them one), so a card fitted to defaults can weigh them apart instead of through Z'''s fixed
     * coefficients. Liabilities / total assets is {@link #DEBT_RATIO}. Working capital (current assets -
     * current liabilities) as a share (%) of total assets.
     */
    WORKING_CAPITAL_TO_ASSETS("%"),
    /** Retained earnings as a share (%) of total assets (Altman's X2). */
    RETAINED_EARNINGS_TO_ASSETS("%"),
    /** EBIT as a share (%) of total assets (Altman's X3). */
    EBIT_TO_ASSETS("%"),
    /** Book equity / total liabilities (Altman's X4 in Z''). */
    EQUITY_TO_LIABILITIES(""),
    /** Net income as a share (%) of total assets (return on assets). */
    NET_INCOME_TO_ASSETS("%"),
    /**
     * Statement factors beyond Altman's (V107, on the thin-file cards with weight 0 until a fit weighs
     * them): revenue / total assets (asset turnover, activity).
     */
    SALES_TO_ASSETS(""),
    /** Size: log10 of total assets in the customer's currency (6 = a million). */
    LOG_TOTAL_ASSETS(""),
    /**
     * Net income as a share (%) of total liabilities: how far a year's earnings would go to pay the
     * debts (Beaver's cash flow / liabilities; the statement carries no depreciation, so no cash flow).
     */
    NET_INCOME_TO_LIABILITIES("%"),
    /**
     * {@link #DAYS_BEYOND_TERMS} of the invoices due in the last 3 months only (V170, on the history
     * cards with weight 0 until a fit weighs it): the recent habit, so a fit can see lateness that is
     * lengthening (or easing) before the 12-month average does.
     */
    DAYS_BEYOND_TERMS_3M("days");

    private final String unit;

    ScoreFactor(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }
}

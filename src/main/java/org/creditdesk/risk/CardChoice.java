package org.creditdesk.risk;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Which active card scores a customer, and why: its group's thin-file card when at most the card's
 * number of invoices fell due in the 12 months before the date (no or few paid invoices to judge by)
 * and nothing is overdue, else its group's payment-history card. Plain rules, no Spring.
 *
 * <p>The reason is worded only when asked for: the scoring run chooses a card for every customer and never shows
 * why, and formatting the sentence cost more than choosing.
 */
record CardChoice(Scorecard card, int invoicesDue12Months, boolean overdue) {

    /**
     * A customer with an invoice overdue on the date has payment history that speaks (its arrears),
     * however few invoices it has: the history card scores it.
     */
    static @Nullable CardChoice of(
            Collection<Scorecard> active, String businessGroup, int invoicesDue12Months, boolean overdue) {
        Scorecard history = null, thin = null;
        for (Scorecard card : active) {
            if (!card.businessGroup().equals(businessGroup)) continue;
            if (card.segment().equals(Scorecard.THIN_FILE)) thin = card;
            else history = card;
        }
        if (thin != null
                && thin.thinFileMaxInvoices() != null
                && (invoicesDue12Months <= thin.thinFileMaxInvoices() && !overdue || history == null)) {
            return new CardChoice(thin, invoicesDue12Months, overdue);
        }
        if (history == null) return null;
        return new CardChoice(history, invoicesDue12Months, overdue);
    }

    static @Nullable CardChoice of(Collection<Scorecard> active, String businessGroup, int invoicesDue12Months) {
        return of(active, businessGroup, invoicesDue12Months, false);
    }

    static @Nullable CardChoice of(List<Scorecard> active, ScoreRepository.FactorValues values) {
        return of(active, values.businessGroup(), values.invoicesDue12Months(), overdue(values.values()));
    }

    static boolean overdue(Map<ScoreFactor, @Nullable BigDecimal> values) {
        BigDecimal days = values.get(ScoreFactor.MAX_DAYS_OVERDUE);
        return days != null && days.signum() > 0;
    }

    /** Why this card scores the customer, as the explained score shows it. */
    String reason() {
        String invoices = invoicesDue12Months == 1 ? "" : "s";
        if (card.segment().equals(Scorecard.THIN_FILE)) {
            return "thin file: %d invoice%s fell due in the last 12 months (at most %d): scored on statements, rating, years in business and links"
                    .formatted(invoicesDue12Months, invoices, card.thinFileMaxInvoices());
        }
        return "payment history: %d invoice%s fell due in the last 12 months%s"
                .formatted(invoicesDue12Months, invoices, overdue ? ", and an invoice is overdue" : "");
    }
}

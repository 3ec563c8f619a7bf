package org.creditdesk.risk;

import java.util.List;

/**
 * Which wording the credit-limit letter takes: an account with the lawyer is told that supply on
 * credit has ended; an overdue one that supply is suspended until it pays; one without a limit that it
 * is supplied against payment in advance; else the limit is confirmed.
 */
enum LetterCase {
    LEGAL,
    OVERDUE,
    NO_LIMIT,
    LIMIT;

    static LetterCase of(List<String> holdReasons, int maxDaysOverdue, boolean hasLimit) {
        if (holdReasons.contains("LEGAL")) return LEGAL;
        if (holdReasons.contains("OVERDUE") && maxDaysOverdue > 0) return OVERDUE;
        return hasLimit ? LIMIT : NO_LIMIT;
    }
}

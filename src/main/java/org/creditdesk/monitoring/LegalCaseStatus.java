package org.creditdesk.monitoring;

/**
 * Where a legal case stands. Proceedings move forward (a step may be skipped: a debtor may be sued
 * without a demand letter); a case may be settled or written off at any open stage, and a closed case
 * stays closed.
 */
public enum LegalCaseStatus {
    OPEN,
    DEMAND_LETTER_SENT,
    FILED,
    JUDGMENT,
    SETTLED,
    WRITTEN_OFF;

    public boolean closed() {
        return this == SETTLED || this == WRITTEN_OFF;
    }

    public boolean canMoveTo(LegalCaseStatus next) {
        if (closed()) return false;
        return next.closed() || next.ordinal() > ordinal();
    }
}

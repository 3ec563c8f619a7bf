package org.creditdesk.monitoring;

/**
 * Where a customer stands on the ladder on a date. {@code procedural} lateness (within the policy's
 * grace days) is only monitored: it never goes beyond level 1.
 */
public record LadderPosition(int level, int daysOverdue, boolean procedural) {

    public static final LadderPosition CLEAR = new LadderPosition(0, 0, false);

    public boolean escalated() {
        return level > 0;
    }
}

package org.creditdesk.appraisal;

/** The attitude × ability quadrant a rep falls in. */
public enum Grade {
    /** Good attitude, good ability: reward. */
    STAR,
    /** Good attitude, weak ability: training and assisted collection. */
    TRAIN,
    /** Weak attitude, good ability: career-development talk. */
    MOTIVATE,
    /** Weak attitude, weak ability: supervise; repeated, warning and review. */
    SUPERVISE;

    static Grade of(boolean goodAttitude, boolean goodAbility) {
        if (goodAttitude) return goodAbility ? STAR : TRAIN;
        return goodAbility ? MOTIVATE : SUPERVISE;
    }
}

package org.creditdesk.monitoring;

import java.util.List;

/** One level of the escalation ladder: from how many days overdue it applies and who answers for it. */
public record Rung(int level, int fromDays, List<Responsibility> responsible) {

    public Rung {
        if (level < 1) throw new IllegalArgumentException("levels start at 1: " + level);
        if (fromDays < 1) throw new IllegalArgumentException("a level needs at least 1 day overdue: " + fromDays);
        responsible = List.copyOf(responsible);
    }

    public String title() {
        return switch (level) {
            case 1 -> "general";
            case 2 -> "severe";
            case 3 -> "bad account";
            case 4 -> "severe bad account";
            default -> "level " + level;
        };
    }
}

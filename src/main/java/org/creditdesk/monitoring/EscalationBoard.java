package org.creditdesk.monitoring;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.Page;

/**
 * One page of the escalation board as of a date and the number of customers on each level under the
 * same filters, so the page can show every level's count while listing only a page of rows.
 */
public record EscalationBoard(
        LocalDate asOf, EscalationLadder ladder, Page<Escalation> page, Map<Integer, Long> levelCounts) {

    public EscalationBoard {
        levelCounts = Map.copyOf(levelCounts);
    }

    /** The page's rows grouped by level, highest first, as the board shows them. */
    public Map<Integer, List<Escalation>> byLevel() {
        Map<Integer, List<Escalation>> grouped = new LinkedHashMap<>();
        for (Escalation e : page.items()) {
            grouped.computeIfAbsent(e.level(), k -> new ArrayList<>()).add(e);
        }
        return grouped;
    }

    /** Customers on the level under the filters (all pages). */
    public long count(int level) {
        return levelCounts.getOrDefault(level, 0L);
    }

    public long total() {
        return levelCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}

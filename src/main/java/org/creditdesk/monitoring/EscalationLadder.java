package org.creditdesk.monitoring;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creditdesk.identity.Role;

/**
 * The escalation ladder as data: ordered levels (thresholds from the credit policy, responsibilities
 * from monitoring's table) and the policy's grace days. {@link #evaluate} is the one rule; the
 * set-based run in SQL must agree with it (EscalationRunRepository, tested side by side).
 */
public record EscalationLadder(int graceDays, List<Rung> rungs) {

    public EscalationLadder {
        if (graceDays < 0) throw new IllegalArgumentException("grace days must not be negative");
        rungs = rungs.stream().sorted(Comparator.comparingInt(Rung::level)).toList();
        for (int i = 1; i < rungs.size(); i++) {
            if (rungs.get(i).fromDays() <= rungs.get(i - 1).fromDays()) {
                throw new IllegalArgumentException("each level must start later than the one below it");
            }
        }
    }

    /** The highest level whose threshold the most overdue invoice has reached; within grace at most level 1. */
    public LadderPosition evaluate(OverdueSnapshot snapshot) {
        int days = snapshot.maxDaysOverdue();
        if (days <= 0) return LadderPosition.CLEAR;
        int level = 0;
        for (Rung rung : rungs) {
            if (days >= rung.fromDays()) level = rung.level();
        }
        boolean procedural = days <= graceDays;
        return new LadderPosition(procedural ? Math.min(level, 1) : level, days, procedural);
    }

    public Optional<Rung> rung(int level) {
        return rungs.stream().filter(r -> r.level() == level).findFirst();
    }

    public Set<Role> rolesAt(int level) {
        Set<Role> roles = new TreeSet<>();
        rung(level).ifPresent(r -> r.responsible().forEach(resp -> roles.add(resp.role())));
        return roles;
    }
}

package org.creditdesk.credit;

/** One rung of the escalation ladder: {@code level} applies from {@code fromDays} days overdue. */
public record EscalationStep(int level, int fromDays) {}

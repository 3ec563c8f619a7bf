package org.creditdesk.credit;

import java.util.List;

/** The part of the credit policy the escalation ladder needs: the grace days and the steps by level. */
public record EscalationPolicy(int graceDays, List<EscalationStep> steps) {}

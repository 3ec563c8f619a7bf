package org.creditdesk.credit;

/**
 * A warning a limit request carries, e.g. {@code PLAN_EXCEEDED} with the fund plan's nodes the limit
 * would take over plan. Who may approve a warned request is data (authority_warning_rule).
 */
public record LimitWarning(String code, String detail) {}

package org.creditdesk.credit;

/** One reason a check blocked, with a message a person can act on. */
public record Reason(ReasonCode code, String message) {}

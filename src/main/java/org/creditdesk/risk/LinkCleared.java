package org.creditdesk.risk;

/** A cleared link, and whether other uncleared links still block the customer. */
public record LinkCleared(
        String customerCode, String linkedCustomerCode, String reason, String clearedBy, boolean stillBlocked) {}

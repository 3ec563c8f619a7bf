package org.creditdesk.collections;

public enum DisputeReason {
    QUALITY,
    QUANTITY,
    PRICE,
    DELIVERY,
    DOCUMENTS,
    OTHER
}

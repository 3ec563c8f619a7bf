package org.creditdesk.collections;

public enum ActivityType {
    CALL,
    VISIT,
    EMAIL,
    LETTER,
    NOTE
}

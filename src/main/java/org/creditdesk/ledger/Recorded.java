package org.creditdesk.ledger;

/**
 * A document after a write with its natural key: {@code created} is false when the same document
 * was already there and nothing changed (HTTP 200 instead of 201).
 */
public record Recorded<T>(T document, boolean created) {}

package org.creditdesk.imports;

/** Published once per accepted file (not per row): exposure and holds may need a fresh look. */
public record ImportCompleted(ImportKind kind, int imported) {}

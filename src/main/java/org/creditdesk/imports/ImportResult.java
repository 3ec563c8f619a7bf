package org.creditdesk.imports;

import java.util.List;
import org.creditdesk.shared.Violation;

/** API.md Imports: how many rows were written, how many were already there, what was refused. */
public record ImportResult(int imported, int unchanged, List<Violation> rejected) {}

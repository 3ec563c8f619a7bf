package org.creditdesk.collections;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The after-sales service case a quality dispute opened; {@code assignedTo} null when nobody has the SERVICE role. */
public record ServiceCase(long id, @Nullable String assignedTo, LocalDate openedOn, LocalDate dueOn, String status) {}

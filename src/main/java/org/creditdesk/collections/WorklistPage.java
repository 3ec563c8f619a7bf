package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.List;

/** A page of a worklist; {@code total} counts the rows after the filters. */
public record WorklistPage(LocalDate asOf, List<WorklistRow> rows, int page, int size, long total) {

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}

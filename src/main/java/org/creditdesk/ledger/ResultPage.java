package org.creditdesk.ledger;

import java.util.List;

/** One page of a list, zero-based, with the total number of rows. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}

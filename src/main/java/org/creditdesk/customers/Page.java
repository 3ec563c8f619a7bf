package org.creditdesk.customers;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;

/** One page of a list that is filtered and paged in the database; {@code total} counts all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Refuses a page below 0 or a size outside 1..{@code maxSize}, naming each field, before anything is read. */
    public static void requireValid(int page, int size, int maxSize) {
        List<Violation> violations = new ArrayList<>();
        if (page < 0) violations.add(Violation.field("page", "must be 0 or more"));
        if (size < 1 || size > maxSize) violations.add(Violation.field("size", "must be between 1 and " + maxSize));
        if (!violations.isEmpty())
            throw ProblemException.malformed("Invalid paging", violations).withKey("problem.text.invalidPaging");
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}

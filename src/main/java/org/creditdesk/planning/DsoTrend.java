package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Days sales outstanding (count-back) at the end of each of the last {@code months} months, the
 * newest point being the date itself, per node of the level asked; {@code computedAt} when drawn from the
 * actuals stored after the daily run (V83).
 */
public record DsoTrend(
        LocalDate asOf,
        String groupBy,
        @Nullable OffsetDateTime computedAt,
        List<LocalDate> dates,
        List<Series> series) {

    public record Series(String key, List<Point> points) {}

    public record Point(LocalDate date, BigDecimal receivables, BigDecimal dso) {}
}

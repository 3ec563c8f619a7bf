package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code score_history} as the scoring run writes it (by COPY, in CSV): the factors'
 * values and points in the order of the card's factors.
 */
record ScoreRow(
        long customerId,
        LocalDate asOf,
        long scorecardId,
        BigDecimal score,
        String riskClass,
        List<@Nullable BigDecimal> factorValues,
        List<BigDecimal> factorPoints,
        BigDecimal recommendedLimit,
        String currency,
        LocalDate reviewOn,
        OffsetDateTime scoredAt) {

    void appendCsv(StringBuilder out) {
        out.append(customerId)
                .append(',')
                .append(asOf)
                .append(',')
                .append(scorecardId)
                .append(',');
        out.append(score.toPlainString()).append(',').append(riskClass).append(',');
        array(out, factorValues).append(',');
        array(out, factorPoints).append(',');
        out.append(recommendedLimit.toPlainString()).append(',');
        out.append(currency).append(',');
        out.append(reviewOn).append(',').append(scoredAt).append('\n');
    }

    // A PostgreSQL array literal in a quoted CSV field: "{1.5,NULL,0}".
    private static StringBuilder array(StringBuilder out, List<@Nullable BigDecimal> values) {
        out.append("\"{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) out.append(',');
            BigDecimal value = values.get(i);
            out.append(value == null ? "NULL" : value.toPlainString());
        }
        return out.append("}\"");
    }
}

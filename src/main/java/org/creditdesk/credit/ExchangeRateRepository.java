package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ExchangeRateRepository {

    private static final String UPSERT = """
            INSERT INTO exchange_rate (from_currency, to_currency, valid_on, rate, updated_by, updated_at)
            SELECT f, t, v, r, :by, :at
            FROM unnest(CAST(:froms AS text[]), CAST(:tos AS text[]), CAST(CAST(:validOns AS text[]) AS date[]),
                        CAST(:rates AS numeric[])) AS s (f, t, v, r)
            ON CONFLICT (from_currency, to_currency, valid_on) DO UPDATE
                SET rate = EXCLUDED.rate, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                WHERE exchange_rate.rate <> EXCLUDED.rate
            RETURNING from_currency
            """;
    private static final String ALL = """
            SELECT from_currency, to_currency, rate, valid_on
            FROM exchange_rate
            ORDER BY from_currency, to_currency, valid_on DESC
            LIMIT :limit
            """;
    // The latest rate into :to valid on :asOf for each of the currencies asked about.
    private final JdbcClient jdbc;

    ExchangeRateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the rates; answers how many were new or changed. */
    int upsert(List<ExchangeRate> rates, String by, OffsetDateTime at) {
        return jdbc.sql(UPSERT)
                .param("froms", rates.stream().map(ExchangeRate::from).toArray(String[]::new))
                .param("tos", rates.stream().map(ExchangeRate::to).toArray(String[]::new))
                .param(
                        "validOns",
                        rates.stream().map(r -> r.validOn().toString()).toArray(String[]::new))
                .param("rates", rates.stream().map(ExchangeRate::rate).toArray(BigDecimal[]::new))
                .param("by", by)
                .param("at", at)
                .query(String.class)
                .list()
                .size();
    }

    List<ExchangeRate> all(int limit) {
        return jdbc.sql(ALL)
                .param("limit", limit)
                .query((rs, n) -> new ExchangeRate(
                        rs.getString("from_currency").trim(),
                        rs.getString("to_currency").trim(),
                        rs.getBigDecimal("rate").stripTrailingZeros(),
                        rs.getObject("valid_on", LocalDate.class)))
                .list();
    }
}

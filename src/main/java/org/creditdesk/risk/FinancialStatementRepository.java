package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FinancialStatementRepository {

    record Stored(long customerId, int year, String currency, FinancialStatement statement) {}

    record Rating(LocalDate ratedOn, String agency, String rating) {}

    private static final String COLUMNS = """
            customer_id, year, currency, revenue, net_income, ebit, current_assets, current_liabilities, total_assets,
            total_liabilities, retained_earnings, book_equity""";
    private static final String OF_CUSTOMER =
            "SELECT " + COLUMNS + " FROM financial_statement WHERE customer_id = :customerId ORDER BY year DESC";
    // One statement for a whole file: rows that differ are replaced, identical ones are left alone.
    private static final String UPSERT = """
            INSERT INTO financial_statement (%s, updated_by, updated_at)
            SELECT c, y, cur, r, n, e, ca, cl, ta, tl, re, be, :by, :at
            FROM unnest(CAST(:customers AS bigint[]), CAST(:years AS int[]), CAST(:currencies AS text[]),
                        CAST(:revenues AS numeric[]), CAST(:netIncomes AS numeric[]), CAST(:ebits AS numeric[]),
                        CAST(:currentAssets AS numeric[]), CAST(:currentLiabilities AS numeric[]),
                        CAST(:totalAssets AS numeric[]), CAST(:totalLiabilities AS numeric[]),
                        CAST(:retainedEarnings AS numeric[]), CAST(:bookEquities AS numeric[]))
                 AS s (c, y, cur, r, n, e, ca, cl, ta, tl, re, be)
            ON CONFLICT (customer_id, year) DO UPDATE
                SET currency = EXCLUDED.currency, revenue = EXCLUDED.revenue, net_income = EXCLUDED.net_income,
                    ebit = EXCLUDED.ebit, current_assets = EXCLUDED.current_assets,
                    current_liabilities = EXCLUDED.current_liabilities, total_assets = EXCLUDED.total_assets,
                    total_liabilities = EXCLUDED.total_liabilities, retained_earnings = EXCLUDED.retained_earnings,
                    book_equity = EXCLUDED.book_equity, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                WHERE (financial_statement.currency, financial_statement.revenue, financial_statement.net_income,
                       financial_statement.ebit, financial_statement.current_assets,
                       financial_statement.current_liabilities, financial_statement.total_assets,
                       financial_statement.total_liabilities, financial_statement.retained_earnings,
                       financial_statement.book_equity)
                      IS DISTINCT FROM (EXCLUDED.currency, EXCLUDED.revenue, EXCLUDED.net_income, EXCLUDED.ebit,
                       EXCLUDED.current_assets, EXCLUDED.current_liabilities, EXCLUDED.total_assets,
                       EXCLUDED.total_liabilities, EXCLUDED.retained_earnings, EXCLUDED.book_equity)
            """.formatted(COLUMNS);
    private static final String CUSTOMER_IDS = """
            SELECT code, id, currency FROM customer WHERE code = ANY(CAST(:codes AS text[]))
            """;
    private static final String UPSERT_RATING = """
            INSERT INTO external_rating (customer_id, rated_on, agency, rating, updated_by, updated_at)
            VALUES (:customerId, :ratedOn, :agency, :rating, :by, :at)
            ON CONFLICT (customer_id, rated_on, agency) DO UPDATE
                SET rating = EXCLUDED.rating, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                WHERE external_rating.rating <> EXCLUDED.rating
            """;
    private static final String RATINGS = """
            SELECT rated_on, agency, rating FROM external_rating WHERE customer_id = :customerId ORDER BY rated_on DESC, agency
            """;

    private final JdbcClient jdbc;

    FinancialStatementRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Stored> ofCustomer(long customerId) {
        return jdbc.sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .query((rs, n) -> new Stored(
                        rs.getLong("customer_id"),
                        rs.getInt("year"),
                        rs.getString("currency").trim(),
                        statement(rs)))
                .list();
    }

    /** A statement's figures from a row holding the table's columns. */
    static FinancialStatement statement(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new FinancialStatement(
                rs.getString("currency").trim(),
                rs.getBigDecimal("revenue"),
                rs.getBigDecimal("net_income"),
                rs.getBigDecimal("ebit"),
                rs.getBigDecimal("current_assets"),
                rs.getBigDecimal("current_liabilities"),
                rs.getBigDecimal("total_assets"),
                rs.getBigDecimal("total_liabilities"),
                rs.getBigDecimal("retained_earnings"),
                rs.getBigDecimal("book_equity"));
    }

    Optional<Stored> find(long customerId, int year) {
        return ofCustomer(customerId).stream().filter(s -> s.year() == year).findFirst();
    }

    /** customer code → (id, currency) for the codes that exist. */
    java.util.Map<String, Stored> customers(List<String> codes) {
        java.util.Map<String, Stored> found = new java.util.HashMap<>();
        jdbc.sql(CUSTOMER_IDS).param("codes", codes.toArray(String[]::new)).query(rs -> {
            found.put(
                    rs.getString("code"),
                    new Stored(
                            rs.getLong("id"),
                            0,
                            rs.getString("currency").trim(),
                            new FinancialStatement(null, null, null, null, null, null, null, null, null, null)));
        });
        return found;
    }

    /** Upserts the statements; returns how many rows were inserted or changed. */
    int upsert(List<Stored> statements, String by, OffsetDateTime at) {
        if (statements.isEmpty()) return 0;
        return jdbc.sql(UPSERT)
                .param("customers", statements.stream().map(Stored::customerId).toArray(Long[]::new))
                .param("years", statements.stream().map(Stored::year).toArray(Integer[]::new))
                .param("currencies", statements.stream().map(Stored::currency).toArray(String[]::new))
                .param("revenues", column(statements, 0))
                .param("netIncomes", column(statements, 1))
                .param("ebits", column(statements, 2))
                .param("currentAssets", column(statements, 3))
                .param("currentLiabilities", column(statements, 4))
                .param("totalAssets", column(statements, 5))
                .param("totalLiabilities", column(statements, 6))
                .param("retainedEarnings", column(statements, 7))
                .param("bookEquities", column(statements, 8))
                .param("by", by)
                .param("at", at)
                .update();
    }

    int upsertRating(long customerId, Rating rating, String by, OffsetDateTime at) {
        return jdbc.sql(UPSERT_RATING)
                .param("customerId", customerId)
                .param("ratedOn", rating.ratedOn())
                .param("agency", rating.agency())
                .param("rating", rating.rating())
                .param("by", by)
                .param("at", at)
                .update();
    }

    List<Rating> ratings(long customerId) {
        return jdbc.sql(RATINGS)
                .param("customerId", customerId)
                .query((rs, n) -> new Rating(
                        rs.getObject("rated_on", LocalDate.class), rs.getString("agency"), rs.getString("rating")))
                .list();
    }

    private static BigDecimal[] column(List<Stored> statements, int index) {
        return statements.stream().map(s -> s.statement().amounts().get(index)).toArray(BigDecimal[]::new);
    }
}

package org.creditdesk.ledger;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Current totals per customer and currency, set-based, summed from the documents V182 publishes
 * ({@code ledger_balance_documents}, from which the credit module rebuilds its running totals). What the
 * credit check reads from the ledger per customer is published as SQL functions (V113).
 */
@Repository
class BalanceRepository {

    // One template, two statements: a filter by id that the planner can use in every branch of the view, or none.
    private static final String BALANCES_TEMPLATE = """
            SELECT customer_id, currency, sum(open_receivables) AS open_receivables,
                   sum(released_orders) AS released_orders, sum(unapplied_credit) AS unapplied_credit
            FROM ledger_balance_documents
            /*customers*/
            GROUP BY customer_id, currency
            ORDER BY customer_id, currency
            """;
    private static final String BALANCES_OF =
            BALANCES_TEMPLATE.replace("/*customers*/", "WHERE customer_id = ANY(CAST(:ids AS bigint[]))");
    private static final String BALANCES_OF_ALL = BALANCES_TEMPLATE.replace("/*customers*/", "");

    private final JdbcClient jdbc;

    BalanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Totals of these customers, or of every customer when {@code customerIds} is null. */
    List<LedgerBalance> balances(@Nullable Collection<Long> customerIds) {
        var statement = customerIds == null
                ? jdbc.sql(BALANCES_OF_ALL)
                : jdbc.sql(BALANCES_OF).param("ids", customerIds.toArray(Long[]::new));
        return statement
                .query((rs, n) -> new LedgerBalance(
                        rs.getLong("customer_id"),
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("open_receivables"),
                        rs.getBigDecimal("released_orders"),
                        rs.getBigDecimal("unapplied_credit")))
                .list();
    }
}

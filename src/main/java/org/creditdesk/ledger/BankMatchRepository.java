package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.ledger.BankMatching.CustomerHit;
import org.creditdesk.ledger.BankMatching.InvoiceHit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lookups of the bank matching, each one statement for a whole bank statement. Customers are
 * read through the functions V90 publishes ({@code customers_by_bank_account}, {@code
 * customers_by_code}, {@code customers_named_like}); invoices are the ledger's own.
 */
@Repository
class BankMatchRepository {

    private static final String BY_ACCOUNT = """
            SELECT account_key, customer_id, customer_code FROM customers_by_bank_account(CAST(:keys AS text[]))
            """;
    private static final String BY_CODE = """
            SELECT customer_id, customer_code FROM customers_by_code(CAST(:codes AS text[]))
            """;
    private static final String INVOICES_BY_NO = """
            SELECT i.id, i.invoice_no, i.customer_id, c.code AS customer_code, coalesce(o.open_amount, 0.00) AS open_amount,
                   i.currency, i.due_date
            FROM invoice i JOIN customer c ON c.id = i.customer_id
            LEFT JOIN open_item o ON o.id = i.id
            WHERE i.invoice_no = ANY(CAST(:nos AS text[]))
            """;
    private static final String NAMED_LIKE = """
            SELECT customer_code, customer_name, similarity FROM customers_named_like(:payer, :howMany)
            """;
    private static final String CUSTOMER_NAMES = """
            SELECT customer_code, customer_name FROM customers_by_code(CAST(:codes AS text[]))
            """;
    // Open invoices whose open amount equals one of the amounts: the customer may have paid just that.
    private static final String OPEN_OF_AMOUNT = """
            SELECT a.amount, x.invoice_no, x.customer_code
            FROM unnest(CAST(:amounts AS numeric[]), CAST(:currencies AS text[])) AS a (amount, currency)
            CROSS JOIN LATERAL (
                SELECT i.invoice_no, c.code AS customer_code
                FROM open_item o JOIN invoice i ON i.id = o.id JOIN customer c ON c.id = o.customer_id
                WHERE o.open_amount = a.amount AND o.currency = a.currency
                ORDER BY o.due_date, i.invoice_no
                LIMIT 3) x
            """;

    private final JdbcClient jdbc;

    BankMatchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Set<CustomerHit>> customersByAccount(Collection<String> keys) {
        Map<String, Set<CustomerHit>> found = new HashMap<>();
        if (keys.isEmpty()) return found;
        jdbc.sql(BY_ACCOUNT).param("keys", keys.toArray(String[]::new)).query(rs -> {
            found.computeIfAbsent(rs.getString("account_key"), k -> new LinkedHashSet<>())
                    .add(new CustomerHit(rs.getLong("customer_id"), rs.getString("customer_code")));
        });
        return found;
    }

    Map<String, CustomerHit> customersByCode(Collection<String> codes) {
        Map<String, CustomerHit> found = new HashMap<>();
        if (codes.isEmpty()) return found;
        jdbc.sql(BY_CODE).param("codes", codes.toArray(String[]::new)).query(rs -> {
            found.put(
                    rs.getString("customer_code"),
                    new CustomerHit(rs.getLong("customer_id"), rs.getString("customer_code")));
        });
        return found;
    }

    Map<String, InvoiceHit> invoicesByNo(Collection<String> nos) {
        Map<String, InvoiceHit> found = new HashMap<>();
        if (nos.isEmpty()) return found;
        jdbc.sql(INVOICES_BY_NO).param("nos", nos.toArray(String[]::new)).query(rs -> {
            found.put(
                    rs.getString("invoice_no"),
                    new InvoiceHit(
                            rs.getLong("id"),
                            rs.getString("invoice_no"),
                            rs.getLong("customer_id"),
                            rs.getString("customer_code"),
                            rs.getBigDecimal("open_amount"),
                            rs.getString("currency"),
                            rs.getObject("due_date", java.time.LocalDate.class)));
        });
        return found;
    }

    record NameHit(String code, String name, double similarity) {}

    List<NameHit> namedLike(String payer, int howMany) {
        return jdbc.sql(NAMED_LIKE)
                .param("payer", payer)
                .param("howMany", howMany)
                .query((rs, n) -> new NameHit(
                        rs.getString("customer_code"), rs.getString("customer_name"), rs.getDouble("similarity")))
                .list();
    }

    Map<String, String> customerNames(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) return names;
        jdbc.sql(CUSTOMER_NAMES).param("codes", codes.toArray(String[]::new)).query(rs -> {
            names.put(rs.getString("customer_code"), rs.getString("customer_name"));
        });
        return names;
    }

    record AmountHit(BigDecimal amount, String invoiceNo, String customerCode) {}

    List<AmountHit> openInvoicesOfAmount(List<BigDecimal> amounts, List<String> currencies) {
        if (amounts.isEmpty()) return new ArrayList<>();
        return jdbc.sql(OPEN_OF_AMOUNT)
                .param(
                        "amounts",
                        amounts.stream().map(BigDecimal::toPlainString).toArray(String[]::new))
                .param("currencies", currencies.toArray(String[]::new))
                .query((rs, n) -> new AmountHit(
                        rs.getBigDecimal("amount"), rs.getString("invoice_no"), rs.getString("customer_code")))
                .list();
    }
}

package org.creditdesk.ledger;

import java.util.Currency;
import java.util.regex.Pattern;
import org.creditdesk.shared.EnabledCurrencies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based checks and merges of orders, invoices and payments staged by a file import.
 *
 * <p>The staging table has a {@code line BIGINT} column and one {@code TEXT} column per CSV column,
 * named after API.md's field in snake_case ({@code invoice_no}, {@code customer_code}, ...; NULL
 * when the file has no such column); each date and amount column also typed, as {@code
 * <column>_value DATE} or {@code NUMERIC(19, 2)}, NULL unless the text is a {@code yyyy-MM-dd} date
 * or an amount with at most 2 decimals (the rules of {@code import_date()} and {@code
 * import_amount()}). The rejection table takes {@code (line, position, field,
 * message)}. Every method must run inside the importer's transaction: the checks only record
 * problems, and the merges assume the checks found none.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class BulkLoad {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final LedgerBulkRepository repository;
    private final EnabledCurrencies enabled;

    BulkLoad(LedgerBulkRepository repository, EnabledCurrencies enabled) {
        this.repository = repository;
        this.enabled = enabled;
    }

    public void rejectInvalidOrders(String staging, String rejections, String[] areas, String baseCurrency) {
        repository.rejectInvalidOrders(table(staging), table(rejections), areas, baseCurrency, currencies());
    }

    public void rejectInvalidInvoices(String staging, String rejections, String[] areas, String baseCurrency) {
        repository.rejectInvalidInvoices(table(staging), table(rejections), areas, baseCurrency, currencies());
    }

    public void rejectInvalidPayments(String staging, String rejections, String[] areas, String baseCurrency) {
        repository.rejectInvalidPayments(table(staging), table(rejections), areas, baseCurrency, currencies());
    }

    /** Inserts the new orders as RELEASED (the ERP already shipped them); returns how many were new. */
    public int mergeOrders(String staging, String baseCurrency) {
        return repository.mergeOrders(table(staging), baseCurrency);
    }

    /** Inserts the new invoices fully open and marks the orders they name INVOICED; returns how many were new. */
    public int mergeInvoices(String staging, String baseCurrency) {
        int imported = repository.mergeInvoices(table(staging), baseCurrency);
        repository.markOrdersInvoiced(table(staging));
        return imported;
    }

    /**
     * Inserts the new payments and allocates them: a payment naming an invoice settles that
     * invoice up to its open amount; the others settle their customer's open invoices oldest
     * first. Returns how many payments were new.
     */
    public int mergePayments(String staging, String baseCurrency) {
        return repository.mergePayments(table(staging), baseCurrency);
    }

    private static String table(String name) {
        if (!TABLE_NAME.matcher(name).matches()) throw new IllegalArgumentException("Not a table name: " + name);
        return name;
    }

    /** The currencies the company enabled (issue 15 finding 8), and those without minor units. */
    private LedgerBulkRepository.Currencies currencies() {
        return new LedgerBulkRepository.Currencies(
                enabled.codes().toArray(String[]::new),
                Currency.getAvailableCurrencies().stream()
                        .filter(c -> c.getDefaultFractionDigits() <= 0)
                        .map(Currency::getCurrencyCode)
                        .toArray(String[]::new));
    }
}

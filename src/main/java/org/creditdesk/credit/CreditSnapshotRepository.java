package org.creditdesk.credit;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everything a credit check reads, in one statement (issue 14): the policy's grace and clearing days, the
 * line in force with its valid securities, the running totals (or the contract's exposure), uncleared
 * cheques, the rates into the line's currency, the live overdue invoices, the account's facts and the
 * active holds: the SQL function {@code credit_snapshot} (V136, in plain steps; V113/V140 before). The
 * ledger's part comes through the SQL functions it publishes.
 */
@Repository
class CreditSnapshotRepository {

    // credit_snapshot (V136) is the statement; a function so that its plans are made once per connection.
    private static final String SNAPSHOT = """
            SELECT grace_days, target_currency, has_line, line_amount, line_currency, valid_from, valid_until,
                   review_on, securities, total_currencies, total_open, total_released, total_unapplied,
                   cheque_currencies, cheque_amounts, rate_currencies, rate_values, overdue_currencies,
                   overdue_amounts, overdue_max_days, overdue_invoices, has_account, credit_state, stop_reason,
                   legal, linked_to_stopped, bounced_cheque, risk_class, hold_ids, hold_reasons, hold_automatic,
                   hold_notes, hold_placed_by, hold_placed_at
            FROM credit_snapshot(:customerId, :contractNo, :customerCurrency, :amountCurrency, :asOf)
            """;
    // POST /orders (V127): the customer by code within the caller's areas (customers' published customer_ref) and
    // credit_order_snapshot (V117) as it is: the account row locked (created when missing) and the same snapshot,
    // whose failure the function traps and answers in `failure`, so an order's transaction needs no savepoint. The
    // areas' condition is on the customer alone, so no account of a customer the caller may not see is locked.
    private static final String ORDER_SNAPSHOT = """
            SELECT c.id AS customer_id, c.code AS customer_code, c.name AS customer_name,
                   c.area_code AS customer_area, c.currency AS customer_currency,
                   c.payment_term_days AS customer_terms, s.*
            FROM customer_ref(:customerCode) c
            CROSS JOIN LATERAL credit_order_snapshot(c.id, CAST(:contractNo AS text), c.currency,
                                                     coalesce(CAST(:amountCurrency AS text), c.currency),
                                                     CAST(:asOf AS date)) s
            WHERE cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[]))
            """;

    /** The snapshot could not be gathered; the statement trapped the failure and the transaction goes on. */
    static final class SnapshotFailed extends RuntimeException {
        SnapshotFailed(String message) {
            super(message);
        }
    }

    /** The snapshot's rows as read; {@link CreditChecks} converts and evaluates them. */
    record Gathered(
            int graceDays,
            String targetCurrency,
            @Nullable CustomerCreditLine line,
            List<Conversion.Totals> totals,
            Map<String, BigDecimal> cheques,
            Map<String, BigDecimal> rates,
            Map<String, BigDecimal> overdueAmounts,
            int overdueMaxDays,
            int overdueInvoices,
            CreditFacts facts) {}

    private final JdbcClient jdbc;

    CreditSnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An order's customer with its snapshot, or instead the failure the statement trapped ({@link SnapshotFailed})
     * or that reading its row raised.
     */
    record ForOrder(
            CustomerRef customer,
            @Nullable Gathered gathered,
            @Nullable RuntimeException failure,
            @Nullable String contractNo,
            LocalDate asOf) {}

    /** The customer's snapshot in one statement. */
    Gathered gather(
            long customerId,
            String customerCode,
            String customerCurrency,
            @Nullable String contractNo,
            String amountCurrency,
            LocalDate asOf) {
        return jdbc.sql(SNAPSHOT)
                .param("customerId", customerId)
                .param("contractNo", contractNo)
                .param("customerCurrency", customerCurrency)
                .param("amountCurrency", amountCurrency)
                .param("asOf", asOf)
                .query((rs, n) -> read(rs, customerId, customerCode, contractNo, asOf))
                .single();
    }

    /**
     * For a new order, in one statement: the customer by code, if the caller's {@code areas} (none: all) include
     * it, its credit account row locked (created when missing) and its snapshot with the amount in
     * {@code amountCurrency} (null: the customer's). A failure while gathering comes back in {@link
     * ForOrder#failure} with the transaction still usable; a lock that cannot be had fails the statement. Empty
     * when there is no such customer for the caller (nothing locked).
     */
    Optional<ForOrder> gatherForOrder(
            String customerCode,
            String[] areas,
            @Nullable String amountCurrency,
            @Nullable String contractNo,
            LocalDate asOf) {
        return jdbc.sql(ORDER_SNAPSHOT)
                .param("customerCode", customerCode)
                .param("areas", areas)
                .param("amountCurrency", amountCurrency)
                .param("contractNo", contractNo)
                .param("asOf", asOf)
                .query((rs, n) -> {
                    CustomerRef customer = new CustomerRef(
                            rs.getLong("customer_id"),
                            rs.getString("customer_code"),
                            rs.getString("customer_name"),
                            rs.getString("customer_area"),
                            rs.getString("customer_currency"),
                            rs.getInt("customer_terms"));
                    String failure = rs.getString("failure");
                    if (failure != null)
                        return new ForOrder(customer, null, new SnapshotFailed(failure), contractNo, asOf);
                    try {
                        return new ForOrder(
                                customer,
                                read(rs, customer.id(), customer.code(), contractNo, asOf),
                                null,
                                contractNo,
                                asOf);
                    } catch (RuntimeException unreadable) {
                        return new ForOrder(customer, null, unreadable, contractNo, asOf);
                    }
                })
                .optional();
    }

    private static Gathered read(
            ResultSet rs, long customerId, String customerCode, @Nullable String contractNo, LocalDate asOf)
            throws SQLException {
        CustomerCreditLine line = null;
        if (rs.getBoolean("has_line")) {
            String currency = rs.getString("line_currency");
            LocalDate validFrom = rs.getObject("valid_from", LocalDate.class);
            LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
            line = new CustomerCreditLine(
                    customerId,
                    contractNo,
                    Money.of(rs.getBigDecimal("line_amount"), currency),
                    Money.of(rs.getBigDecimal("securities"), currency),
                    validFrom,
                    validUntil,
                    rs.getObject("review_on", LocalDate.class),
                    LimitState.of(validFrom, validUntil, asOf));
        }
        String[] totalCurrencies = strings(rs.getArray("total_currencies"));
        BigDecimal[] open = numbers(rs.getArray("total_open"));
        BigDecimal[] released = numbers(rs.getArray("total_released"));
        BigDecimal[] unapplied = numbers(rs.getArray("total_unapplied"));
        List<Conversion.Totals> totals = new ArrayList<>(totalCurrencies.length);
        for (int i = 0; i < totalCurrencies.length; i++) {
            totals.add(new Conversion.Totals(totalCurrencies[i], open[i], released[i], unapplied[i]));
        }
        CreditFacts facts = facts(rs, customerCode);
        return new Gathered(
                rs.getInt("grace_days"),
                rs.getString("target_currency"),
                line,
                totals,
                byCurrency(rs.getArray("cheque_currencies"), rs.getArray("cheque_amounts")),
                byCurrency(rs.getArray("rate_currencies"), rs.getArray("rate_values")),
                byCurrency(rs.getArray("overdue_currencies"), rs.getArray("overdue_amounts")),
                rs.getInt("overdue_max_days"),
                rs.getInt("overdue_invoices"),
                facts);
    }

    private static CreditFacts facts(ResultSet rs, String customerCode) throws SQLException {
        Long[] ids = (Long[]) rs.getArray("hold_ids").getArray();
        String[] reasons = strings(rs.getArray("hold_reasons"));
        Boolean[] automatic = (Boolean[]) rs.getArray("hold_automatic").getArray();
        String[] notes = strings(rs.getArray("hold_notes"));
        String[] placedBy = strings(rs.getArray("hold_placed_by"));
        Timestamp[] placedAt = (Timestamp[]) rs.getArray("hold_placed_at").getArray();
        List<CustomerHold> holds = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            holds.add(new CustomerHold(
                    ids[i],
                    customerCode,
                    HoldReason.valueOf(reasons[i]),
                    automatic[i],
                    notes[i],
                    placedBy[i],
                    OffsetDateTime.ofInstant(placedAt[i].toInstant(), ZoneOffset.UTC),
                    null,
                    null,
                    null));
        }
        if (!rs.getBoolean("has_account")) {
            return new CreditFacts(CreditFacts.NONE.storedState(), null, false, false, false, null, holds);
        }
        return new CreditFacts(
                CreditState.valueOf(rs.getString("credit_state")),
                rs.getString("stop_reason"),
                rs.getBoolean("legal"),
                rs.getBoolean("linked_to_stopped"),
                rs.getBoolean("bounced_cheque"),
                rs.getString("risk_class"),
                holds);
    }

    private static Map<String, BigDecimal> byCurrency(Array currencies, Array amounts) throws SQLException {
        String[] keys = strings(currencies);
        BigDecimal[] values = numbers(amounts);
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            result.put(keys[i], values[i]);
        }
        return result;
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }

    private static BigDecimal[] numbers(Array array) throws SQLException {
        return (BigDecimal[]) array.getArray();
    }
}

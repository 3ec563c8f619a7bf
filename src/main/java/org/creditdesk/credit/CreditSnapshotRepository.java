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
import org.creditdesk.customers.CreditState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Everything a credit check reads, in one statement (issue 14): the policy's grace and clearing days, the
 * line in force with its valid securities, the running totals (or the contract's exposure), uncleared
 * cheques, the rates into the line's currency, the live overdue invoices, the account's facts and the
 * active holds. The ledger's part comes through the SQL functions it publishes (V113).
 */
@Repository
class CreditSnapshotRepository {

    private static final String SNAPSHOT = """
            WITH policy AS (
                SELECT grace_days, cheque_clearing_days FROM credit_policy WHERE id = 1
            ),
            line AS (
                SELECT l.contract_no, l.amount, CAST(l.currency AS text) AS currency, l.valid_from, l.valid_until,
                       l.review_on
                FROM credit_limit l
                WHERE l.customer_id = :customerId AND coalesce(l.contract_no, '') = coalesce(:contractNo, '')
                  AND l.superseded_at IS NULL
            ),
            target AS (
                SELECT coalesce((SELECT currency FROM line), :customerCurrency) AS currency
            ),
            totals AS (
                SELECT CAST(b.currency AS text) AS currency, b.open_receivables, b.released_orders, b.unapplied_credit
                FROM credit_balance b
                WHERE b.customer_id = :customerId AND CAST(:contractNo AS text) IS NULL
                UNION ALL
                SELECT e.currency, e.open_receivables, e.released_orders, 0
                FROM ledger_contract_exposure(:customerId, :contractNo) e
                WHERE CAST(:contractNo AS text) IS NOT NULL
            ),
            cheques AS (
                SELECT c.currency, c.amount
                FROM policy p, ledger_uncleared_cheques(:customerId, CAST(:asOf AS date), p.cheque_clearing_days) c
                WHERE CAST(:contractNo AS text) IS NULL
            ),
            rates AS (
                SELECT DISTINCT ON (r.from_currency) CAST(r.from_currency AS text) AS from_currency, r.rate
                FROM exchange_rate r
                WHERE r.to_currency = (SELECT currency FROM target)
                  AND r.from_currency IN (SELECT currency FROM totals UNION SELECT currency FROM cheques
                                          UNION SELECT CAST(:amountCurrency AS text))
                  AND r.valid_on <= CAST(:asOf AS date)
                ORDER BY r.from_currency, r.valid_on DESC
            ),
            overdue AS (
                SELECT o.currency, sum(o.open_amount) AS amount, max(o.days_overdue) AS max_days, count(*) AS invoices
                FROM policy p,
                     ledger_overdue_invoices(:customerId, CAST(:asOf AS date), CAST(:asOf AS date) - p.grace_days) o
                GROUP BY o.currency
            ),
            holds AS (
                SELECT h.id, h.reason, h.automatic, h.note, h.placed_by, h.placed_at
                FROM customer_hold h
                WHERE h.customer_id = :customerId AND h.lifted_at IS NULL
            )
            SELECT p.grace_days,
                   (SELECT currency FROM target) AS target_currency,
                   l.amount IS NOT NULL AS has_line,
                   l.amount AS line_amount, l.currency AS line_currency, l.valid_from, l.valid_until, l.review_on,
                   (SELECT coalesce(sum(s.amount), 0) FROM credit_security s
                    WHERE s.customer_id = :customerId AND coalesce(s.contract_no, '') = coalesce(:contractNo, '')
                      AND s.expires_on >= CAST(:asOf AS date) AND s.currency = l.currency) AS securities,
                   ARRAY(SELECT currency FROM totals ORDER BY currency) AS total_currencies,
                   ARRAY(SELECT open_receivables FROM totals ORDER BY currency) AS total_open,
                   ARRAY(SELECT released_orders FROM totals ORDER BY currency) AS total_released,
                   ARRAY(SELECT unapplied_credit FROM totals ORDER BY currency) AS total_unapplied,
                   ARRAY(SELECT currency FROM cheques ORDER BY currency) AS cheque_currencies,
                   ARRAY(SELECT amount FROM cheques ORDER BY currency) AS cheque_amounts,
                   ARRAY(SELECT from_currency FROM rates ORDER BY from_currency) AS rate_currencies,
                   ARRAY(SELECT rate FROM rates ORDER BY from_currency) AS rate_values,
                   ARRAY(SELECT currency FROM overdue ORDER BY currency) AS overdue_currencies,
                   ARRAY(SELECT amount FROM overdue ORDER BY currency) AS overdue_amounts,
                   (SELECT coalesce(max(max_days), 0) FROM overdue) AS overdue_max_days,
                   (SELECT coalesce(sum(invoices), 0) FROM overdue) AS overdue_invoices,
                   a.customer_id IS NOT NULL AS has_account, a.credit_state, a.stop_reason, a.legal,
                   a.linked_to_stopped, a.bounced_cheque, a.risk_class,
                   ARRAY(SELECT id FROM holds ORDER BY id) AS hold_ids,
                   ARRAY(SELECT reason FROM holds ORDER BY id) AS hold_reasons,
                   ARRAY(SELECT automatic FROM holds ORDER BY id) AS hold_automatic,
                   ARRAY(SELECT note FROM holds ORDER BY id) AS hold_notes,
                   ARRAY(SELECT placed_by FROM holds ORDER BY id) AS hold_placed_by,
                   ARRAY(SELECT placed_at FROM holds ORDER BY id) AS hold_placed_at
            FROM policy p
            LEFT JOIN line l ON true
            LEFT JOIN credit_account a ON a.customer_id = :customerId
            """;

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
                    org.creditdesk.shared.Money.of(rs.getBigDecimal("line_amount"), currency),
                    org.creditdesk.shared.Money.of(rs.getBigDecimal("securities"), currency),
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

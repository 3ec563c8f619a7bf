package org.creditdesk.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.creditdesk.customers.CreditState;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditAccountRepository {

    /** The credit account's facts as stored. */
    record StoredFacts(
            CreditState state,
            @Nullable String stopReason,
            boolean legal,
            boolean linkedToStopped,
            boolean bouncedCheque,
            @Nullable String riskClass,
            long version) {}

    private static final String ENSURE = """
            INSERT INTO credit_account (customer_id) VALUES (:customerId) ON CONFLICT (customer_id) DO NOTHING
            """;
    private static final String FACTS = """
            SELECT credit_state, stop_reason, legal, linked_to_stopped, bounced_cheque, risk_class, version
            FROM credit_account
            WHERE customer_id = :customerId
            """;
    private static final String LOCK = FACTS + " FOR UPDATE";
    private static final String SET_FACTS = """
            UPDATE credit_account
            SET credit_state = :state, stop_reason = :stopReason, legal = :legal, linked_to_stopped = :linked,
                bounced_cheque = :bounced, risk_class = :riskClass, version = version + 1, updated_at = :at
            WHERE customer_id = :customerId
            """;
    private static final String ALL_BALANCES_OF = """
            SELECT customer_id, currency, open_receivables, released_orders, unapplied_credit
            FROM credit_balance
            WHERE customer_id = ANY(CAST(:ids AS bigint[]))
              AND (open_receivables <> 0 OR released_orders <> 0 OR unapplied_credit <> 0)
            ORDER BY customer_id, currency
            """;
    // A running total moves by the change a ledger write made, never recomputed from the documents.
    private static final String ADD = """
            INSERT INTO credit_balance (customer_id, currency, open_receivables, released_orders, unapplied_credit, version)
            VALUES (:customerId, :currency, :open, :released, :unapplied, 1)
            ON CONFLICT (customer_id, currency) DO UPDATE
                SET open_receivables = credit_balance.open_receivables + EXCLUDED.open_receivables,
                    released_orders = credit_balance.released_orders + EXCLUDED.released_orders,
                    unapplied_credit = credit_balance.unapplied_credit + EXCLUDED.unapplied_credit,
                    version = credit_balance.version + 1
            """;
    // These customers' totals set to the rebuilt ones in one statement: a row that changed is updated in place (no
    // indexed column changes, so HOT), one that is unchanged is left alone, one no longer in the rebuild is deleted,
    // a new one inserted. Deleting and re-inserting every row instead wrote each twice, checked each insert's
    // customer key and recorded every customer twice for the risk board (its statement triggers): a bank statement
    // rebuilds some 92,000 customers. The totals are summed from the ledger's published documents (V182) in the same
    // statement instead of passing through the JVM (session 14: about 0.5 s of a 100,000-entry bank statement).
    private static final String REBUILD_OF = """
            WITH fresh AS (
                SELECT customer_id AS c, currency AS cur, sum(open_receivables) AS o, sum(released_orders) AS r,
                       sum(unapplied_credit) AS u
                FROM ledger_balance_documents
                WHERE customer_id = ANY(CAST(:customerIds AS bigint[]))
                GROUP BY customer_id, currency
            ),
            gone AS (
                DELETE FROM credit_balance b
                WHERE b.customer_id = ANY(CAST(:customerIds AS bigint[]))
                  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.c = b.customer_id AND f.cur = b.currency)
            )
            INSERT INTO credit_balance (customer_id, currency, open_receivables, released_orders, unapplied_credit)
            SELECT c, cur, o, r, u FROM fresh
            ON CONFLICT (customer_id, currency) DO UPDATE
                SET open_receivables = EXCLUDED.open_receivables,
                    released_orders = EXCLUDED.released_orders,
                    unapplied_credit = EXCLUDED.unapplied_credit,
                    version = credit_balance.version + 1
                WHERE (credit_balance.open_receivables, credit_balance.released_orders, credit_balance.unapplied_credit)
                      IS DISTINCT FROM (EXCLUDED.open_receivables, EXCLUDED.released_orders, EXCLUDED.unapplied_credit)
            """;
    private static final String DROP_ALL = "DELETE FROM credit_balance";
    private static final String REBUILD_ALL = """
            INSERT INTO credit_balance (customer_id, currency, open_receivables, released_orders, unapplied_credit)
            SELECT customer_id, currency, sum(open_receivables), sum(released_orders), sum(unapplied_credit)
            FROM ledger_balance_documents
            GROUP BY customer_id, currency
            """;

    // After the daily run placed or lifted holds: the accounts' state follows, set-based.
    private static final String HOLD_ALL = """
            INSERT INTO credit_account (customer_id, credit_state, version, updated_at)
            SELECT DISTINCT h.customer_id, 'ON_HOLD', 1, CAST(:at AS timestamptz)
            FROM customer_hold h
            WHERE h.id = ANY(CAST(:holdIds AS bigint[]))
            ON CONFLICT (customer_id) DO UPDATE
                SET credit_state = 'ON_HOLD', version = credit_account.version + 1, updated_at = EXCLUDED.updated_at
                WHERE credit_account.credit_state = 'ACTIVE'
            """;
    private static final String RELEASE_ALL = """
            UPDATE credit_account a
            SET credit_state = 'ACTIVE', version = a.version + 1, updated_at = :at
            WHERE a.customer_id IN (SELECT h.customer_id FROM customer_hold h WHERE h.id = ANY(CAST(:holdIds AS bigint[])))
              AND a.credit_state = 'ON_HOLD'
              AND NOT EXISTS (SELECT 1 FROM customer_hold o WHERE o.customer_id = a.customer_id AND o.lifted_at IS NULL)
            """;
    private static final String SET_LEGAL_ALL = """
            WITH changed AS (
                INSERT INTO credit_account (customer_id, legal, version, updated_at)
                SELECT DISTINCT c, CAST(:legal AS boolean), 1, CAST(:at AS timestamptz)
                FROM unnest(CAST(:ids AS bigint[])) AS c
                ON CONFLICT (customer_id) DO UPDATE
                    SET legal = EXCLUDED.legal, version = credit_account.version + 1, updated_at = EXCLUDED.updated_at
                    WHERE credit_account.legal <> EXCLUDED.legal
                RETURNING customer_id
            )
            SELECT c.code FROM changed ch JOIN customer c ON c.id = ch.customer_id ORDER BY c.code
            """;

    private final JdbcClient jdbc;

    CreditAccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the customer's account row (creating it on first use) for the rest of the transaction. The row
     * exists after a customer's first order, so the lock is one statement; only the first creates it first.
     */
    StoredFacts lock(long customerId) {
        return lockIfPresent(customerId).orElseGet(() -> {
            jdbc.sql(ENSURE).param("customerId", customerId).update();
            return lockIfPresent(customerId).orElseThrow();
        });
    }

    private Optional<StoredFacts> lockIfPresent(long customerId) {
        return jdbc.sql(LOCK)
                .param("customerId", customerId)
                .query(CreditAccountRepository::facts)
                .optional();
    }

    void setFacts(long customerId, StoredFacts facts, OffsetDateTime at) {
        jdbc.sql(SET_FACTS)
                .param("customerId", customerId)
                .param("state", facts.state().name())
                .param("stopReason", facts.stopReason())
                .param("legal", facts.legal())
                .param("linked", facts.linkedToStopped())
                .param("bounced", facts.bouncedCheque())
                .param("riskClass", facts.riskClass())
                .param("at", at)
                .update();
    }

    void holdAll(List<Long> holdIds, OffsetDateTime at) {
        if (holdIds.isEmpty()) return;
        jdbc.sql(HOLD_ALL)
                .param("holdIds", holdIds.toArray(Long[]::new))
                .param("at", at)
                .update();
    }

    void releaseAll(List<Long> holdIds, OffsetDateTime at) {
        if (holdIds.isEmpty()) return;
        jdbc.sql(RELEASE_ALL)
                .param("holdIds", holdIds.toArray(Long[]::new))
                .param("at", at)
                .update();
    }

    /** Sets the legal fact of these customers; the codes of those whose fact changed. */
    List<String> setLegalAll(Collection<Long> customerIds, boolean legal, OffsetDateTime at) {
        if (customerIds.isEmpty()) return List.of();
        return jdbc.sql(SET_LEGAL_ALL)
                .param("ids", customerIds.toArray(Long[]::new))
                .param("legal", legal)
                .param("at", at)
                .query(String.class)
                .list();
    }

    // The bulk writers of accounts (the daily run's holds and legal facts, the scoring run's classes) lock their
    // rows in different orders, so two of them at once can deadlock (seen when the demo replays a day's scoring
    // beside the next day's run); a transaction-scoped advisory lock makes them take turns.
    private static final String BULK_WRITES =
            "SELECT pg_advisory_xact_lock(hashtext('creditdesk.credit-account-bulk'))";

    /** Waits until no other transaction writes accounts in bulk; held to the end of the transaction. */
    void lockForBulkWrites() {
        jdbc.sql(BULK_WRITES).query((rs, n) -> 1).list();
    }

    // Creates missing accounts and changes only the classes that differ; counts the changes by new class. The
    // classes that differ are found by reading first: an ON CONFLICT ... DO UPDATE ... WHERE locks every row it
    // meets even when the WHERE skips it, so a run's 100,000 unchanged classes dirtied every page of credit_account.
    private static final String SET_RISK_CLASSES = """
            WITH input AS (
                SELECT customer_id, risk_class
                FROM unnest(CAST(:ids AS bigint[]), CAST(:classes AS text[])) AS s (customer_id, risk_class)
            ),
            differing AS (
                SELECT i.customer_id, i.risk_class
                FROM input i
                LEFT JOIN credit_account ca ON ca.customer_id = i.customer_id
                WHERE ca.risk_class IS DISTINCT FROM i.risk_class
            ),
            changed AS (
                INSERT INTO credit_account (customer_id, risk_class, version, updated_at)
                SELECT customer_id, risk_class, 1, :at FROM differing
                ON CONFLICT (customer_id) DO UPDATE
                    SET risk_class = EXCLUDED.risk_class, version = credit_account.version + 1, updated_at = :at
                    WHERE credit_account.risk_class IS DISTINCT FROM EXCLUDED.risk_class
                RETURNING risk_class
            )
            SELECT risk_class, count(*) AS customers FROM changed GROUP BY risk_class ORDER BY risk_class
            """;

    java.util.Map<String, Long> setRiskClasses(java.util.Map<Long, String> riskClasses, OffsetDateTime at) {
        java.util.Map<String, Long> changed = new java.util.TreeMap<>();
        jdbc.sql(SET_RISK_CLASSES)
                .param("ids", riskClasses.keySet().toArray(Long[]::new))
                .param("classes", riskClasses.values().toArray(String[]::new))
                .param("at", at)
                .query(rs -> {
                    changed.put(rs.getString("risk_class"), rs.getLong("customers"));
                });
        return changed;
    }

    /** Non-zero running totals of these customers, for comparing with a recomputation. */
    List<Balance> balancesOf(Collection<Long> customerIds) {
        return jdbc.sql(ALL_BALANCES_OF)
                .param("ids", customerIds.toArray(Long[]::new))
                .query((rs, n) -> new Balance(
                        rs.getLong("customer_id"),
                        rs.getString("currency").trim(),
                        rs.getBigDecimal("open_receivables"),
                        rs.getBigDecimal("released_orders"),
                        rs.getBigDecimal("unapplied_credit")))
                .list();
    }

    void add(long customerId, String currency, BigDecimal open, BigDecimal released, BigDecimal unapplied) {
        if (open.signum() == 0 && released.signum() == 0 && unapplied.signum() == 0) return;
        jdbc.sql(ADD)
                .param("customerId", customerId)
                .param("currency", currency)
                .param("open", open)
                .param("released", released)
                .param("unapplied", unapplied)
                .update();
    }

    /** Rebuilds the totals of these customers (of all when null) from the ledger's documents, set-based. */
    void rebuild(@Nullable Collection<Long> customerIds) {
        if (customerIds == null) {
            jdbc.sql(DROP_ALL).update();
            jdbc.sql(REBUILD_ALL).update();
            return;
        }
        jdbc.sql(REBUILD_OF)
                .param("customerIds", customerIds.toArray(Long[]::new))
                .update();
    }

    /** One customer's running totals in one currency. */
    record Balance(
            long customerId,
            String currency,
            BigDecimal openReceivables,
            BigDecimal releasedOrders,
            BigDecimal unappliedCredit) {}

    private static StoredFacts facts(ResultSet rs, int row) throws SQLException {
        return new StoredFacts(
                CreditState.valueOf(rs.getString("credit_state")),
                rs.getString("stop_reason"),
                rs.getBoolean("legal"),
                rs.getBoolean("linked_to_stopped"),
                rs.getBoolean("bounced_cheque"),
                rs.getString("risk_class"),
                rs.getLong("version"));
    }
}

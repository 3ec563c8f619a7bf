package org.creditdesk.ledger;

import org.creditdesk.shared.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link BulkLoad}. Each check is one statement over the staging table that writes
 * every problem of every row (several per row if need be); each merge is a handful of set-based
 * statements, never a statement per row.
 *
 * <p>Placeholders: {@code %1$s} the staging table, {@code %2$s} the rejection table, {@code %3$s}
 * the join to the customers the importer may see.
 */
@Repository
class LedgerBulkRepository {

    /** The ISO 4217 codes the company enabled, and those without minor units (JPY, KRW, ...). */
    record Currencies(String[] known, String[] whole) {}

    /** The customer a row names, when it exists and the importer may see its area. */
    private static final String VISIBLE_CUSTOMER = """
            LEFT JOIN customer c ON c.code = s.customer_code
                AND (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))
            """;

    // Orders ---------------------------------------------------------------------------------

    private static final String REJECT_INVALID_ORDERS = """
            WITH duplicate AS (
                SELECT order_no FROM %1$s WHERE order_no <> '' GROUP BY order_no HAVING count(*) > 1
            ), r AS MATERIALIZED (
                SELECT s.line, s.order_no, s.customer_code, s.order_date, s.amount,
                       nullif(s.product_line, '') AS product_line, nullif(s.contract_no, '') AS contract_no,
                       coalesce(nullif(s.currency, ''), :base) AS currency, c.id AS customer_id,
                       s.order_date_value AS ordered_on, s.amount_value AS money
                FROM %1$s s
                %3$s
            )
            INSERT INTO %2$s (line, position, field, message)
            SELECT p.line, v.position, v.field, v.message
            FROM (
                -- each message computed once per row; OFFSET 0 keeps the filter below out of here
                SELECT r.line,
                       CASE
                         WHEN coalesce(r.order_no, '') = '' THEN 'is required'
                         WHEN d.order_no IS NOT NULL THEN 'order ' || r.order_no || ' appears more than once in the file'
                         WHEN o.id IS NOT NULL AND r.customer_id IS NOT NULL AND r.ordered_on IS NOT NULL AND r.money IS NOT NULL
                              AND (o.customer_id, o.order_date, o.amount, CAST(o.currency AS text), o.product_line, o.contract_no)
                                  IS DISTINCT FROM (r.customer_id, r.ordered_on, r.money, r.currency, r.product_line, r.contract_no)
                             THEN 'order ' || r.order_no || ' already exists with different content'
                    END AS m1,
                       CASE
                         WHEN coalesce(r.customer_code, '') = '' THEN 'is required'
                         WHEN r.customer_id IS NULL THEN 'unknown customer ' || r.customer_code
                    END AS m2,
                       CASE
                         WHEN coalesce(r.order_date, '') = '' THEN 'is required'
                         WHEN r.ordered_on IS NULL THEN '''' || r.order_date || ''' is not a date yyyy-MM-dd'
                    END AS m3,
                       CASE
                         WHEN coalesce(r.amount, '') = '' THEN 'is required'
                         WHEN r.money IS NULL THEN '''' || r.amount || ''' is not an amount with at most 2 decimals'
                         WHEN r.money <= 0 THEN 'must be positive'
                         WHEN r.money <> trunc(r.money) AND r.currency = ANY(CAST(:whole AS text[]))
                             THEN r.currency || ' amounts take no decimals'
                    END AS m4,
                       CASE
                         WHEN r.currency <> :base AND NOT r.currency = ANY(CAST(:known AS text[]))
                             THEN '''' || r.currency || ''' is not a currency the company has enabled'
                    END AS m5
                FROM r
                LEFT JOIN duplicate d ON d.order_no = r.order_no
                LEFT JOIN sales_order o ON o.order_no = r.order_no
                OFFSET 0
            ) p
            CROSS JOIN LATERAL (VALUES (1, 'orderNo', p.m1), (2, 'customerCode', p.m2), (3, 'orderDate', p.m3), (4, 'amount', p.m4), (5, 'currency', p.m5))
                AS v (position, field, message)
            WHERE num_nonnulls(p.m1, p.m2, p.m3, p.m4, p.m5) > 0 AND v.message IS NOT NULL
            """;

    /** An anti-join rather than ON CONFLICT, for the reason given at {@link #MERGE_INVOICES}. */
    private static final String MERGE_ORDERS = """
            INSERT INTO sales_order (order_no, customer_id, order_date, amount, currency, product_line, contract_no, status)
            SELECT s.order_no, c.id, s.order_date_value, s.amount_value,
                   coalesce(nullif(s.currency, ''), :base), nullif(s.product_line, ''), nullif(s.contract_no, ''), 'RELEASED'
            FROM %1$s s
            JOIN customer c ON c.code = s.customer_code
            WHERE NOT EXISTS (SELECT 1 FROM sales_order o WHERE o.order_no = s.order_no)
            """;

    // Invoices -------------------------------------------------------------------------------

    private static final String REJECT_INVALID_INVOICES = """
            WITH duplicate AS (
                SELECT invoice_no FROM %1$s WHERE invoice_no <> '' GROUP BY invoice_no HAVING count(*) > 1
            ), r AS MATERIALIZED (
                SELECT s.line, s.invoice_no, s.customer_code, nullif(s.order_no, '') AS order_no, s.issue_date,
                       s.due_date, s.amount, nullif(s.product_line, '') AS product_line,
                       coalesce(nullif(s.currency, ''), :base) AS currency, c.id AS customer_id,
                       s.issue_date_value AS issued_on, s.due_date_value AS due_on,
                       s.amount_value AS money
                FROM %1$s s
                %3$s
            )
            INSERT INTO %2$s (line, position, field, message)
            SELECT p.line, v.position, v.field, v.message
            FROM (
                -- each message computed once per row; OFFSET 0 keeps the filter below out of here
                SELECT r.line,
                       CASE
                         WHEN coalesce(r.invoice_no, '') = '' THEN 'is required'
                         WHEN d.invoice_no IS NOT NULL THEN 'invoice ' || r.invoice_no || ' appears more than once in the file'
                         WHEN i.id IS NOT NULL AND r.customer_id IS NOT NULL AND r.issued_on IS NOT NULL AND r.due_on IS NOT NULL
                              AND r.money IS NOT NULL
                              AND (i.customer_id, i.order_no, i.issue_date, i.due_date, i.amount, CAST(i.currency AS text),
                                   i.product_line)
                                  IS DISTINCT FROM (r.customer_id, r.order_no, r.issued_on, r.due_on, r.money, r.currency,
                                                    r.product_line)
                             THEN 'invoice ' || r.invoice_no || ' already exists with different content'
                    END AS m1,
                       CASE
                         WHEN coalesce(r.customer_code, '') = '' THEN 'is required'
                         WHEN r.customer_id IS NULL THEN 'unknown customer ' || r.customer_code
                    END AS m2,
                       CASE
                         WHEN o.id IS NOT NULL AND r.customer_id IS NOT NULL AND o.customer_id <> r.customer_id
                             THEN 'order ' || r.order_no || ' belongs to another customer'
                    END AS m3,
                       CASE
                         WHEN coalesce(r.issue_date, '') = '' THEN 'is required'
                         WHEN r.issued_on IS NULL THEN '''' || r.issue_date || ''' is not a date yyyy-MM-dd'
                    END AS m4,
                       CASE
                         WHEN coalesce(r.due_date, '') = '' THEN 'is required'
                         WHEN r.due_on IS NULL THEN '''' || r.due_date || ''' is not a date yyyy-MM-dd'
                         WHEN r.due_on < r.issued_on THEN 'is before the issue date'
                    END AS m5,
                       CASE
                         WHEN coalesce(r.amount, '') = '' THEN 'is required'
                         WHEN r.money IS NULL THEN '''' || r.amount || ''' is not an amount with at most 2 decimals'
                         WHEN r.money <= 0 THEN 'must be positive'
                         WHEN r.money <> trunc(r.money) AND r.currency = ANY(CAST(:whole AS text[]))
                             THEN r.currency || ' amounts take no decimals'
                    END AS m6,
                       CASE
                         WHEN r.currency <> :base AND NOT r.currency = ANY(CAST(:known AS text[]))
                             THEN '''' || r.currency || ''' is not a currency the company has enabled'
                    END AS m7
                FROM r
                LEFT JOIN duplicate d ON d.invoice_no = r.invoice_no
                LEFT JOIN invoice i ON i.invoice_no = r.invoice_no
                LEFT JOIN sales_order o ON o.order_no = r.order_no
                OFFSET 0
            ) p
            CROSS JOIN LATERAL (VALUES (1, 'invoiceNo', p.m1), (2, 'customerCode', p.m2), (3, 'orderNo', p.m3), (4, 'issueDate', p.m4), (5, 'dueDate', p.m5), (6, 'amount', p.m6), (7, 'currency', p.m7))
                AS v (position, field, message)
            WHERE num_nonnulls(p.m1, p.m2, p.m3, p.m4, p.m5, p.m6, p.m7) > 0 AND v.message IS NOT NULL
            """;

    /**
     * An anti-join rather than ON CONFLICT: the check already refused keys repeated in the file, and
     * speculative insertion costs a third of the insert on a million rows. A concurrent writer of
     * the same key still meets the unique index (409).
     */
    private static final String MERGE_INVOICES = """
            WITH written AS (
                INSERT INTO invoice (invoice_no, customer_id, order_no, issue_date, due_date, amount, currency,
                                     product_line)
                SELECT s.invoice_no, c.id, nullif(s.order_no, ''), s.issue_date_value, s.due_date_value,
                       s.amount_value, coalesce(nullif(s.currency, ''), :base), nullif(s.product_line, '')
                FROM %1$s s
                JOIN customer c ON c.code = s.customer_code
                WHERE NOT EXISTS (SELECT 1 FROM invoice i WHERE i.invoice_no = s.invoice_no)
                RETURNING id, customer_id, issue_date, due_date, currency, product_line, amount
            )
            INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount, open_amount)
            SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, amount FROM written ORDER BY id
            """;

    private static final String MARK_ORDERS_INVOICED = """
            UPDATE sales_order o
            SET status = 'INVOICED'
            FROM %1$s s
            WHERE s.order_no <> '' AND o.order_no = s.order_no AND o.status IN ('RELEASED', 'BLOCKED')
            """;

    // Payments -------------------------------------------------------------------------------

    private static final String REJECT_INVALID_PAYMENTS = """
            WITH duplicate AS (
                SELECT payment_no FROM %1$s WHERE payment_no <> '' GROUP BY payment_no HAVING count(*) > 1
            ), r AS MATERIALIZED (
                SELECT s.line, s.payment_no, s.customer_code, s.received_on, s.amount, s.method,
                       nullif(s.cheque_no, '') AS cheque_no, nullif(s.invoice_no, '') AS invoice_no,
                       coalesce(nullif(s.currency, ''), :base) AS currency, c.id AS customer_id,
                       s.received_on_value AS received, s.amount_value AS money
                FROM %1$s s
                %3$s
            )
            INSERT INTO %2$s (line, position, field, message)
            SELECT p.line, v.position, v.field, v.message
            FROM (
                -- each message computed once per row; OFFSET 0 keeps the filter below out of here
                SELECT r.line,
                       CASE
                         WHEN coalesce(r.payment_no, '') = '' THEN 'is required'
                         WHEN d.payment_no IS NOT NULL THEN 'payment ' || r.payment_no || ' appears more than once in the file'
                         WHEN p.id IS NOT NULL AND r.customer_id IS NOT NULL AND r.received IS NOT NULL AND r.money IS NOT NULL
                              AND (p.customer_id, p.received_on, p.amount, CAST(p.currency AS text), p.method, p.cheque_no)
                                  IS DISTINCT FROM (r.customer_id, r.received, r.money, r.currency, r.method, r.cheque_no)
                             THEN 'payment ' || r.payment_no || ' already exists with different content'
                    END AS m1,
                       CASE
                         WHEN coalesce(r.customer_code, '') = '' THEN 'is required'
                         WHEN r.customer_id IS NULL THEN 'unknown customer ' || r.customer_code
                    END AS m2,
                       CASE
                         WHEN coalesce(r.received_on, '') = '' THEN 'is required'
                         WHEN r.received IS NULL THEN '''' || r.received_on || ''' is not a date yyyy-MM-dd'
                    END AS m3,
                       CASE
                         WHEN coalesce(r.amount, '') = '' THEN 'is required'
                         WHEN r.money IS NULL THEN '''' || r.amount || ''' is not an amount with at most 2 decimals'
                         WHEN r.money <= 0 THEN 'must be positive'
                         WHEN r.money <> trunc(r.money) AND r.currency = ANY(CAST(:whole AS text[]))
                             THEN r.currency || ' amounts take no decimals'
                    END AS m4,
                       CASE
                         WHEN r.currency <> :base AND NOT r.currency = ANY(CAST(:known AS text[]))
                             THEN '''' || r.currency || ''' is not a currency the company has enabled'
                    END AS m5,
                       CASE
                         WHEN coalesce(r.method, '') = '' THEN 'is required'
                         WHEN r.method NOT IN ('BANK_TRANSFER', 'CHEQUE', 'CASH', 'BANK_ACCEPTANCE')
                             THEN '''' || r.method || ''' is not one of BANK_TRANSFER, CHEQUE, CASH, BANK_ACCEPTANCE'
                    END AS m6,
                       CASE
                         WHEN r.invoice_no IS NULL THEN NULL
                         WHEN i.id IS NULL THEN 'unknown invoice ' || r.invoice_no
                         WHEN r.customer_id IS NOT NULL AND i.customer_id <> r.customer_id
                             THEN 'invoice ' || r.invoice_no || ' is not of customer ' || r.customer_code
                         WHEN CAST(i.currency AS text) <> r.currency
                             THEN 'invoice ' || r.invoice_no || ' is in ' || i.currency || ', the payment in ' || r.currency
                    END AS m7
                FROM r
                LEFT JOIN duplicate d ON d.payment_no = r.payment_no
                LEFT JOIN payment p ON p.payment_no = r.payment_no
                LEFT JOIN invoice i ON i.invoice_no = r.invoice_no
                OFFSET 0
            ) p
            CROSS JOIN LATERAL (VALUES (1, 'paymentNo', p.m1), (2, 'customerCode', p.m2), (3, 'receivedOn', p.m3), (4, 'amount', p.m4), (5, 'currency', p.m5), (6, 'method', p.m6), (7, 'invoiceNo', p.m7))
                AS v (position, field, message)
            WHERE num_nonnulls(p.m1, p.m2, p.m3, p.m4, p.m5, p.m6, p.m7) > 0 AND v.message IS NOT NULL
            """;

    /**
     * The file's new payments with their ids drawn from {@code payment}'s own sequence, so they can be
     * allocated before they are written and each payment row is written once, with its final
     * unapplied amount. Payments already stored (same key, same content: the check refused any
     * other) are left alone: no second allocation. An anti-join rather than ON CONFLICT, as for
     * invoices; a concurrent writer of the same key still meets the unique index (409). The sequence is
     * looked up once (a sub-select), not per row: {@code pg_get_serial_sequence} scans {@code pg_depend}
     * on every call (0.94 s against 0.10 s for 71,036 ids). The named invoice's open amount and the
     * columns an allocation copies are read here, with its id, so the allocation and the writing of the
     * allocations do not join {@code invoice} again (two scans of it fewer per file).
     */
    private static final String CREATE_NEW_PAYMENTS = """
            CREATE TEMP TABLE import_new_payment ON COMMIT DROP AS
            SELECT nextval((SELECT CAST(pg_get_serial_sequence('payment', 'id') AS regclass))) AS id, s.payment_no,
                   c.id AS customer_id,
                   s.received_on_value AS received_on, s.amount_value AS amount,
                   coalesce(nullif(s.currency, ''), :base) AS currency, s.method, nullif(s.cheque_no, '') AS cheque_no,
                   i.id AS invoice_id, i.customer_id AS invoice_customer_id, i.issue_date AS invoice_issue_date,
                   i.due_date AS invoice_due_date, i.currency AS invoice_currency,
                   coalesce(o.open_amount, 0.00) AS invoice_open
            FROM %1$s s
            JOIN customer c ON c.code = s.customer_code
            LEFT JOIN invoice i ON i.invoice_no = nullif(s.invoice_no, '')
            LEFT JOIN open_item o ON o.id = i.id
            WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.payment_no = s.payment_no)
            """;

    /**
     * One row per (payment, invoice) settled; {@code seen_open} is the invoice's open amount this
     * import read, which the final update requires to be unchanged (no lock pass over every open
     * invoice: that wrote every row of a customer's open invoices a second time).
     */
    private static final String CREATE_NEW_ALLOCATIONS = """
            CREATE TEMP TABLE import_new_allocation (
                customer_id BIGINT NOT NULL, invoice_id BIGINT NOT NULL, payment_id BIGINT NOT NULL,
                amount NUMERIC(19, 2) NOT NULL, allocated_on DATE NOT NULL, seen_open NUMERIC(19, 2) NOT NULL,
                invoice_customer_id BIGINT NOT NULL, invoice_issue_date DATE NOT NULL, invoice_due_date DATE NOT NULL,
                invoice_currency CHAR(3) NOT NULL
            ) ON COMMIT DROP
            """;

    /**
     * Payments naming an invoice, in (receivedOn, paymentNo) order per invoice: each takes what the
     * earlier ones left open, the rest of it stays unapplied. Money cannot settle an invoice before
     * the invoice exists: the allocation is effective on the later of receipt and issue (as {@code
     * Invoicing.effectiveOn} for a single payment). The invoice's open amount is the one read with the
     * new payments ({@link #CREATE_NEW_PAYMENTS}); the final update checks it is still the stored one.
     */
    private static final String ALLOCATE_NAMED = """
            INSERT INTO import_new_allocation (customer_id, invoice_id, payment_id, amount, allocated_on, seen_open,
                                               invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency)
            SELECT customer_id, invoice_id, id, least(amount, invoice_open - taken_before),
                   greatest(received_on, invoice_issue_date), invoice_open,
                   invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency
            FROM (
                SELECT p.*,
                       coalesce(sum(p.amount) OVER (PARTITION BY p.invoice_id
                                                    ORDER BY p.received_on, p.payment_no COLLATE "C"
                                                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS taken_before
                FROM import_new_payment p
                WHERE p.invoice_id IS NOT NULL
            ) named
            WHERE invoice_open - taken_before > 0
            """;

    /**
     * Oldest first in one pass, without a loop and without pairing every payment with every invoice:
     * per customer and currency, the payments in (receivedOn, paymentNo) order lay out consecutive
     * intervals of the money received (running sums), the open invoices in (dueDate, issueDate,
     * invoiceNo) order consecutive intervals of the money owed (what the named payments left). Every
     * interval end is a breakpoint; between two consecutive breakpoints exactly one payment meets
     * exactly one invoice: the payment and the invoice whose intervals end first at or after the
     * segment's end. Segments past the money received or past the money owed settle nothing, so an
     * over-payment stays unapplied.
     */
    private static final String ALLOCATE_OLDEST_FIRST = """
            WITH paid AS (
                SELECT customer_id, currency, id,
                       sum(amount) OVER (PARTITION BY customer_id, currency
                                         ORDER BY received_on, payment_no COLLATE "C") AS upto
                FROM import_new_payment
                WHERE invoice_id IS NULL
            ), remaining AS (
                SELECT o.id, o.customer_id, CAST(o.currency AS text) AS currency, o.due_date, o.issue_date, i.invoice_no,
                       o.open_amount, o.open_amount - coalesce(n.settled, 0) AS still_open, o.currency AS invoice_currency
                FROM open_item o
                JOIN invoice i ON i.id = o.id
                LEFT JOIN (SELECT invoice_id, sum(amount) AS settled FROM import_new_allocation GROUP BY invoice_id) n
                    ON n.invoice_id = o.id
                WHERE o.customer_id IN (SELECT customer_id FROM import_new_payment WHERE invoice_id IS NULL)
            ), owed AS (
                SELECT customer_id, currency, id,
                       sum(still_open) OVER (PARTITION BY customer_id, currency
                                             ORDER BY due_date, issue_date, invoice_no COLLATE "C") AS upto
                FROM remaining
                WHERE still_open > 0
            ), breakpoint AS (
                SELECT customer_id, currency, upto, max(payment_id) AS payment_id, max(invoice_id) AS invoice_id
                FROM (SELECT customer_id, currency, upto, id AS payment_id, CAST(NULL AS bigint) AS invoice_id FROM paid
                      UNION ALL
                      SELECT customer_id, currency, upto, NULL, id FROM owed) ends
                GROUP BY customer_id, currency, upto
            ), segment AS (
                SELECT customer_id, currency, upto, payment_id, invoice_id,
                       upto - lag(upto, 1, 0) OVER (PARTITION BY customer_id, currency ORDER BY upto) AS amount,
                       count(payment_id) OVER later AS payment_group,
                       count(invoice_id) OVER later AS invoice_group
                FROM breakpoint
                WINDOW later AS (PARTITION BY customer_id, currency ORDER BY upto DESC)
            ), covered AS (
                SELECT customer_id, amount, payment_group, invoice_group,
                       max(payment_id) OVER (PARTITION BY customer_id, currency, payment_group) AS payment_id,
                       max(invoice_id) OVER (PARTITION BY customer_id, currency, invoice_group) AS invoice_id
                FROM segment
            )
            INSERT INTO import_new_allocation (customer_id, invoice_id, payment_id, amount, allocated_on, seen_open,
                                               invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency)
            SELECT s.customer_id, s.invoice_id, s.payment_id, s.amount, greatest(p.received_on, r.issue_date), r.open_amount,
                   r.customer_id, r.issue_date, r.due_date, r.invoice_currency
            FROM covered s
            JOIN import_new_payment p ON p.id = s.payment_id
            JOIN remaining r ON r.id = s.invoice_id
            WHERE s.payment_group > 0 AND s.invoice_group > 0
            """;

    /** Each payment written once, with what its allocations left unapplied. */
    private static final String INSERT_PAYMENTS = """
            INSERT INTO payment (id, payment_no, customer_id, received_on, amount, currency, method, cheque_no, unapplied)
            OVERRIDING SYSTEM VALUE
            SELECT p.id, p.payment_no, p.customer_id, p.received_on, p.amount, p.currency, p.method, p.cheque_no,
                   p.amount - coalesce(a.applied, 0)
            FROM import_new_payment p
            LEFT JOIN (SELECT payment_id, sum(amount) AS applied FROM import_new_allocation GROUP BY payment_id) a
                ON a.payment_id = p.id
            ORDER BY p.id
            """;

    /** With the invoice's columns each allocation copies (V73), read when the allocation was computed. */
    private static final String STORE_ALLOCATIONS = """
            INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on,
                                    invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency)
            SELECT customer_id, invoice_id, payment_id, amount, allocated_on,
                   invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency
            FROM import_new_allocation
            ORDER BY payment_id, invoice_id
            """;

    private static final String SETTLED_INVOICES = "SELECT count(DISTINCT invoice_id) FROM import_new_allocation";

    /**
     * The open items this file settles, FOR UPDATE in id order like every writer of open amounts, so an import and
     * a payment on the same invoices wait for each other instead of deadlocking. The invoices themselves are not
     * locked beyond what the allocations' writes ask for (FOR KEY SHARE, FOR SHARE): a bounce locks items, not
     * invoices (PaymentBounceRepository). Locking the settled invoices FOR SHARE first (session 12) cost about a tenth
     * of the payments file's PostgreSQL CPU (docs/performance.md, "Session 13, lead").
     */
    private static final String LOCK_SETTLED_OPEN_ITEMS = """
            SELECT count(*) FROM (
                SELECT o.id FROM open_item o
                WHERE o.id IN (SELECT invoice_id FROM import_new_allocation)
                ORDER BY o.id
                FOR UPDATE
            ) locked
            """;

    /**
     * Settles the invoices by V93's settle_open_items (the writer of open amounts every settlement shares), but
     * only those whose open amount is still the one the allocation was computed from: a concurrent payment that
     * settled one of them makes the count fall short. The same for the invoice's columns the allocations copied
     * before the lock (no code changes them; a hand edit in between would leave stale copies, so it refuses the
     * file too). Answers how many invoices were settled. The three arrays are aggregated in one pass, so they are
     * aligned; the function visits the open items in id order.
     */
    private static final String SETTLE_UNCHANGED = """
            WITH a AS MATERIALIZED (
                SELECT invoice_id, min(seen_open) AS seen_open, max(seen_open) AS seen_too,
                       sum(amount) AS settled, max(allocated_on) AS last_on,
                       invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency
                FROM import_new_allocation
                GROUP BY invoice_id, invoice_customer_id, invoice_issue_date, invoice_due_date, invoice_currency
            ), unchanged AS MATERIALIZED (
                SELECT a.invoice_id, a.settled, a.last_on
                FROM a
                JOIN open_item o ON o.id = a.invoice_id
                WHERE o.open_amount = a.seen_open AND a.seen_open = a.seen_too
                  AND (o.customer_id, o.issue_date, o.due_date, o.currency)
                      = (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency)
            )
            SELECT count(*) - settle_open_items(array_agg(invoice_id), array_agg(settled), array_agg(last_on))
            FROM unchanged
            """;

    private static final String NEW_PAYMENT_COUNT = "SELECT count(*) FROM import_new_payment";

    private static final Logger log = LoggerFactory.getLogger(LedgerBulkRepository.class);

    private final JdbcClient jdbc;

    LedgerBulkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void rejectInvalidOrders(String staging, String rejections, String[] areas, String base, Currencies currencies) {
        check(REJECT_INVALID_ORDERS, staging, rejections, areas, base, currencies);
    }

    void rejectInvalidInvoices(String staging, String rejections, String[] areas, String base, Currencies currencies) {
        check(REJECT_INVALID_INVOICES, staging, rejections, areas, base, currencies);
    }

    void rejectInvalidPayments(String staging, String rejections, String[] areas, String base, Currencies currencies) {
        check(REJECT_INVALID_PAYMENTS, staging, rejections, areas, base, currencies);
    }

    private void check(
            String sql, String staging, String rejections, String[] areas, String base, Currencies currencies) {
        jdbc.sql(sql.formatted(staging, rejections, VISIBLE_CUSTOMER))
                .param("areas", areas)
                .param("base", base)
                .param("known", currencies.known())
                .param("whole", currencies.whole())
                .update();
    }

    int mergeOrders(String staging, String base) {
        return jdbc.sql(MERGE_ORDERS.formatted(staging)).param("base", base).update();
    }

    int mergeInvoices(String staging, String base) {
        return jdbc.sql(MERGE_INVOICES.formatted(staging)).param("base", base).update();
    }

    void markOrdersInvoiced(String staging) {
        jdbc.sql(MARK_ORDERS_INVOICED.formatted(staging)).update();
    }

    int mergePayments(String staging, String base) {
        Step step = new Step();
        jdbc.sql(CREATE_NEW_PAYMENTS.formatted(staging)).param("base", base).update();
        jdbc.sql("ANALYZE import_new_payment (id, customer_id, invoice_id)").update();
        String prepared = step.next();
        jdbc.sql(CREATE_NEW_ALLOCATIONS).update();
        jdbc.sql(ALLOCATE_NAMED).update();
        jdbc.sql(ALLOCATE_OLDEST_FIRST).update();
        jdbc.sql("ANALYZE import_new_allocation (invoice_id, payment_id)").update();
        long settled = jdbc.sql(SETTLED_INVOICES).query(Long.class).single();
        jdbc.sql(LOCK_SETTLED_OPEN_ITEMS).query(Long.class).single();
        String allocated = step.next();
        jdbc.sql(INSERT_PAYMENTS).update();
        String paymentsWritten = step.next();
        jdbc.sql(STORE_ALLOCATIONS).update();
        String allocationsWritten = step.next();
        long reduced = jdbc.sql(SETTLE_UNCHANGED).query(Long.class).single();
        if (reduced != settled) {
            throw ProblemException.conflict(
                            "%d invoice(s) of this file were paid by someone else while it was imported; nothing was imported, import it again"
                                    .formatted(settled - reduced))
                    .withKey("problem.text.invoicesOfThisFileWerePaidMeanwhile", settled - reduced);
        }
        log.info(
                "Payments merge: new payments in {}, allocated and settled invoices locked in {}, payments written in {}, allocations in {}, {} invoices settled in {}",
                prepared,
                allocated,
                paymentsWritten,
                allocationsWritten,
                reduced,
                step.next());
        return jdbc.sql(NEW_PAYMENT_COUNT).query(Long.class).single().intValue();
    }

    /**
     * Each step's wall time and the WAL it wrote, for the log: on a loaded machine the WAL is the figure that
     * does not move with the load (docs/performance.md, "Session 12: payments import and settling").
     */
    private final class Step {
        private long started = System.nanoTime();
        private long wal = walPosition();

        String next() {
            long now = System.nanoTime();
            long written = walPosition();
            String step = "%d ms (%d MB WAL)".formatted(ms(now - started), (written - wal) >> 20);
            started = now;
            wal = written;
            return step;
        }
    }

    private long walPosition() {
        return jdbc.sql("SELECT CAST(pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0') AS bigint)")
                .query(Long.class)
                .single();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}

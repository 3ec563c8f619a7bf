package org.creditdesk.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.creditdesk.ledger.OrderStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CreditOrderRepository {

    private static final String COLUMN_LIST = """
            order_no, customer_code, area_code, order_date, amount, currency, contract_no, status,
                   reasons::text AS reasons, figures_currency, open_receivables, released_orders, uncleared_cheques,
                   unapplied_credit, exposure, credit_limit, available, decision_seq, decided_at, decided_by,
                   resolved_by, resolved_at, resolution_note
            """;
    private static final String COLUMNS = "SELECT " + COLUMN_LIST + "FROM credit_order\n";
    private static final String BY_NO = COLUMNS + "WHERE order_no = :orderNo";
    private static final String BY_STATUS = COLUMNS + """
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (cardinality(CAST(:areas AS text[])) = 0 OR area_code = ANY(CAST(:areas AS text[])))
              AND (CAST(:customerId AS bigint) IS NULL OR customer_id = :customerId)
            ORDER BY decided_at DESC, order_no
            LIMIT :limit
            """;
    private static final String QUEUE_FILTER = """
            WHERE status = :status
              AND (cardinality(CAST(:areas AS text[])) = 0 OR area_code = ANY(CAST(:areas AS text[])))
              AND (CAST(:area AS text) IS NULL OR area_code = CAST(:area AS text))
              AND (CAST(:reason AS text) IS NULL
                   OR reasons @> jsonb_build_array(jsonb_build_object('code', CAST(:reason AS text))))
            """;
    private static final String QUEUE_PAGE = COLUMNS + QUEUE_FILTER + """
            ORDER BY decided_at DESC, order_no
            LIMIT :limit OFFSET :offset
            """;
    private static final String QUEUE_COUNT = "SELECT count(*) FROM credit_order " + QUEUE_FILTER;
    // A re-check (amended order) replaces the decision; the audit trail keeps the earlier ones.
    private static final String SAVE = """
            INSERT INTO credit_order (order_no, customer_id, customer_code, area_code, order_date, amount, currency,
                                      contract_no, status, reasons, figures_currency, open_receivables, released_orders,
                                      uncleared_cheques, unapplied_credit, exposure, credit_limit, available,
                                      decided_at, decided_by)
            VALUES (:orderNo, :customerId, :customerCode, :area, :orderDate, :amount, :currency, :contractNo, :status,
                    CAST(:reasons AS jsonb), :figuresCurrency, :open, :released, :cheques, :unapplied, :exposure,
                    :creditLimit, :available, :decidedAt, :decidedBy)
            ON CONFLICT (order_no) DO UPDATE
                SET amount = EXCLUDED.amount, status = EXCLUDED.status, reasons = EXCLUDED.reasons,
                    figures_currency = EXCLUDED.figures_currency, open_receivables = EXCLUDED.open_receivables,
                    released_orders = EXCLUDED.released_orders, uncleared_cheques = EXCLUDED.uncleared_cheques,
                    unapplied_credit = EXCLUDED.unapplied_credit, exposure = EXCLUDED.exposure,
                    credit_limit = EXCLUDED.credit_limit, available = EXCLUDED.available,
                    decision_seq = nextval('credit_order_decision_seq'), decided_at = EXCLUDED.decided_at,
                    decided_by = EXCLUDED.decided_by, resolved_by = NULL, resolved_at = NULL, resolution_note = NULL
            RETURNING
            """ + COLUMN_LIST;
    // A new order's writes in one statement (V126): the sales order, the decision, the audit entry and the ERP
    // event of a blocked order. NULLs when the number is taken.
    private static final String PLACE = """
            SELECT order_id, decision_seq
            FROM credit_place_order(:orderNo, :customerId, :customerCode, :area, :orderDate, :amount, :currency,
                                    :productLine, :contractNo, :status, CAST(:reasons AS jsonb), :figuresCurrency,
                                    :open, :released, :cheques, :unapplied, :exposure, :creditLimit, :available,
                                    :decidedAt, :decidedBy, CAST(:auditAfter AS jsonb), :auditReason,
                                    CAST(:eventPayload AS jsonb))
            """;

    /** A new order as {@link #place} wrote it: the sales order's id and the decision as stored. */
    record Placement(long orderId, CreditOrder decision) {}

    private static final String RESOLVE = """
            UPDATE credit_order
            SET status = :status, resolved_by = :by, resolved_at = :at, resolution_note = :note
            WHERE order_no = :orderNo
            """;
    private static final String FOLLOW = "UPDATE credit_order SET status = :status WHERE order_no = :orderNo";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CreditOrderRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** What a decision stores. */
    record Decided(
            String orderNo,
            long customerId,
            String customerCode,
            String area,
            LocalDate orderDate,
            java.math.BigDecimal amount,
            String currency,
            @Nullable String contractNo,
            OrderStatus status,
            List<Reason> reasons,
            CheckResult figures,
            OffsetDateTime decidedAt,
            String decidedBy) {}

    /** Stores the decision and answers it as stored (RETURNING: no second read). */
    CreditOrder save(Decided d) {
        CheckResult f = d.figures();
        Exposure e = f.breakdown();
        return jdbc.sql(SAVE)
                .param("orderNo", d.orderNo())
                .param("customerId", d.customerId())
                .param("customerCode", d.customerCode())
                .param("area", d.area())
                .param("orderDate", d.orderDate())
                .param("amount", d.amount())
                .param("currency", d.currency())
                .param("contractNo", d.contractNo())
                .param("status", d.status().name())
                .param("reasons", json.writeValueAsString(d.reasons()))
                .param("figuresCurrency", f.currency())
                .param("open", e == null ? null : e.openReceivables().amount())
                .param("released", e == null ? null : e.releasedOrders().amount())
                .param("cheques", e == null ? null : e.unclearedCheques().amount())
                .param("unapplied", e == null ? null : e.unappliedCredit().amount())
                .param("exposure", f.exposure())
                .param("creditLimit", f.creditLimit())
                .param("available", f.available())
                .param("decidedAt", d.decidedAt())
                .param("decidedBy", d.decidedBy())
                .query(this::map)
                .single();
    }

    /**
     * Writes a new order with its decision in one statement ({@code credit_place_order}, V126) and answers the
     * sales order's id and the decision as stored, or empty when the order number was taken (then nothing was
     * written). The audit entry's {@code after} is the decision as stored, built here as {@link #save} reads it
     * back (amounts at the columns' two decimals, the time at the column's microseconds); the statement sets its
     * decision number.
     */
    Optional<Placement> place(
            Decided d, @Nullable String productLine, @Nullable String auditReason, @Nullable Object eventPayload) {
        CreditOrder stored = asStored(d, 0);
        List<long @Nullable []> ids = jdbc.sql(PLACE)
                .param("orderNo", d.orderNo())
                .param("customerId", d.customerId())
                .param("customerCode", d.customerCode())
                .param("area", d.area())
                .param("orderDate", d.orderDate())
                .param("amount", d.amount())
                .param("currency", d.currency())
                .param("productLine", productLine, Types.VARCHAR)
                .param("contractNo", d.contractNo(), Types.VARCHAR)
                .param("status", d.status().name())
                .param("reasons", json.writeValueAsString(d.reasons()))
                .param("figuresCurrency", stored.figuresCurrency())
                .param("open", stored.openReceivables(), Types.NUMERIC)
                .param("released", stored.releasedOrders(), Types.NUMERIC)
                .param("cheques", stored.unclearedCheques(), Types.NUMERIC)
                .param("unapplied", stored.unappliedCredit(), Types.NUMERIC)
                .param("exposure", stored.exposure(), Types.NUMERIC)
                .param("creditLimit", stored.creditLimit(), Types.NUMERIC)
                .param("available", stored.available(), Types.NUMERIC)
                .param("decidedAt", stored.decidedAt())
                .param("decidedBy", d.decidedBy())
                .param("auditAfter", json.writeValueAsString(stored))
                .param("auditReason", auditReason, Types.VARCHAR)
                .param(
                        "eventPayload",
                        eventPayload == null ? null : json.writeValueAsString(eventPayload),
                        Types.VARCHAR)
                .query((rs, n) -> rs.getObject("order_id") == null
                        ? null
                        : new long[] {rs.getLong("order_id"), rs.getLong("decision_seq")})
                .list();
        long[] placed = ids.getFirst();
        return placed == null ? Optional.empty() : Optional.of(new Placement(placed[0], asStored(d, placed[1])));
    }

    /** The decision as a new row of credit_order holds it, with this decision number. */
    private static CreditOrder asStored(Decided d, long decisionSeq) {
        CheckResult f = d.figures();
        Exposure e = f.breakdown();
        return new CreditOrder(
                d.orderNo(),
                d.customerCode(),
                d.area(),
                d.orderDate(),
                stored(d.amount()),
                d.currency(),
                d.contractNo(),
                d.status(),
                d.reasons(),
                f.currency(),
                stored(e == null ? null : e.openReceivables().amount()),
                stored(e == null ? null : e.releasedOrders().amount()),
                stored(e == null ? null : e.unclearedCheques().amount()),
                stored(e == null ? null : e.unappliedCredit().amount()),
                stored(f.exposure()),
                stored(f.creditLimit()),
                stored(f.available()),
                decisionSeq,
                d.decidedAt().truncatedTo(ChronoUnit.MICROS),
                d.decidedBy(),
                null,
                null,
                null);
    }

    /** An amount as a NUMERIC(19, 2) column stores it (PostgreSQL rounds half away from zero). */
    private static @Nullable BigDecimal stored(@Nullable BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    Optional<CreditOrder> find(String orderNo) {
        return jdbc.sql(BY_NO).param("orderNo", orderNo).query(this::map).optional();
    }

    List<CreditOrder> list(@Nullable OrderStatus status, String[] areas, @Nullable Long customerId, int limit) {
        return jdbc.sql(BY_STATUS)
                .param("status", status == null ? null : status.name())
                .param("areas", areas)
                .param("customerId", customerId)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    /** One page of the orders in a status (the queue), filtered by area and reason in SQL. */
    List<CreditOrder> queue(
            OrderStatus status,
            String[] areas,
            @Nullable String area,
            @Nullable ReasonCode reason,
            int offset,
            int limit) {
        return queueFilter(jdbc.sql(QUEUE_PAGE), status, areas, area, reason)
                .param("offset", offset)
                .param("limit", limit)
                .query(this::map)
                .list();
    }

    long queueCount(OrderStatus status, String[] areas, @Nullable String area, @Nullable ReasonCode reason) {
        return queueFilter(jdbc.sql(QUEUE_COUNT), status, areas, area, reason)
                .query(Long.class)
                .single();
    }

    private static JdbcClient.StatementSpec queueFilter(
            JdbcClient.StatementSpec statement,
            OrderStatus status,
            String[] areas,
            @Nullable String area,
            @Nullable ReasonCode reason) {
        return statement
                .param("status", status.name())
                .param("areas", areas)
                .param("area", area, java.sql.Types.VARCHAR)
                .param("reason", reason == null ? null : reason.name(), java.sql.Types.VARCHAR);
    }

    void resolve(String orderNo, OrderStatus status, String by, OffsetDateTime at, @Nullable String note) {
        jdbc.sql(RESOLVE)
                .param("orderNo", orderNo)
                .param("status", status.name())
                .param("by", by)
                .param("at", at)
                .param("note", note)
                .update();
    }

    /** Mirrors a status the ledger set (invoiced, cancelled) on an order we decided, if we did. */
    void followLedger(String orderNo, OrderStatus status) {
        jdbc.sql(FOLLOW)
                .param("orderNo", orderNo)
                .param("status", status.name())
                .update();
    }

    private CreditOrder map(ResultSet rs, int row) throws SQLException {
        return new CreditOrder(
                rs.getString("order_no"),
                rs.getString("customer_code"),
                rs.getString("area_code"),
                rs.getObject("order_date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                rs.getString("contract_no"),
                OrderStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("reasons"), new TypeReference<List<Reason>>() {}),
                rs.getString("figures_currency").trim(),
                rs.getBigDecimal("open_receivables"),
                rs.getBigDecimal("released_orders"),
                rs.getBigDecimal("uncleared_cheques"),
                rs.getBigDecimal("unapplied_credit"),
                rs.getBigDecimal("exposure"),
                rs.getBigDecimal("credit_limit"),
                rs.getBigDecimal("available"),
                rs.getLong("decision_seq"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getString("resolved_by"),
                rs.getObject("resolved_at", OffsetDateTime.class),
                rs.getString("resolution_note"));
    }
}

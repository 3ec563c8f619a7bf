package org.creditdesk.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrderRepository {

    /** An order with the keys the service needs besides what the API shows. */
    record StoredOrder(long id, long customerId, Order order) {}

    // The ledger's published insert (V126), also called by the credit module's credit_place_order.
    private static final String INSERT = """
            SELECT ledger_insert_order(:orderNo, :customerId, :orderDate, :amount, :currency, :productLine,
                                       :contractNo, :status)
            """;
    private static final String COLUMNS = """
            SELECT o.id, o.customer_id, c.code AS customer_code, o.order_no, o.order_date, o.amount, o.currency,
                   o.product_line, o.contract_no, o.status
            FROM sales_order o
            JOIN customer c ON c.id = o.customer_id
            """;
    private static final String BY_NO = COLUMNS + "WHERE o.order_no = :orderNo";
    private static final String BY_NO_FOR_UPDATE = BY_NO + " FOR UPDATE OF o";
    private static final String OF_CUSTOMER = COLUMNS + """
            WHERE o.customer_id = :customerId
            ORDER BY o.order_date DESC, o.id DESC
            LIMIT :limit OFFSET :offset
            """;
    private static final String COUNT_OF_CUSTOMER = "SELECT count(*) FROM sales_order WHERE customer_id = :customerId";
    private static final String SET_STATUS = "UPDATE sales_order SET status = :status WHERE id = :id";
    private static final String AMEND = "UPDATE sales_order SET amount = :amount, status = :status WHERE id = :id";

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new order's id, or empty when an order with this number exists already. */
    Optional<Long> insert(long customerId, Order order) {
        List<@Nullable Long> id = jdbc.sql(INSERT)
                .param("orderNo", order.orderNo())
                .param("customerId", customerId)
                .param("orderDate", order.orderDate())
                .param("amount", order.amount())
                .param("currency", order.currency())
                .param("productLine", order.productLine(), Types.VARCHAR)
                .param("contractNo", order.contractNo(), Types.VARCHAR)
                .param("status", order.status().name())
                .query((rs, n) -> rs.getObject(1, Long.class))
                .list();
        return Optional.ofNullable(id.getFirst());
    }

    Optional<StoredOrder> findByNo(String orderNo) {
        return jdbc.sql(BY_NO)
                .param("orderNo", orderNo)
                .query(OrderRepository::map)
                .optional();
    }

    Optional<StoredOrder> lockByNo(String orderNo) {
        return jdbc.sql(BY_NO_FOR_UPDATE)
                .param("orderNo", orderNo)
                .query(OrderRepository::map)
                .optional();
    }

    List<Order> ofCustomer(long customerId, int limit, long offset) {
        return jdbc
                .sql(OF_CUSTOMER)
                .param("customerId", customerId)
                .param("limit", limit)
                .param("offset", offset)
                .query(OrderRepository::map)
                .list()
                .stream()
                .map(StoredOrder::order)
                .toList();
    }

    long countOfCustomer(long customerId) {
        return jdbc.sql(COUNT_OF_CUSTOMER)
                .param("customerId", customerId)
                .query(Long.class)
                .single();
    }

    void setStatus(long id, OrderStatus status) {
        jdbc.sql(SET_STATUS).param("id", id).param("status", status.name()).update();
    }

    void amend(long id, java.math.BigDecimal amount, OrderStatus status) {
        jdbc.sql(AMEND)
                .param("id", id)
                .param("amount", amount)
                .param("status", status.name())
                .update();
    }

    private static StoredOrder map(ResultSet rs, int row) throws SQLException {
        return new StoredOrder(
                rs.getLong("id"),
                rs.getLong("customer_id"),
                new Order(
                        rs.getString("order_no"),
                        rs.getString("customer_code"),
                        rs.getObject("order_date", java.time.LocalDate.class),
                        rs.getBigDecimal("amount"),
                        rs.getString("currency").trim(),
                        rs.getString("product_line"),
                        rs.getString("contract_no"),
                        OrderStatus.valueOf(rs.getString("status"))));
    }
}

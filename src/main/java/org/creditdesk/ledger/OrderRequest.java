package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import org.jspecify.annotations.Nullable;

/**
 * A new order's fields as validated before its customer is known ({@link Ledger#validateOrder}): the currency is
 * null when the order leaves it to the customer's, and the amount's decimals are checked against it once the
 * customer is known ({@link Ledger#prepareOrder(OrderRequest, org.creditdesk.customers.CustomerRef)}).
 */
public record OrderRequest(
        String orderNo,
        String customerCode,
        LocalDate orderDate,
        @Nullable Currency currency,
        BigDecimal amount,
        @Nullable String productLine,
        @Nullable String contractNo) {}

package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** {@code POST /orders}: fields as the API names them; the ledger validates and names what is wrong. */
public record RecordOrder(
        @Nullable String orderNo,
        @Nullable String customerCode,
        @Nullable LocalDate orderDate,
        @Nullable BigDecimal amount,
        @Nullable String currency,
        @Nullable String productLine,
        @Nullable String contractNo) {}

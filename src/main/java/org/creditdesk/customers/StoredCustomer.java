package org.creditdesk.customers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A customer as the repository holds it: identity, master data and bookkeeping columns. */
record StoredCustomer(
        long id, String code, CustomerData data, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    CustomerRef ref() {
        return new CustomerRef(
                id, code, data.name(), data.area(), data.currency().getCurrencyCode(), data.paymentTermDays());
    }

    /** The customer with its receivables summary and its current score (null if never scored) as of a date. */
    record WithFigures(
            StoredCustomer customer,
            ReceivablesSummary receivables,
            @Nullable BigDecimal score) {}
}

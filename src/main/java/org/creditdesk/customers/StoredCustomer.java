package org.creditdesk.customers;

import java.time.OffsetDateTime;

/** A customer as the repository holds it: identity, master data and bookkeeping columns. */
record StoredCustomer(
        long id, String code, CustomerData data, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    CustomerRef ref() {
        return new CustomerRef(
                id, code, data.name(), data.area(), data.currency().getCurrencyCode(), data.paymentTermDays());
    }
}

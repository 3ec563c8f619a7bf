package org.creditdesk.customers;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A customer's master data with its status on {@code asOf} (API.md {@code GET /customers/{code}}). */
public record CustomerDetails(
        String code,
        String name,
        @Nullable String registrationNo,
        @Nullable LocalDate establishedOn,
        String area,
        BusinessGroup businessGroup,
        @Nullable String salesRep,
        int paymentTermDays,
        String currency,
        @Nullable String address,
        List<String> phones,
        @Nullable String email,
        List<String> bankAccounts,
        List<CustomerPerson> people,
        @Nullable String language,
        int version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        LocalDate asOf,
        CustomerStatus status) {

    static CustomerDetails of(StoredCustomer stored, LocalDate asOf, CustomerStatus status) {
        CustomerData data = stored.data();
        return new CustomerDetails(
                stored.code(),
                data.name(),
                data.registrationNo(),
                data.establishedOn(),
                data.area(),
                data.businessGroup(),
                data.salesRep(),
                data.paymentTermDays(),
                data.currency().getCurrencyCode(),
                data.address(),
                data.phones(),
                data.email(),
                data.bankAccounts(),
                data.people(),
                data.language(),
                stored.version(),
                stored.createdAt(),
                stored.updatedAt(),
                asOf,
                status);
    }
}

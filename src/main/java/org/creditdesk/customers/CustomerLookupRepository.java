package org.creditdesk.customers;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CustomerLookupRepository {

    private static final String BY_CODE = """
            SELECT id, code, name, area_code, currency, payment_term_days
            FROM customer
            WHERE code = :code
            """;

    private final JdbcClient jdbc;

    CustomerLookupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CustomerRef> findByCode(String code) {
        return jdbc.sql(BY_CODE)
                .param("code", code)
                .query((rs, n) -> new CustomerRef(
                        rs.getLong("id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("area_code"),
                        rs.getString("currency").trim(),
                        rs.getInt("payment_term_days")))
                .optional();
    }
}

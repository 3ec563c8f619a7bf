package org.creditdesk.demo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Whether the database already holds customers, in which case the demo loads nothing. */
@Repository
class DemoPortfolioRepository {

    private static final String ANY_CUSTOMER = "SELECT EXISTS (SELECT 1 FROM customer)";

    private final JdbcClient jdbc;

    DemoPortfolioRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasCustomers() {
        return jdbc.sql(ANY_CUSTOMER).query(Boolean.class).single();
    }
}

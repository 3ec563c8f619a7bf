package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loading needs {@code Imports.importCsv}, which the imports module implements; until that is
 * merged this test fails with its UnsupportedOperationException.
 */
@SpringBootTest
class PortfolioLoadingIntegrationTests {

    @Autowired
    PortfolioLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_generated_portfolio_loads_through_the_imports_with_every_row__needs_the_imports_module() {
        GeneratedPortfolio files = loader.load(new PortfolioSpec(8, 2, 8_002, LocalDate.of(2025, 6, 30)));

        String[] codes = IntStream.range(0, 8).mapToObj(CustomerFactory::code).toArray(String[]::new);
        assertThat(count("SELECT count(*) FROM customer WHERE code = ANY(CAST(:codes AS text[]))", codes))
                .isEqualTo(8);
        assertThat(count("""
                        SELECT count(*) FROM invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[]))""", codes)).isEqualTo(files.invoices());
        assertThat(count("""
                        SELECT count(*) FROM payment p JOIN customer c ON c.id = p.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[]))""", codes)).isEqualTo(files.payments());
        assertThat(count("SELECT count(*) FROM area WHERE code = 'EAST' AND name <> code", codes))
                .isEqualTo(1);
    }

    private long count(String sql, String[] codes) {
        return jdbc.sql(sql).param("codes", codes).query(Long.class).single();
    }
}

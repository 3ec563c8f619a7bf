package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class PortfolioLoadingIntegrationTests {

    @Autowired
    PortfolioLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_generated_portfolio_loads_every_row_through_the_imports_and_the_ledger() {
        GeneratedPortfolio files = loader.load(new PortfolioSpec(40, 6, 8_002, LocalDate.of(2025, 6, 30)));

        String[] codes = IntStream.range(0, 40).mapToObj(CustomerFactory::code).toArray(String[]::new);
        assertThat(count("SELECT count(*) FROM customer WHERE code = ANY(CAST(:codes AS text[]))", codes))
                .isEqualTo(40);
        assertThat(count("""
                        SELECT count(*) FROM invoice i JOIN customer c ON c.id = i.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[]))""", codes)).isEqualTo(files.invoices());
        assertThat(count("""
                        SELECT count(*) FROM payment p JOIN customer c ON c.id = p.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[]))""", codes))
                .as("the payments and the transfers replacing bounced cheques")
                .isEqualTo(files.payments() + files.replacementPayments());
        assertThat(count("""
                        SELECT count(*) FROM payment p JOIN customer c ON c.id = p.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[])) AND p.status = 'BOUNCED'""", codes)).isEqualTo(files.bouncedCheques());
        assertThat(count("""
                        SELECT count(*) FROM credit_note n JOIN customer c ON c.id = n.customer_id
                        WHERE c.code = ANY(CAST(:codes AS text[]))""", codes)).isEqualTo(files.creditNotes());
        assertThat(count("SELECT count(*) FROM area WHERE code = 'EAST' AND name <> code", codes))
                .isEqualTo(1);
    }

    private long count(String sql, String[] codes) {
        return jdbc.sql(sql).param("codes", codes).query(Long.class).single();
    }
}

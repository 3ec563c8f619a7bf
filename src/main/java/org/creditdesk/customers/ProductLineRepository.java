package org.creditdesk.customers;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductLineRepository {

    private static final String ALL = "SELECT code, name FROM product_line ORDER BY code";
    private static final String INSERT_MISSING = """
            INSERT INTO product_line (code, name)
            SELECT code, code FROM unnest(CAST(:codes AS text[])) AS code
            ON CONFLICT (code) DO NOTHING
            """;
    private static final String UPSERT = """
            INSERT INTO product_line (code, name) VALUES (:code, :name)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
            """;

    private final JdbcClient jdbc;

    ProductLineRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ProductLine> findAll() {
        return jdbc.sql(ALL).query(ProductLine.class).list();
    }

    void insertMissing(Collection<String> codes) {
        if (codes.isEmpty()) return;
        jdbc.sql(INSERT_MISSING).param("codes", codes.toArray(String[]::new)).update();
    }

    void upsert(ProductLine line) {
        jdbc.sql(UPSERT).param("code", line.code()).param("name", line.name()).update();
    }
}

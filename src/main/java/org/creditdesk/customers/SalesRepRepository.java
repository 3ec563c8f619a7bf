package org.creditdesk.customers;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class SalesRepRepository {

    // Reps without an area are everyone's; area-scoped callers see only their areas' reps.
    private static final String VISIBLE = """
            SELECT code, name, area_code AS area
            FROM sales_rep
            WHERE coalesce(cardinality(CAST(:areas AS text[])), 0) = 0 OR area_code = ANY(CAST(:areas AS text[]))
            ORDER BY code
            """;
    private static final String BY_CODE = """
            SELECT code, name, area_code AS area FROM sales_rep WHERE code = :code
            """;
    private static final String UPSERT = """
            INSERT INTO sales_rep (code, name, area_code) VALUES (:code, :name, :area)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, area_code = EXCLUDED.area_code
            """;

    private final JdbcClient jdbc;

    SalesRepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<SalesRep> findVisible(String[] areas) {
        return jdbc.sql(VISIBLE).param("areas", areas).query(SalesRep.class).list();
    }

    Optional<SalesRep> findByCode(String code) {
        return jdbc.sql(BY_CODE).param("code", code).query(SalesRep.class).optional();
    }

    void upsert(SalesRep rep) {
        jdbc.sql(UPSERT)
                .param("code", rep.code())
                .param("name", rep.name())
                .param("area", rep.area())
                .update();
    }
}

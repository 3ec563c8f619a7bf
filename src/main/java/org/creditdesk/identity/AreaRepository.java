package org.creditdesk.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AreaRepository {

    private static final String ALL = "SELECT code, name FROM area ORDER BY code";
    private static final String INSERT_MISSING = """
            INSERT INTO area (code, name)
            SELECT code, code FROM unnest(CAST(:codes AS text[])) AS code
            ON CONFLICT (code) DO NOTHING
            """;
    private static final String UPSERT = """
            INSERT INTO area (code, name) VALUES (:code, :name)
            ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name
            """;

    private final JdbcClient jdbc;

    AreaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Area> findAll() {
        return jdbc.sql(ALL).query(Area.class).list();
    }

    void insertMissing(Collection<String> codes) {
        if (codes.isEmpty()) return;
        jdbc.sql(INSERT_MISSING).param("codes", codes.toArray(String[]::new)).update();
    }

    void upsert(Area area) {
        jdbc.sql(UPSERT).param("code", area.code()).param("name", area.name()).update();
    }
}

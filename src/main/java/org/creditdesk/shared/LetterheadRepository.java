package org.creditdesk.shared;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LetterheadRepository {

    private static final String LOAD = """
            SELECT name, address, phone, email, logo FROM company_settings WHERE id = 1
            """;
    private static final String SAVE = """
            UPDATE company_settings SET address = :address, phone = :phone, email = :email, logo = :logo WHERE id = 1
            """;

    private final JdbcClient jdbc;

    LetterheadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Letterhead load() {
        return jdbc.sql(LOAD)
                .query((rs, n) -> new Letterhead(
                        rs.getString("name"),
                        rs.getString("address"),
                        rs.getString("phone"),
                        rs.getString("email"),
                        rs.getString("logo")))
                .single();
    }

    void save(@Nullable String address, @Nullable String phone, @Nullable String email, @Nullable String logo) {
        jdbc.sql(SAVE)
                .param("address", address)
                .param("phone", phone)
                .param("email", email)
                .param("logo", logo)
                .update();
    }
}

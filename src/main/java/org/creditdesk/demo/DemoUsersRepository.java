package org.creditdesk.demo;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo logins directly in the identity tables. Users that already exist are left
 * exactly as they are: neither their password nor their roles change.
 */
@Repository
class DemoUsersRepository {

    record DemoUser(
            String username,
            String displayName,
            String role,
            @Nullable String area,
            String passwordHash) {}

    private static final String CREATE_MISSING = """
            WITH demo AS (
                SELECT d.username, d.display_name, d.role, d.area_code, d.password_hash
                FROM unnest(CAST(:usernames AS text[]), CAST(:displayNames AS text[]), CAST(:roles AS text[]),
                            CAST(:areas AS text[]), CAST(:hashes AS text[]))
                     AS d(username, display_name, role, area_code, password_hash)
            ),
            created AS (
                INSERT INTO app_user (username, password_hash, display_name, email)
                SELECT username, password_hash, display_name, username || '@demo.creditdesk.example'
                FROM demo
                ON CONFLICT (username) DO NOTHING
                RETURNING id, username
            ),
            granted AS (
                INSERT INTO user_role (user_id, role)
                SELECT created.id, demo.role FROM created JOIN demo USING (username)
                RETURNING user_id
            ),
            scoped AS (
                INSERT INTO user_area (user_id, area_code)
                SELECT created.id, demo.area_code FROM created JOIN demo USING (username)
                WHERE demo.area_code IS NOT NULL
                RETURNING user_id
            )
            SELECT username FROM created ORDER BY username
            """;

    private final JdbcClient jdbc;

    DemoUsersRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String ASSIGN_AREAS = """
            INSERT INTO user_area (user_id, area_code)
            SELECT u.id, a.code FROM app_user u CROSS JOIN unnest(CAST(:areas AS text[])) AS a(code)
            WHERE u.username = :username
            ON CONFLICT DO NOTHING
            """;

    @Transactional
    void assignAreas(String username, List<String> areas) {
        jdbc.sql(ASSIGN_AREAS)
                .param("username", username)
                .param("areas", areas.toArray(String[]::new))
                .update();
    }

    /** Returns the usernames that were created now. Areas must exist already. */
    @Transactional
    List<String> createMissing(List<DemoUser> users) {
        return jdbc.sql(CREATE_MISSING)
                .param("usernames", users.stream().map(DemoUser::username).toArray(String[]::new))
                .param("displayNames", users.stream().map(DemoUser::displayName).toArray(String[]::new))
                .param("roles", users.stream().map(DemoUser::role).toArray(String[]::new))
                .param("areas", users.stream().map(DemoUser::area).toArray(String[]::new))
                .param("hashes", users.stream().map(DemoUser::passwordHash).toArray(String[]::new))
                .query(String.class)
                .list();
    }
}

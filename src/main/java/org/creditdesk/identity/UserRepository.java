package org.creditdesk.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    /** A user with the hash of the password, which only sign-in and idempotency checks read. */
    record StoredUser(
            User user, String passwordHash, @Nullable String locale) {}

    private static final String USER_COLUMNS = """
            SELECT u.username, u.password_hash, u.display_name, u.email, u.enabled, u.locale,
                   ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
                   ARRAY(SELECT a.area_code FROM user_area a WHERE a.user_id = u.id ORDER BY a.area_code) AS areas
            FROM app_user u
            """;
    private static final String FIND_BY_USERNAME = USER_COLUMNS + "WHERE u.username = :username";
    private static final String FIND_ALL = USER_COLUMNS + "ORDER BY u.username";
    private static final String SET_LOCALE = "UPDATE app_user SET locale = :locale WHERE username = :username";
    private static final String ANY_USER = "SELECT EXISTS (SELECT 1 FROM app_user)";
    private static final String INSERT_IF_ABSENT = """
            INSERT INTO app_user (username, password_hash, display_name, email)
            VALUES (:username, :passwordHash, :displayName, :email)
            ON CONFLICT (username) DO NOTHING
            RETURNING id
            """;
    // The first user only: a second process starting on the same database must not add another.
    private static final String INSERT_IF_NO_USERS = """
            INSERT INTO app_user (username, password_hash, display_name, email)
            SELECT :username, :passwordHash, :displayName, :email
            WHERE NOT EXISTS (SELECT 1 FROM app_user)
            ON CONFLICT (username) DO NOTHING
            RETURNING id
            """;
    private static final String INSERT_ROLES = """
            INSERT INTO user_role (user_id, role)
            SELECT :userId, role FROM unnest(CAST(:roles AS text[])) AS role
            """;
    private static final String INSERT_AREAS = """
            INSERT INTO user_area (user_id, area_code)
            SELECT :userId, area_code FROM unnest(CAST(:areas AS text[])) AS area_code
            """;

    private final JdbcClient jdbc;
    private final RememberedUsers remembered;

    UserRepository(JdbcClient jdbc, RememberedUsers remembered) {
        this.jdbc = jdbc;
        this.remembered = remembered;
    }

    Optional<StoredUser> find(String username) {
        return jdbc.sql(FIND_BY_USERNAME)
                .param("username", username)
                .query(UserRepository::storedUser)
                .optional();
    }

    List<User> findAll() {
        return jdbc.sql(FIND_ALL).query((rs, n) -> storedUser(rs, n).user()).list();
    }

    /** The user's interface language ({@code en}, {@code zh-CN}), or null to follow the browser. */
    void setLocale(String username, @Nullable String languageTag) {
        jdbc.sql(SET_LOCALE)
                .param("username", username)
                .param("locale", languageTag)
                .update();
        remembered.forgetChanged(username);
    }

    boolean anyUser() {
        return jdbc.sql(ANY_USER).query(Boolean.class).single();
    }

    /** Inserts the user with roles and areas unless the username is taken; true when inserted. */
    boolean insertIfAbsent(NewUser user, String passwordHash) {
        return insert(INSERT_IF_ABSENT, user, passwordHash);
    }

    /** Inserts the user only into an empty user table; true when inserted. */
    boolean insertIfNoUsers(NewUser user, String passwordHash) {
        return insert(INSERT_IF_NO_USERS, user, passwordHash);
    }

    private boolean insert(String sql, NewUser user, String passwordHash) {
        Optional<Long> id = jdbc.sql(sql)
                .param("username", user.username())
                .param("passwordHash", passwordHash)
                .param("displayName", user.displayName())
                .param("email", user.email())
                .query(Long.class)
                .optional();
        id.ifPresent(userId -> {
            jdbc.sql(INSERT_ROLES)
                    .param("userId", userId)
                    .param("roles", names(user.roles().stream().map(Role::name).toList()))
                    .update();
            jdbc.sql(INSERT_AREAS)
                    .param("userId", userId)
                    .param("areas", names(user.areas()))
                    .update();
        });
        return id.isPresent();
    }

    private static String[] names(Collection<String> names) {
        return names.toArray(String[]::new);
    }

    private static StoredUser storedUser(ResultSet rs, int rowNum) throws SQLException {
        User user = new User(
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getBoolean("enabled"),
                Arrays.stream(strings(rs.getArray("roles"))).map(Role::valueOf).toList(),
                List.of(strings(rs.getArray("areas"))));
        return new StoredUser(user, rs.getString("password_hash"), rs.getString("locale"));
    }

    private static String[] strings(@Nullable Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}

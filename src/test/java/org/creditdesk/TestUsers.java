package org.creditdesk;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Users for web tests: stored in app_user / user_role / user_area like real ones (with a BCrypt
 * hash, so HTTP Basic works once the security configuration authenticates against the database),
 * and signed in for MockMvc with a principal that carries the same roles and areas. The latter keeps
 * the tests independent of how the security configuration loads users.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-password-123";
    private static final BCryptPasswordEncoder BCRYPT = new BCryptPasswordEncoder(4);

    private TestUsers() {}

    public record TestPrincipal(Caller caller) implements Callers.CallerPrincipal {
        @Override
        public String toString() {
            return caller.username();
        }
    }

    /** A signed-in user with these roles and areas (no areas = every area), stored in the database. */
    public static RequestPostProcessor user(JdbcClient jdbc, Role role, String... areas) {
        String username =
                role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        store(jdbc, username, role, List.of(areas));
        return signedIn(new Caller(username, Set.of(role), Set.copyOf(Arrays.asList(areas))));
    }

    public static RequestPostProcessor admin() {
        return signedIn(new Caller("admin", Set.of(Role.ADMIN), Set.of()));
    }

    public static RequestPostProcessor signedIn(Caller caller) {
        List<SimpleGrantedAuthority> authorities = caller.roles().stream()
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r.name()))
                .toList();
        var authentication =
                UsernamePasswordAuthenticationToken.authenticated(new TestPrincipal(caller), null, authorities);
        return SecurityMockMvcRequestPostProcessors.authentication(authentication);
    }

    private static void store(JdbcClient jdbc, String username, Role role, List<String> areas) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name) VALUES (:username, :hash, :username)
                        RETURNING id
                        """)
                .param("username", username)
                .param("hash", BCRYPT.encode(PASSWORD))
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                .param("id", id)
                .param("role", role.name())
                .update();
        for (String area : areas) {
            jdbc.sql("INSERT INTO area (code, name) VALUES (:area, :area) ON CONFLICT (code) DO NOTHING")
                    .param("area", area)
                    .update();
            jdbc.sql("INSERT INTO user_area (user_id, area_code) VALUES (:id, :area)")
                    .param("id", id)
                    .param("area", area)
                    .update();
        }
    }
}

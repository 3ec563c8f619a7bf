package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.creditdesk.demo.DemoUsersRepository.DemoUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

@SpringBootTest
class DemoLoginsIntegrationTests {

    @Autowired
    DemoLogins logins;

    @Autowired
    DemoUsersRepository users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_demo_creates_one_login_per_role_with_the_demo_password_and_east_for_the_area_scoped_roles() {
        logins.createMissing();

        for (DemoLogins.Login login : DemoLogins.LOGINS) {
            String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
                    .param("u", login.username())
                    .query(String.class)
                    .single();
            assertThat(new BCryptPasswordEncoder().matches(DemoLogins.PASSWORD, hash))
                    .as(login.username())
                    .isTrue();
            assertThat(rolesOf(login.username())).as(login.username()).containsExactly(login.role());
            // The supervisor is responsible in every area (the ladder's area-scoped tasks reach him there).
            List<String> areas = login.username().equals(DemoLogins.SUPERVISOR)
                    ? Geography.AREAS.stream().map(Geography.Area::code).toList()
                    : login.area() == null ? List.of() : List.of("EAST");
            assertThat(areasOf(login.username())).as(login.username()).containsExactlyInAnyOrderElementsOf(areas);
        }
        assertThat(DemoLogins.LOGINS)
                .extracting(DemoLogins.Login::username)
                .containsExactly(
                        "gm",
                        "creditmanager",
                        "supervisor",
                        "finance",
                        "collector",
                        "salesmanager",
                        "salesrep",
                        "lawyer",
                        "lawyer2",
                        "service",
                        "auditor");
    }

    @Test
    void creating_the_demo_logins_again_changes_nothing() {
        logins.createMissing();

        assertThat(logins.createMissing()).isEmpty();
        assertThat(rolesOf("collector")).containsExactly("COLLECTOR");
    }

    @Test
    void an_existing_user_keeps_its_password_and_roles() {
        String username = "demo-" + UUID.randomUUID();
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        assertThat(users.createMissing(
                        List.of(new DemoUser(username, "First", "AUDITOR", null, encoder.encode("first-pass")))))
                .containsExactly(username);

        assertThat(users.createMissing(
                        List.of(new DemoUser(username, "Second", "FINANCE", "EAST", encoder.encode("second-pass")))))
                .isEmpty();

        assertThat(rolesOf(username)).containsExactly("AUDITOR");
        assertThat(areasOf(username)).isEmpty();
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u")
                .param("u", username)
                .query(String.class)
                .single();
        assertThat(encoder.matches("first-pass", hash)).isTrue();
    }

    private List<String> rolesOf(String username) {
        return jdbc.sql("SELECT r.role FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = :u")
                .param("u", username)
                .query(String.class)
                .list();
    }

    private List<String> areasOf(String username) {
        return jdbc.sql("SELECT a.area_code FROM user_area a JOIN app_user u ON u.id = a.user_id WHERE u.username = :u")
                .param("u", username)
                .query(String.class)
                .list();
    }
}

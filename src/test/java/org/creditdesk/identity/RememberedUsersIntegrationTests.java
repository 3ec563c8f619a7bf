package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 14: HTTP Basic remembers the users signing in for a short while, and forgets them as soon as a user,
 * its roles or areas change (PostgreSQL notifies at commit, V143), whoever changed them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RememberedUsersIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RememberedUsers remembered;

    @Autowired
    UserRepository repository;

    @Test
    void a_user_signing_in_again_is_not_read_again_until_a_change() {
        String user = signedInUser(Role.FINANCE);
        AtomicInteger reads = new AtomicInteger();

        for (int i = 0; i < 3; i++) {
            assertThat(remembered.find(user, () -> {
                        reads.incrementAndGet();
                        return repository.find(user);
                    }))
                    .isPresent();
        }
        assertThat(reads).as("read once, then remembered").hasValue(0);

        changeAndWait(() -> jdbc.sql("UPDATE app_user SET display_name = 'Renamed' WHERE username = :u")
                .param("u", user)
                .update());
        Optional<UserRepository.StoredUser> after = remembered.find(user, () -> {
            reads.incrementAndGet();
            return repository.find(user);
        });
        assertThat(reads).hasValue(1);
        assertThat(after).get().extracting(u -> u.user().displayName()).isEqualTo("Renamed");
    }

    @Test
    void a_changed_password_is_refused_once_the_change_commits() {
        String user = signedInUser(Role.FINANCE);

        changeAndWait(() -> jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :u")
                .param("hash", new BCryptPasswordEncoder(4).encode("another-password-456"))
                .param("u", user)
                .update());

        assertThat(me(user, TestUsers.PASSWORD)).hasStatus(401);
        assertThat(me(user, "another-password-456")).hasStatusOk();
    }

    @Test
    void a_disabled_user_is_refused_once_the_change_commits() {
        String user = signedInUser(Role.FINANCE);

        changeAndWait(() -> jdbc.sql("UPDATE app_user SET enabled = false WHERE username = :u")
                .param("u", user)
                .update());

        assertThat(me(user, TestUsers.PASSWORD)).hasStatus(401);
    }

    @Test
    void a_role_or_area_change_applies_to_the_next_request() {
        String user = signedInUser(Role.SALES_REP);
        assertThat(me(user, TestUsers.PASSWORD))
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .containsExactly("SALES_REP");

        jdbc.sql("INSERT INTO area (code, name) VALUES ('RU-NORTH', 'North') ON CONFLICT (code) DO NOTHING")
                .update();
        changeAndWait(() -> jdbc.sql("""
                        INSERT INTO user_area (user_id, area_code)
                        SELECT id, 'RU-NORTH' FROM app_user WHERE username = :u""").param("u", user).update());
        assertThat(me(user, TestUsers.PASSWORD))
                .bodyJson()
                .extractingPath("$.areas")
                .asArray()
                .containsExactly("RU-NORTH");
        changeAndWait(() -> jdbc.sql("""
                        UPDATE user_role SET role = 'CREDIT_MANAGER'
                        WHERE user_id = (SELECT id FROM app_user WHERE username = :u)""").param("u", user).update());
        assertThat(me(user, TestUsers.PASSWORD))
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .containsExactly("CREDIT_MANAGER");
        assertThat(me(user, TestUsers.PASSWORD))
                .bodyJson()
                .extractingPath("$.seesAllAreas")
                .isEqualTo(true);
    }

    @Test
    void a_wrong_password_is_never_remembered_as_good() {
        String user = signedInUser(Role.FINANCE);

        assertThat(me(user, "wrong-password-1")).hasStatus(401);
        assertThat(me(user, "wrong-password-1")).hasStatus(401);
        assertThat(me(user, TestUsers.PASSWORD)).hasStatusOk();
        assertThat(me(user, "wrong-password-1")).hasStatus(401);
    }

    /** A new user that has signed in once, so it is remembered. */
    private String signedInUser(Role role) {
        TestUsers.user(jdbc, role);
        String user = jdbc.sql("SELECT username FROM app_user ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single();
        awaitListening(user);
        assertThat(me(user, TestUsers.PASSWORD)).hasStatusOk();
        return user;
    }

    /**
     * Remembering starts once the listener listens, and the notifications of the user's own creation may still
     * be on their way: read until a second read in a row is answered from memory.
     */
    private void awaitListening(String user) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        AtomicInteger reads = new AtomicInteger();
        while (System.nanoTime() < deadline) {
            remembered.find(user, () -> repository.find(user));
            reads.set(0);
            remembered.find(user, () -> {
                reads.incrementAndGet();
                return repository.find(user);
            });
            if (reads.get() == 0) return;
            sleep(50);
        }
        throw new AssertionError("the user-change listener did not start");
    }

    /** Makes a change (committed at once) and waits until the notification of it has been seen. */
    private void changeAndWait(Runnable change) {
        long before = remembered.generation();
        change.run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (remembered.generation() == before) {
            assertThat(System.nanoTime()).as("notified within 10 s").isLessThan(deadline);
            sleep(5);
        }
    }

    private MvcTestResult me(String username, String password) {
        return mvc.get()
                .uri("/api/v1/users/me")
                .with(httpBasic(username, password))
                .exchange();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

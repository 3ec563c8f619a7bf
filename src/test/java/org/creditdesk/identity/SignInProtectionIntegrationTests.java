package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 15 finding 4 through the real filter chains: HTTP Basic and the login form are throttled. */
@SpringBootTest
@AutoConfigureMockMvc
class SignInProtectionIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private String storedUser() {
        TestUsers.user(jdbc, Role.FINANCE);
        return jdbc.sql("SELECT username FROM app_user ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single();
    }

    private MvcTestResult basic(String username, String password) {
        return mvc.get()
                .uri("/api/v1/users/me")
                .with(httpBasic(username, password))
                .exchange();
    }

    @Test
    void five_wrong_passwords_on_http_basic_lock_the_user_out_with_429_and_retry_after_even_for_the_right_one() {
        String user = storedUser();
        assertThat(basic(user, TestUsers.PASSWORD)).hasStatusOk();
        for (int i = 0; i < 5; i++) {
            assertThat(basic(user, "wrong-password-" + i)).hasStatus(401);
        }

        MvcTestResult locked = basic(user, TestUsers.PASSWORD);
        assertThat(locked).hasStatus(429).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(locked).headers().containsHeader("Retry-After");
        assertThat(Long.parseLong(locked.getResponse().getHeader("Retry-After")))
                .isBetween(1L, 900L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SIGN_IN_FAILED' AND subject_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void the_login_form_is_throttled_the_same_way() {
        String user = storedUser();
        for (int i = 0; i < 5; i++) {
            assertThat(mvc.post()
                            .uri("/login")
                            .with(csrf())
                            .param("username", user)
                            .param("password", "wrong-password-" + i))
                    .hasStatus3xxRedirection();
        }
        assertThat(mvc.post().uri("/login").with(csrf()).param("username", user).param("password", TestUsers.PASSWORD))
                .hasStatus(429)
                .headers()
                .containsHeader("Retry-After");
    }

    @Test
    void a_success_before_the_fifth_failure_starts_the_count_again() {
        String user = storedUser();
        for (int i = 0; i < 4; i++) basic(user, "wrong-password-" + i);
        assertThat(basic(user, TestUsers.PASSWORD)).hasStatusOk();
        for (int i = 0; i < 4; i++) basic(user, "wrong-password-" + i);
        assertThat(basic(user, TestUsers.PASSWORD)).hasStatusOk();
    }
}

package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The interface language: the user's choice (kept in the database), else the browser's, else English. */
@SpringBootTest
@AutoConfigureMockMvc
class InterfaceLanguageIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInService signIn;

    private UserDetails storedUser(Role role) {
        String username = "lang-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name) VALUES (:u, 'x', :u) RETURNING id""").param("u", username).query(Long.class).single();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
                .param("id", id)
                .param("role", role.name())
                .update();
        return signIn.loadUserByUsername(username);
    }

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void without_a_choice_the_page_follows_the_browsers_accept_language_else_english() throws Exception {
        assertThat(body(mvc.get()
                        .uri("/login")
                        .header("Accept-Language", "zh-CN,zh;q=0.9")
                        .exchange()))
                .contains("登录 CreditDesk", "lang=\"zh\"");
        assertThat(body(mvc.get()
                        .uri("/login")
                        .header("Accept-Language", "en-GB")
                        .exchange()))
                .contains("Sign in to CreditDesk");
        assertThat(body(mvc.get()
                        .uri("/login")
                        .header("Accept-Language", "fr-FR")
                        .exchange()))
                .contains("Sign in to CreditDesk");
    }

    @Test
    void switching_before_sign_in_changes_the_language_for_the_session() throws Exception {
        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/profile/language")
                        .session(session)
                        .param("language", "zh-CN")
                        .header("Referer", "http://localhost/login")
                        .with(csrf())
                        .exchange())
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/login");

        assertThat(body(mvc.get()
                        .uri("/login")
                        .session(session)
                        .header("Accept-Language", "en")
                        .exchange()))
                .contains("登录 CreditDesk");
    }

    @Test
    void a_signed_in_users_choice_is_stored_and_wins_over_the_browser_in_the_next_session() throws Exception {
        UserDetails manager = storedUser(Role.CREDIT_MANAGER);

        assertThat(mvc.post()
                        .uri("/profile/language")
                        .with(user(manager))
                        .with(csrf())
                        .param("language", "zh-CN")
                        .param("back", "/customers")
                        .exchange())
                .hasRedirectedUrl("/customers");

        assertThat(jdbc.sql("SELECT locale FROM app_user WHERE username = :u")
                        .param("u", manager.getUsername())
                        .query(String.class)
                        .single())
                .isEqualTo("zh-CN");
        UserDetails nextSignIn = signIn.loadUserByUsername(manager.getUsername());
        assertThat(body(mvc.get()
                        .uri("/customers")
                        .with(user(nextSignIn))
                        .header("Accept-Language", "en-US")
                        .exchange()))
                .contains(">客户<", "退出登录")
                .doesNotContain("Log out");
    }

    @Test
    void an_auditor_who_may_change_nothing_may_still_choose_a_language() throws Exception {
        assertThat(mvc.post()
                        .uri("/profile/language")
                        .with(user(storedUser(Role.AUDITOR)))
                        .with(csrf())
                        .param("language", "zh-CN")
                        .exchange())
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/");
    }

    @Test
    void api_problem_titles_follow_the_request_language_and_keep_their_type() throws Exception {
        MvcTestResult chinese = mvc.get()
                .uri("/api/v1/customers/{code}", "NO-SUCH-" + UUID.randomUUID())
                .with(TestUsers.admin())
                .header("Accept-Language", "zh-CN")
                .exchange();
        assertThat(chinese).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(body(chinese))
                .contains("\"title\":\"未找到\"", "\"type\":\"https://creditdesk.org/problems/not-found\"");

        MvcTestResult english = mvc.get()
                .uri("/api/v1/customers/{code}", "NO-SUCH-" + UUID.randomUUID())
                .with(TestUsers.admin())
                .exchange();
        assertThat(body(english)).contains("\"title\":\"Not found\"");
    }
}

package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A refusal's detail follows the caller's language like the pages do: the user's stored choice, else
 * Accept-Language; without either the API answers in English, word for word as before.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RefusalLanguageIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SignInService signIn;

    private static String body(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void an_api_refusal_is_english_by_default_and_chinese_for_a_chinese_accept_language() throws Exception {
        MvcTestResult english = mvc.get()
                .uri("/api/v1/legal-cases/987654321")
                .with(TestUsers.admin())
                .exchange();
        assertThat(english).hasStatus(404);
        assertThat(body(english)).contains("\"detail\":\"Unknown legal case 987654321\"");

        MvcTestResult chinese = mvc.get()
                .uri("/api/v1/legal-cases/987654321")
                .header("Accept-Language", "zh-CN,zh;q=0.9")
                .with(TestUsers.admin())
                .exchange();
        assertThat(chinese).hasStatus(404);
        assertThat(body(chinese)).contains("\"detail\":\"未知的法务案件 987654321\"");
    }

    @Test
    void a_users_stored_language_wins_over_the_header_for_refusal_details() throws Exception {
        String username = "refusal-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, locale)
                        VALUES (:u, 'x', :u, 'zh-CN') RETURNING id""").param("u", username).query(Long.class).single();
        jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, 'CREDIT_MANAGER')")
                .param("id", id)
                .update();
        UserDetails manager = signIn.loadUserByUsername(username);

        MvcTestResult refused = mvc.get()
                .uri("/api/v1/credit-limit-requests/987654321")
                .header("Accept-Language", "en")
                .with(user(manager))
                .exchange();

        assertThat(refused).hasStatus(404);
        assertThat(body(refused)).contains("未知的信用额度申请 987654321");
    }
}

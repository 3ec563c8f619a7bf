package org.creditdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityIntegrationTests {

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "admin-test-password";
    private static final String PASSWORD = "s3cret-password";

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    SignInService signIn;

    @Autowired
    Areas areas;

    @Autowired
    Users users;

    @Autowired
    AdminBootstrap bootstrap;

    private final String suffix = HexFormat.of().toHexDigits(new Random().nextInt());

    record Reply(int status, HttpHeaders headers, String body) {
        @Nullable
        String location() {
            return headers.getFirst(HttpHeaders.LOCATION);
        }
    }

    // --- API authentication ------------------------------------------------------------------------

    @Test
    void a_request_without_credentials_is_answered_401_as_problem_json() {
        Reply reply = call(HttpMethod.GET, "/api/v1/users/me", null, null, null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(reply.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
        JsonNode problem = json.readTree(reply.body());
        assertThat(problem.get("status").asInt()).isEqualTo(401);
        assertThat(problem.get("type").asString()).startsWith("https://creditdesk.org/problems/");
        assertThat(problem.get("title").asString()).isEqualTo("Not authenticated");
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    @Test
    void a_wrong_password_is_answered_401_as_problem_json() {
        Reply reply = call(HttpMethod.GET, "/api/v1/users/me", ADMIN, "not-the-password", null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(reply.body()).get("detail").asString()).contains("Wrong username or password");
    }

    @Test
    void the_bootstrapped_admin_signs_in_with_the_configured_password() {
        Reply reply = call(HttpMethod.GET, "/api/v1/users/me", ADMIN, ADMIN_PASSWORD, null);

        assertThat(reply.status()).isEqualTo(200);
        JsonNode me = json.readTree(reply.body());
        assertThat(me.get("username").asString()).isEqualTo(ADMIN);
        assertThat(me.get("displayName").asString()).isEqualTo("Administrator");
        assertThat(texts(me.get("roles"))).containsExactly("ADMIN");
        assertThat(me.get("seesAllAreas").asBoolean()).isTrue();
    }

    @Test
    void bootstrapping_again_with_users_present_adds_no_user() {
        int before = users.all().size();

        bootstrap.afterSingletonsInstantiated();

        assertThat(users.all()).hasSize(before);
        assertThat(users.find(ADMIN)).isPresent();
    }

    @Test
    void a_generated_admin_password_has_twenty_unambiguous_characters() {
        String password = AdminBootstrap.generatePassword();

        assertThat(password).hasSize(20).doesNotContainAnyWhitespaces().matches("[A-HJ-NP-Za-km-z2-9]{20}");
        assertThat(AdminBootstrap.generatePassword()).isNotEqualTo(password);
    }

    // --- users --------------------------------------------------------------------------------------

    @Test
    void admin_creates_a_user_who_can_sign_in_and_whose_password_is_never_shown() {
        String username = "cm-" + suffix;

        Reply created = createUser(username, "CREDIT_MANAGER");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/api/v1/users/" + username);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("password");
        JsonNode user = json.readTree(created.body());
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(texts(user.get("roles"))).containsExactly("CREDIT_MANAGER");
        assertThat(call(HttpMethod.GET, "/api/v1/users/me", username, PASSWORD, null)
                        .status())
                .isEqualTo(200);
        Reply list = call(HttpMethod.GET, "/api/v1/users", ADMIN, ADMIN_PASSWORD, null);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("\"" + username + "\"").doesNotContainIgnoringCase("password");
    }

    @Test
    void a_user_who_is_not_admin_may_not_create_or_list_users() {
        String username = "finance-" + suffix;
        createUser(username, "FINANCE", "CREDIT_MANAGER", "GENERAL_MANAGER");

        Reply create = call(HttpMethod.POST, "/api/v1/users", username, PASSWORD, newUser("x-" + suffix, "FINANCE"));
        Reply list = call(HttpMethod.GET, "/api/v1/users", username, PASSWORD, null);

        assertThat(create.status()).isEqualTo(403);
        assertThat(create.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(json.readTree(create.body()).get("title").asString()).isEqualTo("Not allowed");
        assertThat(list.status()).isEqualTo(403);
        assertThat(users.find("x-" + suffix)).isEmpty();
    }

    @Test
    void an_auditor_reads_everything_but_writes_nothing_even_holding_admin() {
        String auditor = "auditor-" + suffix;
        String auditingAdmin = "auditing-admin-" + suffix;
        createUser(auditor, "AUDITOR");
        createUser(auditingAdmin, "AUDITOR", "ADMIN");

        assertThat(call(HttpMethod.GET, "/api/v1/users/me", auditor, PASSWORD, null)
                        .status())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/settings/company", auditor, PASSWORD, null)
                        .status())
                .isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/v1/users", auditingAdmin, PASSWORD, null)
                        .status())
                .isEqualTo(200);

        Reply post = call(
                HttpMethod.POST, "/api/v1/users", auditingAdmin, PASSWORD, newUser("by-auditor-" + suffix, "FINANCE"));
        Reply put = call(
                HttpMethod.PUT,
                "/api/v1/settings/company",
                auditingAdmin,
                PASSWORD,
                Map.of("name", "Audited", "baseCurrency", "CNY", "timeZone", "Asia/Shanghai"));
        Reply deleteAnything = call(HttpMethod.DELETE, "/api/v1/customers/ANY", auditor, PASSWORD, null);

        for (Reply refused : List.of(post, put, deleteAnything)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            assertThat(refused.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json.readTree(refused.body()).get("detail").asString()).contains("Auditors");
        }
        assertThat(users.find("by-auditor-" + suffix)).isEmpty();
    }

    @Test
    void area_scoped_users_are_confined_to_their_areas_while_a_credit_manager_sees_all() {
        String north = "NORTH-" + suffix;
        String east = "EAST-" + suffix;
        String rep = "rep-" + suffix;
        String manager = "manager-" + suffix;
        String repAndFinance = "rep-finance-" + suffix;
        createUser(rep, List.of("SALES_REP"), List.of(north, east));
        createUser(manager, List.of("CREDIT_MANAGER"), List.of(north));
        createUser(repAndFinance, List.of("SALES_REP", "FINANCE"), List.of(east));

        JsonNode repMe = json.readTree(
                call(HttpMethod.GET, "/api/v1/users/me", rep, PASSWORD, null).body());
        JsonNode managerMe = json.readTree(call(HttpMethod.GET, "/api/v1/users/me", manager, PASSWORD, null)
                .body());

        assertThat(texts(repMe.get("areas"))).containsExactly(east, north);
        assertThat(repMe.get("seesAllAreas").asBoolean()).isFalse();
        assertThat(texts(managerMe.get("areas"))).isEmpty();
        assertThat(managerMe.get("seesAllAreas").asBoolean()).isTrue();
        assertThat(caller(rep).areas()).containsExactlyInAnyOrder(north, east);
        assertThat(caller(manager).areas()).isEmpty();
        assertThat(caller(repAndFinance).areas()).isEmpty();
        assertThat(areas.all()).extracting(Area::code).contains(north, east);
    }

    @Test
    void invalid_user_fields_are_each_named_in_a_400() {
        Map<String, Object> bad = Map.of(
                "username", "",
                "password", "short",
                "displayName", "",
                "email", "not-an-address",
                "roles", List.of("WIZARD"),
                "areas", List.of());

        Reply reply = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, bad);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        List<String> fields = new ArrayList<>();
        json.readTree(reply.body())
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("username", "password", "displayName", "email", "roles");
        assertThat(reply.body()).contains("WIZARD");
    }

    @Test
    void an_unknown_role_alone_is_a_400_naming_roles() {
        Map<String, Object> request = newUser("wizard-" + suffix, "WIZARD");

        Reply reply = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, request);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode errors = json.readTree(reply.body()).get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("roles");
        assertThat(users.find("wizard-" + suffix)).isEmpty();
    }

    @Test
    void the_same_user_again_is_200_and_the_same_username_with_other_details_is_409() {
        String username = "twice-" + suffix;
        Map<String, Object> request = newUser(username, List.of("COLLECTOR"), List.of("WEST-" + suffix));

        Reply first = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, request);
        Reply again = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, request);
        Map<String, Object> otherName = new java.util.HashMap<>(request);
        otherName.put("displayName", "Someone Else");
        Map<String, Object> otherPassword = new java.util.HashMap<>(request);
        otherPassword.put("password", "another-password");
        Reply conflictingName = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, otherName);
        Reply conflictingPassword = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, otherPassword);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(conflictingName.status()).isEqualTo(409);
        assertThat(conflictingName.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(conflictingPassword.status()).isEqualTo(409);
        assertThat(users.find(username).orElseThrow().displayName()).isEqualTo("User " + username);
    }

    @Test
    void the_facade_creates_users_idempotently_for_the_demo_loader() {
        NewUser demo = new NewUser(
                "demo-" + suffix, PASSWORD, "Demo", null, java.util.Set.of(Role.SALES_MANAGER), java.util.Set.of());

        assertThat(users.create(demo)).isInstanceOf(UserCreation.Created.class);
        assertThat(users.create(demo)).isInstanceOf(UserCreation.Unchanged.class);
    }

    // --- company settings ---------------------------------------------------------------------------

    @Test
    void company_settings_refuse_an_unknown_currency_and_time_zone_naming_both_fields() {
        Reply before = call(HttpMethod.GET, "/api/v1/settings/company", ADMIN, ADMIN_PASSWORD, null);

        Reply reply = call(
                HttpMethod.PUT,
                "/api/v1/settings/company",
                ADMIN,
                ADMIN_PASSWORD,
                Map.of("name", "Renamed", "baseCurrency", "ZZZ", "timeZone", "Mars/Olympus_Mons"));

        assertThat(reply.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json.readTree(reply.body())
                .get("errors")
                .forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("baseCurrency", "timeZone");
        assertThat(call(HttpMethod.GET, "/api/v1/settings/company", ADMIN, ADMIN_PASSWORD, null)
                        .body())
                .isEqualTo(before.body());
    }

    @Test
    void admin_changes_the_company_settings_and_others_may_only_read_them() {
        JsonNode original = json.readTree(call(HttpMethod.GET, "/api/v1/settings/company", ADMIN, ADMIN_PASSWORD, null)
                .body());
        String finance = "settings-finance-" + suffix;
        createUser(finance, "FINANCE");
        Map<String, Object> renamed = Map.of(
                "name", "Renamed " + suffix,
                "baseCurrency", original.get("baseCurrency").asString(),
                "timeZone", original.get("timeZone").asString());
        try {
            Reply changed = call(HttpMethod.PUT, "/api/v1/settings/company", ADMIN, ADMIN_PASSWORD, renamed);
            Reply refused = call(HttpMethod.PUT, "/api/v1/settings/company", finance, PASSWORD, renamed);
            Reply read = call(HttpMethod.GET, "/api/v1/settings/company", finance, PASSWORD, null);

            assertThat(changed.status()).isEqualTo(200);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(json.readTree(read.body()).get("name").asString()).isEqualTo("Renamed " + suffix);
        } finally {
            call(
                    HttpMethod.PUT,
                    "/api/v1/settings/company",
                    ADMIN,
                    ADMIN_PASSWORD,
                    Map.of(
                            "name", original.get("name").asString(),
                            "baseCurrency", original.get("baseCurrency").asString(),
                            "timeZone", original.get("timeZone").asString()));
        }
    }

    // --- pages --------------------------------------------------------------------------------------

    @Test
    void the_login_page_renders_with_the_fields_a_browser_test_uses() {
        Reply page = browser().get("/login");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"username\"", "id=\"password\"", "id=\"login\"", "name=\"_csrf\"")
                .contains("Sign in");
    }

    @Test
    void a_page_without_a_session_redirects_to_the_login_page() {
        Reply home = browser().get("/");

        assertThat(home.status()).isEqualTo(302);
        assertThat(home.location()).endsWith("/login");
    }

    @Test
    void signing_in_with_the_form_and_its_csrf_token_leads_to_the_home_dashboard() {
        Browser browser = browser();
        String token = browser.csrfTokenFrom("/login");

        Reply signIn = browser.postForm("/login", form("username", ADMIN, "password", ADMIN_PASSWORD, "_csrf", token));
        Reply home = browser.get("/");

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).isEqualTo("http://localhost:" + port + "/");
        assertThat(home.status()).isEqualTo(200);
    }

    @Test
    void signing_in_without_the_csrf_token_is_refused() {
        Browser browser = browser();
        browser.get("/login");

        Reply signIn = browser.postForm("/login", form("username", ADMIN, "password", ADMIN_PASSWORD));

        assertThat(signIn.status()).isEqualTo(403);
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void a_wrong_password_on_the_form_returns_to_the_login_page_with_an_error() {
        Browser browser = browser();
        String token = browser.csrfTokenFrom("/login");

        Reply signIn =
                browser.postForm("/login", form("username", ADMIN, "password", "wrong-password", "_csrf", token));

        assertThat(signIn.status()).isEqualTo(302);
        assertThat(signIn.location()).endsWith("/login?error");
        assertThat(browser.get("/login?error").body()).contains("Wrong username or password");
    }

    @Test
    void signing_out_ends_the_session_and_shows_the_login_page() {
        Browser browser = browser();
        String token = browser.csrfTokenFrom("/login");
        browser.postForm("/login", form("username", ADMIN, "password", ADMIN_PASSWORD, "_csrf", token));
        String sessionToken = browser.csrfTokenFrom("/login");

        Reply signOut = browser.postForm("/logout", form("_csrf", sessionToken));

        assertThat(signOut.status()).isEqualTo(302);
        assertThat(signOut.location()).endsWith("/login?logout");
        assertThat(browser.get("/").location()).endsWith("/login");
    }

    @Test
    void static_assets_health_and_api_docs_need_no_sign_in() {
        assertThat(browser().get("/css/creditdesk.css").status()).isEqualTo(200);
        assertThat(browser().get("/actuator/health").status()).isEqualTo(200);
        assertThat(call(HttpMethod.GET, "/api/docs", null, null, null).status()).isEqualTo(200);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private Caller caller(String username) {
        return ((Callers.CallerPrincipal) signIn.loadUserByUsername(username)).caller();
    }

    private Reply createUser(String username, String... roles) {
        return createUser(username, List.of(roles), List.of());
    }

    private Reply createUser(String username, List<String> roles, List<String> areas) {
        Reply reply = call(HttpMethod.POST, "/api/v1/users", ADMIN, ADMIN_PASSWORD, newUser(username, roles, areas));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply;
    }

    private static Map<String, Object> newUser(String username, String... roles) {
        return newUser(username, List.of(roles), List.of());
    }

    private static Map<String, Object> newUser(String username, List<String> roles, List<String> areas) {
        return Map.of(
                "username", username,
                "password", PASSWORD,
                "displayName", "User " + username,
                "email", username + "@example.com",
                "roles", roles,
                "areas", areas);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asString()));
        return texts;
    }

    private Reply call(
            HttpMethod method,
            String path,
            @Nullable String username,
            @Nullable String password,
            @Nullable Object body) {
        RestClient client = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build()))
                .build();
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (username != null) {
            String credentials =
                    Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            request.header(HttpHeaders.AUTHORIZATION, "Basic " + credentials);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Reply(
                res.getStatusCode().value(), res.getHeaders(), new String(readAll(res), StandardCharsets.UTF_8)));
    }

    private static byte[] readAll(org.springframework.http.client.ClientHttpResponse response) throws IOException {
        return response.getBody().readAllBytes();
    }

    private static MultiValueMap<String, String> form(String... namesAndValues) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return form;
    }

    private Browser browser() {
        return new Browser(RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .cookieHandler(new CookieManager())
                        .build()))
                .build());
    }

    /** A client that keeps its session cookie between requests, as a browser does. */
    private record Browser(RestClient client) {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

        Reply get(String path) {
            return client.get()
                    .uri(path)
                    .exchange((req, res) -> new Reply(
                            res.getStatusCode().value(),
                            res.getHeaders(),
                            new String(readAll(res), StandardCharsets.UTF_8)));
        }

        Reply postForm(String path, MultiValueMap<String, String> form) {
            return client.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .exchange((req, res) -> new Reply(
                            res.getStatusCode().value(),
                            res.getHeaders(),
                            new String(readAll(res), StandardCharsets.UTF_8)));
        }

        String csrfTokenFrom(String path) {
            Matcher matcher = CSRF.matcher(get(path).body());
            assertThat(matcher.find()).as("a CSRF token on " + path).isTrue();
            return matcher.group(1);
        }
    }
}

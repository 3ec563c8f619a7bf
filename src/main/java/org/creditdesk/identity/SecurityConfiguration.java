package org.creditdesk.identity;

import jakarta.servlet.DispatcherType;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two doors: the API at {@code /api/**} takes HTTP Basic on every request and keeps no session, so
 * it needs no CSRF token; pages use the login form and a session, so every form carries one.
 * Behind both doors an auditor may read everything and change nothing.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String REALM = "CreditDesk";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RememberingPasswordEncoder(new BCryptPasswordEncoder());
    }

    /** Command-line runs have no web server and so no filter chains; they still hash passwords. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class FilterChains {

        @Bean
        @Order(1)
        SecurityFilterChain api(HttpSecurity http, ApiRefusals refusals, SignInGuard guard) throws Exception {
            return http.securityMatcher("/api/**")
                    .addFilterBefore(guard.filter(), BasicAuthenticationFilter.class)
                    .authorizeHttpRequests(
                            requests -> requests.requestMatchers("/api/docs", "/api/docs/**", "/api/docs.yaml")
                                    .permitAll()
                                    .requestMatchers(HttpMethod.GET)
                                    .authenticated()
                                    .requestMatchers(HttpMethod.HEAD)
                                    .authenticated()
                                    .requestMatchers(HttpMethod.OPTIONS)
                                    .authenticated()
                                    .anyRequest()
                                    .access(writersOnly()))
                    .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(refusals))
                    .exceptionHandling(exceptions ->
                            exceptions.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                    .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(AbstractHttpConfigurer::disable)
                    .csrf(AbstractHttpConfigurer::disable)
                    .headers(SecurityConfiguration::securityHeaders)
                    .build();
        }

        @Bean
        @Order(2)
        SecurityFilterChain pages(HttpSecurity http, SignInGuard guard) throws Exception {
            return http.addFilterBefore(guard.filter(), UsernamePasswordAuthenticationFilter.class)
                    .authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
                            .permitAll()
                            .requestMatchers(
                                    "/css/**",
                                    "/js/**",
                                    "/webjars/**",
                                    "/favicon.ico",
                                    "/actuator/health",
                                    "/actuator/health/**",
                                    "/api/docs/**",
                                    "/login",
                                    "/error")
                            .permitAll()
                            // the language switch: also before sign-in (the login page) and for auditors
                            .requestMatchers(HttpMethod.POST, "/profile/language")
                            .permitAll()
                            .requestMatchers(HttpMethod.GET)
                            .authenticated()
                            .requestMatchers(HttpMethod.HEAD)
                            .authenticated()
                            .anyRequest()
                            .access(writersOnly()))
                    // A sign-in goes on to the page that asked for it, else to the home dashboard.
                    .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false))
                    .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                    .headers(SecurityConfiguration::securityHeaders)
                    .build();
        }
    }

    /**
     * Scripts only from this site (no inline script or handler anywhere: chart data travels in data-*
     * attributes), no framing, no referrer beyond this site. Inline styles stay allowed: ECharts and htmx
     * set them. Issue 15 findings 6 and 7.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
                    + " form-action 'self'; frame-ancestors 'none'";

    static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny);
    }

    /** Any authenticated user except an auditor, whatever other roles the auditor also holds. */
    static AuthorizationManager<RequestAuthorizationContext> writersOnly() {
        AuthorizationManager<RequestAuthorizationContext> authenticated =
                AuthenticatedAuthorizationManager.authenticated();
        return (Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) -> {
            AuthorizationResult signedIn = authenticated.authorize(authentication, context);
            if (signedIn == null || !signedIn.isGranted()) {
                return signedIn;
            }
            return new AuthorizationDecision(!isAuditor(authentication.get()));
        };
    }

    static boolean isAuditor(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Role.AUDITOR.name()).equals(authority.getAuthority()));
    }
}

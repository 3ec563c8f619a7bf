package org.creditdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.shared.TextLimits;
import org.creditdesk.shared.Violation;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Before anything else (security included) runs, a request whose path or parameters hold NUL or a lone
 * UTF-16 surrogate is refused as a 400 problem naming the parameter (issue 15 findings 3 and 7):
 * PostgreSQL cannot store or even compare such text, and would answer with its own error text.
 */
@Configuration(proxyBeanMethods = false)
class RequestHygiene {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestHygieneFilter(JsonMapper json) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }

    static final class Filter extends OncePerRequestFilter {
        private final JsonMapper json;

        Filter(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Optional<Violation> bad = problem(request);
            if (bad.isPresent()) {
                Violation violation = bad.get();
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                json.writeValue(
                        response.getOutputStream(),
                        Problems.body(
                                HttpStatus.BAD_REQUEST,
                                "Malformed request",
                                "%s %s".formatted(violation.field(), violation.message()),
                                request.getRequestURI().replace("\0", ""),
                                List.of(violation)));
                return;
            }
            chain.doFilter(request, response);
        }

        static Optional<Violation> problem(HttpServletRequest request) {
            Optional<String> path = TextLimits.characterProblem(request.getRequestURI());
            if (path.isPresent()) return Optional.of(Violation.field("path", path.get()));
            for (Map.Entry<String, String[]> parameter :
                    request.getParameterMap().entrySet()) {
                Optional<String> name = TextLimits.characterProblem(parameter.getKey());
                if (name.isPresent()) return Optional.of(Violation.field("parameter name", name.get()));
                for (String value : parameter.getValue()) {
                    Optional<String> problem = TextLimits.textProblem(value, TextLimits.ANY_TEXT_MAX);
                    if (problem.isPresent()) {
                        return Optional.of(Violation.field(parameter.getKey(), problem.get()));
                    }
                }
            }
            return Optional.empty();
        }
    }
}

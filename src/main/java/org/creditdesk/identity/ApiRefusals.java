package org.creditdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.creditdesk.shared.web.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the API's security refusals as problem+json, like every other refusal of the API:
 * 401 when the caller is not (or wrongly) authenticated, 403 when the caller may not do this.
 */
@Component
class ApiRefusals implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String NOT_AUTHENTICATED = "Not authenticated";
    static final String NOT_ALLOWED = "Not allowed";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final JsonMapper json;

    ApiRefusals(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        String detail = refusal instanceof BadCredentialsException
                ? "Wrong username or password"
                : "Sign in with HTTP Basic as a CreditDesk user";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + SecurityConfiguration.REALM + "\"");
        write(request, response, HttpStatus.UNAUTHORIZED, NOT_AUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean auditorWriting = authentication != null
                && SecurityConfiguration.isAuditor(authentication)
                && !READS.contains(request.getMethod());
        String detail =
                auditorWriting ? "Auditors may read everything but change nothing" : "You are not allowed to do this";
        write(request, response, HttpStatus.FORBIDDEN, NOT_ALLOWED, detail);
    }

    private void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(
                response.getOutputStream(), Problems.body(status, title, detail, request.getRequestURI(), List.of()));
    }
}

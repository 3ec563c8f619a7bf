package org.creditdesk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /api/docs} is the OpenAPI JSON for programs and tests; a browser (asking for HTML) is sent to
 * Swagger UI, which reads that JSON.
 */
@Component
class ApiDocsForBrowsers extends OncePerRequestFilter {

    static final String DOCUMENT = "/api/docs";
    static final String UI = "/api/docs/ui";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !(request.getContextPath() + DOCUMENT).equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (asksForHtml(request.getHeader(HttpHeaders.ACCEPT))) {
            response.sendRedirect(request.getContextPath() + UI);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean asksForHtml(@org.jspecify.annotations.Nullable String accept) {
        if (accept == null) return false;
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (org.springframework.http.InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}

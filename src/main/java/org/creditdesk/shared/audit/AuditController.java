package org.creditdesk.shared.audit;

import java.util.List;
import java.util.Set;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reading the audit trail. {@code shared} may not depend on {@code identity} (identity builds on
 * shared), so the roles are read from the granted authorities directly.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final Set<String> READERS =
            Set.of("ROLE_ADMIN", "ROLE_AUDITOR", "ROLE_CREDIT_MANAGER", "ROLE_GENERAL_MANAGER");

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    List<AuditEntry> entries(
            @Nullable Authentication authentication,
            @RequestParam(required = false) @Nullable String subjectType,
            @RequestParam(required = false) @Nullable String subjectId,
            @RequestParam(defaultValue = "" + AuditTrail.DEFAULT_LIMIT) int limit) {
        boolean reader = authentication != null
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(READERS::contains);
        if (!reader) {
            throw ProblemException.forbidden(
                            "Reading the audit trail needs one of the roles ADMIN, AUDITOR, CREDIT_MANAGER, GENERAL_MANAGER")
                    .withKey("problem.text.readingTheAuditTrailNeedsOneOf");
        }
        if (limit < 1 || limit > AuditTrail.MAX_LIMIT) {
            throw ProblemException.ruleViolation("limit", "limit must be between 1 and " + AuditTrail.MAX_LIMIT)
                    .withKey("problem.text.limitMustBeBetween1And", AuditTrail.MAX_LIMIT);
        }
        return trail.entries(subjectType, subjectId, limit);
    }
}

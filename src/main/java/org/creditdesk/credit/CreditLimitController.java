package org.creditdesk.credit;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.web.Locations;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CreditLimitController {

    private final CreditLimits limits;
    private final Callers callers;

    CreditLimitController(CreditLimits limits, Callers callers) {
        this.limits = limits;
        this.callers = callers;
    }

    record Decision(@Nullable String comment) {}

    @PostMapping("/customers/{code}/credit-limit-requests")
    ResponseEntity<CreditLimitRequest> request(@PathVariable String code, @RequestBody NewLimitRequest input) {
        CreditLimitRequest request = limits.request(code, input, callers.current());
        return ResponseEntity.created(URI.create("/api/v1/credit-limit-requests/" + request.id()))
                .body(request);
    }

    @GetMapping("/credit-limit-requests")
    List<CreditLimitRequest> requests(@RequestParam(required = false) @Nullable LimitRequestStatus status) {
        return limits.requests(status, callers.current());
    }

    @GetMapping("/credit-limit-requests/{id}")
    CreditLimitRequest request(@PathVariable long id) {
        return limits.requestById(id, callers.current());
    }

    @GetMapping("/credit-limit-requests/{id}/warnings")
    List<LimitWarning> warnings(@PathVariable long id) {
        return limits.warnings(id, callers.current());
    }

    @PostMapping("/credit-limit-requests/{id}/approve")
    CreditLimitRequest approve(@PathVariable long id, @RequestBody(required = false) @Nullable Decision decision) {
        return limits.approve(id, decision == null ? null : decision.comment(), callers.current());
    }

    @PostMapping("/credit-limit-requests/{id}/reject")
    CreditLimitRequest reject(@PathVariable long id, @RequestBody(required = false) @Nullable Decision decision) {
        return limits.reject(id, decision == null ? null : decision.comment(), callers.current());
    }

    @GetMapping("/customers/{code}/credit-limit")
    CreditLimitOverview creditLimit(
            @PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return limits.overview(code, asOf, callers.current());
    }

    @PostMapping("/customers/{code}/securities")
    ResponseEntity<CreditSecurity> addSecurity(@PathVariable String code, @RequestBody NewSecurity input) {
        CreditSecurity security = limits.addSecurity(code, input, callers.current());
        return ResponseEntity.created(Locations.of("/api/v1/customers/{code}/securities", code))
                .body(security);
    }

    @GetMapping("/customers/{code}/securities")
    List<CreditSecurity> securities(@PathVariable String code) {
        return limits.securities(code, callers.current());
    }
}

package org.creditdesk.imports;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Bank statements". */
@RestController
@RequestMapping("/api/v1")
class BankStatementController {

    private final BankStatements statements;
    private final Callers callers;

    BankStatementController(BankStatements statements, Callers callers) {
        this.statements = statements;
        this.callers = callers;
    }

    /** camt or MT940, told apart by the content whatever the media type says. */
    @PostMapping(
            path = "/imports/bank-statements",
            consumes = {"application/xml", "text/xml", "text/plain", "application/octet-stream"})
    BankStatementResult importStatement(InputStream body) {
        return statements.importStatement(body, callers.current());
    }

    @GetMapping("/bank-statements/unmatched")
    BankStatements.UnmatchedPage unmatched(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return statements.unmatched(page, size, callers.current());
    }

    record AssignRequest(
            @Nullable String customerCode, @Nullable List<String> invoiceNos) {}

    @PostMapping("/bank-statements/unmatched/{id}/assign")
    EntryOutcome assign(@PathVariable long id, @RequestBody AssignRequest request) {
        return statements.assign(id, request.customerCode(), request.invoiceNos(), callers.current());
    }

    record SettingsRequest(
            @Nullable BigDecimal tolerance, @Nullable String reason) {}

    @GetMapping("/settings/bank-matching")
    BankStatements.MatchingSettings settings() {
        return statements.settings();
    }

    @PutMapping("/settings/bank-matching")
    BankStatements.MatchingSettings changeSettings(@RequestBody SettingsRequest request) {
        return statements.changeSettings(request.tolerance(), request.reason(), callers.current());
    }
}

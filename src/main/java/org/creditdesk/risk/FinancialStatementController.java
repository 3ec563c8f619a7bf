package org.creditdesk.risk;

import java.io.InputStream;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.web.Locations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class FinancialStatementController {

    private final FinancialStatements statements;
    private final Callers callers;

    FinancialStatementController(FinancialStatements statements, Callers callers) {
        this.statements = statements;
        this.callers = callers;
    }

    @PutMapping("/customers/{code}/financial-statements/{year}")
    ResponseEntity<FinancialStatements.Saved> put(
            @PathVariable String code, @PathVariable int year, @RequestBody FinancialStatement statement) {
        FinancialStatements.Saved saved = statements.put(code, year, statement, callers.current());
        return saved.created()
                ? ResponseEntity.created(
                                Locations.of("/api/v1/customers/{code}/financial-statements/{year}", code, year))
                        .body(saved)
                : ResponseEntity.ok(saved);
    }

    @GetMapping("/customers/{code}/financial-statements")
    List<FinancialStatements.Saved> list(@PathVariable String code) {
        return statements.statements(code, callers.current());
    }

    @PostMapping(
            path = "/imports/financial-statements",
            consumes = {"text/csv", "text/plain"})
    FinancialStatements.StatementImport importCsv(InputStream body) {
        return statements.importCsv(body, callers.current());
    }

    @PutMapping("/customers/{code}/external-rating")
    FinancialStatements.ExternalRating putRating(
            @PathVariable String code, @RequestBody FinancialStatements.ExternalRating rating) {
        return statements.putRating(code, rating, callers.current());
    }

    @GetMapping("/customers/{code}/external-ratings")
    List<FinancialStatements.ExternalRating> ratings(@PathVariable String code) {
        return statements.ratings(code, callers.current());
    }
}

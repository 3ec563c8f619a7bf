package org.creditdesk.risk;

import java.io.InputStream;
import java.util.List;
import org.creditdesk.identity.Callers;
import org.creditdesk.imports.ImportResult;
import org.creditdesk.shared.web.Locations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class CustomerOutcomeController {

    private final CustomerOutcomes outcomes;
    private final Callers callers;

    CustomerOutcomeController(CustomerOutcomes outcomes, Callers callers) {
        this.outcomes = outcomes;
        this.callers = callers;
    }

    @PostMapping("/customers/{code}/outcomes")
    ResponseEntity<CustomerOutcomes.Recorded> record(
            @PathVariable String code, @RequestBody CustomerOutcomes.Outcome outcome) {
        CustomerOutcomes.Recorded recorded = outcomes.record(code, outcome, callers.current());
        return recorded.created()
                ? ResponseEntity.created(Locations.of("/api/v1/customers/{code}/outcomes", code))
                        .body(recorded)
                : ResponseEntity.ok(recorded);
    }

    @GetMapping("/customers/{code}/outcomes")
    List<CustomerOutcomes.Recorded> list(@PathVariable String code) {
        return outcomes.outcomes(code, callers.current());
    }

    @PostMapping(
            path = "/imports/customer-outcomes",
            consumes = {"text/csv", "text/plain"})
    ImportResult importCsv(InputStream body) {
        return outcomes.importCsv(body, callers.current());
    }
}

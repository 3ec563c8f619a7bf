package org.creditdesk.customers;

import java.time.LocalDate;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.web.Locations;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers")
class CustomerController {

    private final Customers customers;
    private final Callers callers;

    CustomerController(Customers customers, Callers callers) {
        this.customers = customers;
        this.callers = callers;
    }

    @PutMapping("/{code}")
    ResponseEntity<CustomerDetails> upsert(@PathVariable String code, @RequestBody CustomerInput input) {
        var caller = callers.current();
        CustomerSaved saved = customers.upsert(code, input, caller);
        CustomerDetails details = customers.details(code, null, caller);
        if (saved.outcome() == CustomerSaved.Outcome.CREATED) {
            return ResponseEntity.created(Locations.of("/api/v1/customers/{code}", code))
                    .body(details);
        }
        return ResponseEntity.status(HttpStatus.OK).body(details);
    }

    @GetMapping("/{code}")
    CustomerDetails details(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
        return customers.details(code, asOf, callers.current());
    }

    @GetMapping
    Page<CustomerSummary> search(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String riskClass,
            @RequestParam(required = false) @Nullable CreditState creditState,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + CustomerQuery.DEFAULT_SIZE) int size,
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean descending) {
        return customers.search(
                new CustomerQuery(query, area, riskClass, creditState, page, size, sort, descending),
                callers.current());
    }
}

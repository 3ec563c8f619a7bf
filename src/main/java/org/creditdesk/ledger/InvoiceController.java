package org.creditdesk.ledger;

import org.creditdesk.identity.Callers;
import org.creditdesk.shared.web.Locations;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/invoices")
class InvoiceController {

    private final Ledger ledger;
    private final Callers callers;

    InvoiceController(Ledger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<Invoice> issue(@RequestBody IssueInvoice command) {
        Recorded<Invoice> recorded = ledger.issueInvoice(command, callers.current());
        return recorded.created()
                ? ResponseEntity.created(Locations.of(
                                "/api/v1/invoices/{no}", recorded.document().invoiceNo()))
                        .body(recorded.document())
                : ResponseEntity.ok(recorded.document());
    }

    @GetMapping("/{invoiceNo}")
    Invoice invoice(@PathVariable String invoiceNo) {
        return ledger.invoice(invoiceNo, callers.current());
    }
}

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
@RequestMapping("/api/v1/credit-notes")
class CreditNoteController {

    private final Ledger ledger;
    private final Callers callers;

    CreditNoteController(Ledger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<CreditNote> issue(@RequestBody IssueCreditNote command) {
        Recorded<CreditNote> recorded = ledger.issueCreditNote(command, callers.current());
        return recorded.created()
                ? ResponseEntity.created(Locations.of(
                                "/api/v1/credit-notes/{no}", recorded.document().creditNoteNo()))
                        .body(recorded.document())
                : ResponseEntity.ok(recorded.document());
    }

    @GetMapping("/{creditNoteNo}")
    CreditNote creditNote(@PathVariable String creditNoteNo) {
        return ledger.creditNote(creditNoteNo, callers.current());
    }
}

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
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final Ledger ledger;
    private final Callers callers;

    PaymentController(Ledger ledger, Callers callers) {
        this.ledger = ledger;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<Payment> receive(@RequestBody ReceivePayment command) {
        Recorded<Payment> recorded = ledger.receivePayment(command, callers.current());
        return recorded.created()
                ? ResponseEntity.created(Locations.of(
                                "/api/v1/payments/{no}", recorded.document().paymentNo()))
                        .body(recorded.document())
                : ResponseEntity.ok(recorded.document());
    }

    @PostMapping("/{paymentNo}/bounce")
    BouncedPayment bounce(@PathVariable String paymentNo, @RequestBody BounceCheque command) {
        return ledger.bounce(paymentNo, command, callers.current());
    }

    @GetMapping("/{paymentNo}")
    Payment payment(@PathVariable String paymentNo) {
        return ledger.payment(paymentNo, callers.current());
    }
}

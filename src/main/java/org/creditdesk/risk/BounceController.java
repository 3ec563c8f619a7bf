package org.creditdesk.risk;

import org.creditdesk.identity.Callers;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BounceController {

    private final Bounces bounces;
    private final Callers callers;

    BounceController(Bounces bounces, Callers callers) {
        this.bounces = bounces;
        this.callers = callers;
    }

    @PostMapping("/api/v1/customers/{code}/reinstate")
    BounceReinstatement reinstate(@PathVariable String code, @RequestBody BounceReinstate input) {
        return bounces.reinstate(code, input, callers.current());
    }
}

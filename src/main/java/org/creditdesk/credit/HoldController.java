package org.creditdesk.credit;

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
import org.springframework.web.bind.annotation.RestController;

/** Customer holds: placed and lifted by the credit department. */
@RestController
@RequestMapping("/api/v1/customers/{code}/holds")
class HoldController {

    private final CustomerHolds holds;
    private final Callers callers;

    HoldController(CustomerHolds holds, Callers callers) {
        this.holds = holds;
        this.callers = callers;
    }

    record Lift(@Nullable String note) {}

    @PostMapping
    ResponseEntity<CustomerHold> place(@PathVariable String code, @RequestBody PlaceHold body) {
        CustomerHolds.Changed placed = holds.place(code, body, callers.current());
        return placed.changed()
                ? ResponseEntity.created(Locations.of(
                                "/api/v1/customers/{code}/holds/{id}",
                                code,
                                placed.hold().id()))
                        .body(placed.hold())
                : ResponseEntity.ok(placed.hold());
    }

    @PostMapping("/{id}/lift")
    CustomerHold lift(
            @PathVariable String code, @PathVariable long id, @RequestBody(required = false) @Nullable Lift body) {
        return holds.lift(code, id, body == null ? null : body.note(), callers.current())
                .hold();
    }

    @GetMapping
    List<CustomerHold> list(@PathVariable String code) {
        return holds.holds(code, callers.current());
    }
}

package org.creditdesk.customers;

import java.util.List;
import org.creditdesk.identity.Area;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Areas, product lines and sales reps: created on first use by the records that name them, listed
 * and renamed here.
 */
@RestController
@RequestMapping("/api/v1")
class ReferenceDataController {

    record Naming(@Nullable String name) {}

    record SalesRepInput(@Nullable String name, @Nullable String area) {}

    private final Areas areas;
    private final ProductLines productLines;
    private final SalesReps salesReps;
    private final Callers callers;

    ReferenceDataController(Areas areas, ProductLines productLines, SalesReps salesReps, Callers callers) {
        this.areas = areas;
        this.productLines = productLines;
        this.salesReps = salesReps;
        this.callers = callers;
    }

    @GetMapping("/areas")
    List<Area> areas() {
        return areas.all();
    }

    @PutMapping("/areas/{code}")
    Area renameArea(@PathVariable String code, @RequestBody Naming body) {
        requireAdmin(callers.current());
        return areas.rename(code, requiredName(body.name()));
    }

    @GetMapping("/product-lines")
    List<ProductLine> productLines() {
        return productLines.all();
    }

    @PutMapping("/product-lines/{code}")
    ProductLine renameProductLine(@PathVariable String code, @RequestBody Naming body) {
        requireAdmin(callers.current());
        return productLines.rename(code, requiredName(body.name()));
    }

    @GetMapping("/sales-reps")
    List<SalesRep> salesReps() {
        return salesReps.visibleTo(callers.current());
    }

    @PutMapping("/sales-reps/{code}")
    SalesRep saveSalesRep(@PathVariable String code, @RequestBody SalesRepInput body) {
        String area = body.area() == null || body.area().isBlank()
                ? null
                : body.area().strip();
        return salesReps.save(new SalesRep(code, requiredName(body.name()), area), callers.current());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.has(Role.ADMIN))
            throw ProblemException.forbidden("Only administrators rename reference data")
                    .withKey("problem.text.onlyAdministratorsRenameReferenceData");
    }

    private static String requiredName(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.malformed("A name is required", List.of(Violation.field("name", "is required")))
                    .withKey("problem.text.aNameIsRequired");
        }
        return name.strip();
    }
}

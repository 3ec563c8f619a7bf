package org.creditdesk.imports;

import java.io.InputStream;
import java.util.Locale;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.ProblemException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final Imports imports;
    private final Callers callers;

    ImportController(Imports imports, Callers callers) {
        this.imports = imports;
        this.callers = callers;
    }

    /** The body is streamed to the database as it arrives; it is never buffered whole. */
    @PostMapping(
            path = "/{kind}",
            consumes = {"text/csv", "text/plain"})
    ImportResult importCsv(@PathVariable String kind, InputStream body) {
        return imports.importCsv(kindOf(kind), body, callers.current());
    }

    private static ImportKind kindOf(String segment) {
        try {
            return ImportKind.valueOf(segment.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No import of " + segment + "; use customers, orders, invoices or payments")
                    .withKey("problem.text.noImportOfUseCustomersOrdersInvoices", segment);
        }
    }
}

package org.creditdesk.imports;

import java.io.InputStream;
import org.creditdesk.identity.Caller;
import org.springframework.stereotype.Service;

/**
 * The one import path, used by the HTTP endpoint, the command line and the demo generator.
 * (Contract only in this commit; the implementation lands with the imports feature.)
 */
@Service
public class Imports {

    /**
     * Imports one CSV file atomically: all rows or none. A file with any invalid row throws a
     * 422 {@code ProblemException} listing every bad row's line and reason.
     */
    public ImportResult importCsv(ImportKind kind, InputStream csv, Caller caller) {
        throw new UnsupportedOperationException("imports not built yet");
    }
}

package org.creditdesk.risk;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportResult;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outcomes recorded per customer (default, insolvency, legal case, write-off, each with its date), the
 * company's own losses or a bureau's flags, for fitting a scorecard to them. API and CSV import; the
 * same outcome twice changes nothing; every new outcome is audited.
 */
@Service
public class CustomerOutcomes {

    static final List<String> TYPES = List.of("DEFAULT", "INSOLVENCY", "LEGAL_CASE", "WRITE_OFF");
    static final List<String> CSV_HEADER = List.of("customerCode", "type", "on");

    private final CustomerOutcomeRepository repository;
    private final Customers customers;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerOutcomes(CustomerOutcomeRepository repository, Customers customers, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** An outcome of a customer on a date, with an optional note (what happened, a bureau's reference). */
    public record Outcome(
            @Nullable String type,
            @Nullable LocalDate on,
            @Nullable String note) {
        public Outcome(@Nullable String type, @Nullable LocalDate on) {
            this(type, on, null);
        }
    }

    /** The outcome as stored and whether this call recorded it (false: it was there already). */
    public record Recorded(
            String customerCode,
            String type,
            LocalDate on,
            @Nullable String note,
            @Nullable String recordedBy,
            boolean created) {}

    @Transactional
    public Recorded record(String customerCode, Outcome input, Caller caller) {
        FinancialStatements.requireWriter(caller);
        CustomerRef customer = customers.require(customerCode, caller);
        List<Violation> violations = new ArrayList<>();
        String type = type(input.type());
        if (type == null) violations.add(Violation.field("type", "must be one of " + String.join(", ", TYPES)));
        if (input.on() == null) violations.add(Violation.field("on", "is required"));
        String note = input.note() == null || input.note().isBlank()
                ? null
                : input.note().strip();
        if (note != null && note.length() > 500)
            violations.add(Violation.field("note", "must be at most 500 characters"));
        if (!violations.isEmpty()) throw ProblemException.ruleViolation("The outcome is invalid", violations);
        var row = new CustomerOutcomeRepository.Stored(customer.id(), type, input.on(), note, caller.username());
        boolean created = repository.insert(List.of(row), caller.username(), now()) > 0;
        if (created) {
            audit.record(
                    caller.username(),
                    "CUSTOMER_OUTCOME_RECORDED",
                    "CUSTOMER",
                    customer.code(),
                    null,
                    Map.of("type", type, "on", input.on().toString()),
                    note);
        }
        return new Recorded(customer.code(), type, input.on(), note, caller.username(), created);
    }

    @Transactional(readOnly = true)
    public List<Recorded> outcomes(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.ofCustomer(customer.id()).stream()
                .map(o -> new Recorded(customer.code(), o.type(), o.on(), o.note(), o.recordedBy(), false))
                .toList();
    }

    /**
     * Imports a CSV file (header {@link #CSV_HEADER}). As for ledger imports, any invalid row refuses
     * the whole file with every bad line's reason; the same file twice changes nothing.
     */
    @Transactional
    public ImportResult importCsv(InputStream csv, Caller caller) {
        FinancialStatements.requireWriter(caller);
        List<String[]> rows = FinancialStatements.read(csv);
        if (rows.isEmpty() || !List.of(rows.getFirst()).equals(CSV_HEADER)) {
            throw ProblemException.malformed(
                    "The first line must be the header " + String.join(",", CSV_HEADER),
                    List.of(Violation.line(1, "expected header " + String.join(",", CSV_HEADER))));
        }
        List<Violation> rejected = new ArrayList<>();
        List<CustomerOutcomeRepository.Stored> outcomes = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            int line = i + 1;
            String[] r = rows.get(i);
            if (r.length != CSV_HEADER.size()) {
                rejected.add(
                        Violation.line(line, "expected %d fields, found %d".formatted(CSV_HEADER.size(), r.length)));
                continue;
            }
            CustomerRef customer = customers.find(r[0].strip(), caller).orElse(null);
            if (customer == null) {
                rejected.add(Violation.line(line, "customerCode", "unknown customer " + r[0].strip()));
                continue;
            }
            String type = type(r[1]);
            if (type == null) {
                rejected.add(Violation.line(line, "type", "must be one of " + String.join(", ", TYPES)));
                continue;
            }
            LocalDate on;
            try {
                on = LocalDate.parse(r[2].strip());
            } catch (DateTimeParseException e) {
                rejected.add(Violation.line(line, "on", "'" + r[2].strip() + "' is not a date (yyyy-MM-dd)"));
                continue;
            }
            if (keys.add(customer.id() + "/" + type + "/" + on)) {
                outcomes.add(new CustomerOutcomeRepository.Stored(customer.id(), type, on, null, caller.username()));
            }
        }
        if (!rejected.isEmpty()) {
            throw ProblemException.ruleViolation(
                    "%d of %d rows are invalid; nothing was imported".formatted(rejected.size(), rows.size() - 1),
                    rejected);
        }
        int written = repository.insert(outcomes, caller.username(), now());
        if (written > 0) {
            audit.record(
                    caller.username(),
                    "CUSTOMER_OUTCOMES_IMPORTED",
                    "IMPORT",
                    "customer-outcomes",
                    null,
                    Map.of("rows", outcomes.size(), "written", written),
                    null);
        }
        return new ImportResult(written, outcomes.size() - written, List.of());
    }

    private static @Nullable String type(@Nullable String text) {
        if (text == null) return null;
        String type = text.strip().toUpperCase(java.util.Locale.ROOT);
        return TYPES.contains(type) ? type : null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package org.creditdesk.imports;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.creditdesk.customers.CustomerBulkLoad;
import org.creditdesk.customers.ProductLines;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.BulkLoad;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one import path, used by the HTTP endpoint, the command line and the demo generator.
 *
 * <p>A file is streamed through {@code COPY} into a temporary staging table (never held in
 * memory), checked with set-based SQL by the module that owns the rows, and merged with {@code
 * INSERT ... SELECT ... ON CONFLICT} — all in one transaction, so a file with any bad row writes
 * nothing.
 */
@Service
public class Imports {

    private static final Logger log = LoggerFactory.getLogger(Imports.class);

    /** How many rejected lines a refusal lists; a file with more says how many were left out. */
    static final int MAX_REPORTED = 10_000;

    private static final Set<Role> IMPORTERS = EnumSet.of(
            Role.ADMIN,
            Role.GENERAL_MANAGER,
            Role.CREDIT_MANAGER,
            Role.CREDIT_SUPERVISOR,
            Role.FINANCE,
            Role.SALES_MANAGER,
            Role.SALES_REP);

    private final ImportRepository repository;
    private final CustomerBulkLoad customers;
    private final BulkLoad ledger;
    private final ProductLines productLines;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;

    Imports(
            ImportRepository repository,
            CustomerBulkLoad customers,
            BulkLoad ledger,
            ProductLines productLines,
            BusinessCalendar calendar,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.customers = customers;
        this.ledger = ledger;
        this.productLines = productLines;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * Imports one CSV file atomically: all rows or none. A file with any invalid row throws a
     * 422 {@code ProblemException} listing every bad row's line and reason.
     */
    @Transactional
    public ImportResult importCsv(ImportKind kind, InputStream csv, Caller caller) {
        if (IMPORTERS.stream().noneMatch(caller::has)) {
            throw ProblemException.forbidden("Your roles do not allow importing")
                    .withKey("problem.text.yourRolesDoNotAllowImporting");
        }
        long started = System.nanoTime();
        CsvLayout layout = CsvLayout.of(kind);
        ImportRepository.Staged staged = repository.stage(layout, csv, MAX_REPORTED);

        long stagedAt = System.nanoTime();
        String stage = ImportRepository.STAGE;
        String rejections = ImportRepository.REJECTIONS;
        String[] areas = caller.areaFilter();
        String baseCurrency = calendar.baseCurrency().getCurrencyCode();
        switch (kind) {
            case CUSTOMERS -> customers.rejectInvalidCustomers(stage, rejections, areas, baseCurrency);
            case ORDERS -> ledger.rejectInvalidOrders(stage, rejections, areas, baseCurrency);
            case INVOICES -> ledger.rejectInvalidInvoices(stage, rejections, areas, baseCurrency);
            case PAYMENTS -> ledger.rejectInvalidPayments(stage, rejections, areas, baseCurrency);
        }
        long checked = System.nanoTime();
        refuseIfAnyRejected(staged);

        if (kind == ImportKind.ORDERS || kind == ImportKind.INVOICES) {
            productLines.ensureExist(repository.distinctValues("product_line"));
        }
        int imported = switch (kind) {
            case CUSTOMERS -> customers.mergeCustomers(stage, baseCurrency);
            case ORDERS -> ledger.mergeOrders(stage, baseCurrency);
            case INVOICES -> ledger.mergeInvoices(stage, baseCurrency);
            case PAYMENTS -> ledger.mergePayments(stage, baseCurrency);
        };
        long merged = System.nanoTime();
        int unchanged = Math.toIntExact(staged.rows() - imported);
        repository.recordRun(kind, imported, unchanged, staged.rows(), caller.username());
        List<Long> touched =
                kind == ImportKind.CUSTOMERS ? customers.mergedCustomerIds() : repository.touchedCustomers();
        // Published inside the import's transaction: listeners that keep running totals update them
        // in the same commit, so a credit check never sees the new invoices without their totals.
        events.publishEvent(new ImportCompleted(kind, imported, touched));
        log.info(
                "Imported {} rows of {} for {}: {} new, {} unchanged; staged in {} ms, checked in {} ms, merged in {} ms",
                staged.rows(),
                kind,
                caller.username(),
                imported,
                unchanged,
                (stagedAt - started) / 1_000_000,
                (checked - stagedAt) / 1_000_000,
                (merged - checked) / 1_000_000);
        return new ImportResult(imported, unchanged, List.of());
    }

    private void refuseIfAnyRejected(ImportRepository.Staged staged) {
        long total = staged.malformedRows() + repository.rejectionCount();
        if (total == 0) return;
        List<Violation> rejected = new ArrayList<>(staged.malformed());
        rejected.addAll(repository.firstRejections(MAX_REPORTED));
        rejected.sort(Comparator.comparing(v -> v.line() == null ? 0L : v.line()));
        if (rejected.size() > MAX_REPORTED) rejected = new ArrayList<>(rejected.subList(0, MAX_REPORTED));
        if (total > rejected.size()) {
            rejected.add(Violation.line(
                    rejected.getLast().line() == null ? 0L : rejected.getLast().line(),
                    "%d more problems are not listed".formatted(total - rejected.size())));
        }
        throw ProblemException.ruleViolation(
                        "%d problem(s) in the file; nothing was imported".formatted(total), rejected)
                .withKey("problem.text.problemSInTheFileNothingWas", total);
    }
}

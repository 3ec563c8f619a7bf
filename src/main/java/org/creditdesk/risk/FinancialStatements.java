package org.creditdesk.risk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers' financial statements per fiscal year and external ratings: API, CSV import and form. */
@Service
public class FinancialStatements {

    static final Set<Role> WRITERS =
            Set.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.CREDIT_SUPERVISOR, Role.FINANCE, Role.GENERAL_MANAGER);
    static final List<String> CSV_HEADER = List.of(
            "customerCode",
            "year",
            "currency",
            "revenue",
            "netIncome",
            "ebit",
            "currentAssets",
            "currentLiabilities",
            "totalAssets",
            "totalLiabilities",
            "retainedEarnings",
            "bookEquity");
    static final List<String> RATINGS = List.of("AAA", "AA", "A", "BBB", "BB", "B", "CCC", "CC", "C", "D");

    private final FinancialStatementRepository repository;
    private final Customers customers;
    private final AuditTrail audit;
    private final Clock clock;

    FinancialStatements(FinancialStatementRepository repository, Customers customers, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A stored statement, whether this call created or changed it, and the ratios its figures leave
     * unscored (missing figures, zero denominators), each naming the factor.
     */
    public record Saved(
            String customerCode,
            int year,
            FinancialStatement statement,
            boolean created,
            boolean changed,
            List<Violation> warnings) {
        public Saved {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * What a statements import did: rows written, rows already so, and every row's warnings (line and
     * factor). As for ledger imports, a contradictory or unreadable row refuses the whole file.
     */
    public record StatementImport(int imported, int unchanged, List<Violation> rejected, List<Violation> warnings) {
        public StatementImport {
            rejected = List.copyOf(rejected);
            warnings = List.copyOf(warnings);
        }
    }

    @Transactional
    public Saved put(String customerCode, int year, FinancialStatement input, Caller caller) {
        requireWriter(caller);
        CustomerRef customer = customers.require(customerCode, caller);
        if (year < 1900 || year > 2999)
            throw ProblemException.ruleViolation("year", "must be a fiscal year")
                    .withKey("problem.text.mustBeAFiscalYear");
        List<Violation> violations = input.violations(customer.currency(), null);
        if (!violations.isEmpty()) {
            throw ProblemException.ruleViolation("The financial statement has invalid figures", violations)
                    .withKey("problem.text.theFinancialStatementHasInvalidFigures");
        }
        Optional<FinancialStatementRepository.Stored> before = repository.find(customer.id(), year);
        FinancialStatementRepository.Stored row = new FinancialStatementRepository.Stored(
                customer.id(), year, customer.currency(), withCurrency(input, customer.currency()));
        int written = repository.upsert(List.of(row), caller.username(), now());
        if (written > 0) {
            audit.record(
                    caller.username(),
                    before.isPresent() ? "FINANCIAL_STATEMENT_CHANGED" : "FINANCIAL_STATEMENT_ADDED",
                    "CUSTOMER",
                    customer.code(),
                    before.map(FinancialStatementRepository.Stored::statement).orElse(null),
                    row.statement(),
                    "Financial statement " + year);
        }
        return new Saved(
                customer.code(), year, row.statement(), before.isEmpty(), written > 0, input.warnings(year, null));
    }

    /** The customer's statements, newest year first. */
    @Transactional(readOnly = true)
    public List<Saved> statements(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.ofCustomer(customer.id()).stream()
                .map(s -> new Saved(
                        customer.code(),
                        s.year(),
                        s.statement(),
                        false,
                        false,
                        s.statement().warnings(s.year(), null)))
                .toList();
    }

    /**
     * Imports a CSV file (header {@link #CSV_HEADER}). Empty fields are missing figures: the row is
     * imported and its warnings say which ratios stay unscored. A row that is contradictory (negative
     * liabilities, current assets above total assets, ...) or unreadable refuses the whole file, as
     * ledger imports do, with every bad line's reason. The same file twice changes nothing.
     */
    @Transactional
    public StatementImport importCsv(InputStream csv, Caller caller) {
        requireWriter(caller);
        List<String[]> rows = read(csv);
        if (rows.isEmpty() || !List.of(rows.getFirst()).equals(CSV_HEADER)) {
            throw ProblemException.malformed(
                            "The first line must be the header " + String.join(",", CSV_HEADER),
                            List.of(Violation.line(1, "expected header " + String.join(",", CSV_HEADER))))
                    .withKey("problem.text.theFirstLineMustBeTheHeader", String.join(",", CSV_HEADER));
        }
        List<String> codes =
                rows.stream().skip(1).map(r -> r[0].strip()).distinct().toList();
        Map<String, FinancialStatementRepository.Stored> known = repository.customers(codes);
        List<Violation> rejected = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        List<FinancialStatementRepository.Stored> statements = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 1; i < rows.size(); i++) {
            int line = i + 1;
            String[] r = rows.get(i);
            if (r.length != CSV_HEADER.size()) {
                rejected.add(
                        Violation.line(line, "expected %d fields, found %d".formatted(CSV_HEADER.size(), r.length)));
                continue;
            }
            FinancialStatementRepository.Stored customer = known.get(r[0].strip());
            if (customer == null || !caller.seesAllAreas() && !visible(r[0].strip(), caller)) {
                rejected.add(Violation.line(line, "customerCode", "unknown customer " + r[0].strip()));
                continue;
            }
            Integer year = integer(r[1]);
            if (year == null || year < 1900 || year > 2999) {
                rejected.add(Violation.line(line, "year", "must be a fiscal year, not '" + r[1] + "'"));
                continue;
            }
            if (!keys.add(r[0].strip() + "/" + year)) {
                rejected.add(Violation.line(line, "year", "the file has this customer's year twice"));
                continue;
            }
            List<@Nullable BigDecimal> amounts = new ArrayList<>();
            boolean readable = true;
            for (int f = 3; f < CSV_HEADER.size(); f++) {
                BigDecimal amount = decimal(r[f]);
                if (amount == null && !r[f].isBlank()) {
                    rejected.add(Violation.line(line, CSV_HEADER.get(f), "'" + r[f] + "' is not a number"));
                    readable = false;
                }
                amounts.add(amount);
            }
            if (!readable) continue;
            FinancialStatement statement = new FinancialStatement(
                    r[2].isBlank() ? null : r[2].strip(),
                    amounts.get(0),
                    amounts.get(1),
                    amounts.get(2),
                    amounts.get(3),
                    amounts.get(4),
                    amounts.get(5),
                    amounts.get(6),
                    amounts.get(7),
                    amounts.get(8));
            List<Violation> problems = statement.violations(customer.currency(), line);
            if (!problems.isEmpty()) {
                rejected.addAll(problems);
                continue;
            }
            warnings.addAll(statement.warnings(year, line));
            statements.add(new FinancialStatementRepository.Stored(
                    customer.customerId(), year, customer.currency(), withCurrency(statement, customer.currency())));
        }
        if (!rejected.isEmpty()) {
            throw ProblemException.ruleViolation(
                            "%d of %d rows are invalid; nothing was imported"
                                    .formatted(
                                            rejected.stream()
                                                    .map(Violation::line)
                                                    .distinct()
                                                    .count(),
                                            rows.size() - 1),
                            rejected)
                    .withKey(
                            "problem.text.ofRowsAreInvalidNothingWasImported",
                            rejected.stream().map(Violation::line).distinct().count(),
                            rows.size() - 1);
        }
        int written = repository.upsert(statements, caller.username(), now());
        if (written > 0) {
            audit.record(
                    caller.username(),
                    "FINANCIAL_STATEMENTS_IMPORTED",
                    "IMPORT",
                    "financial-statements",
                    null,
                    Map.of("rows", statements.size(), "written", written),
                    null);
        }
        return new StatementImport(written, statements.size() - written, List.of(), warnings);
    }

    /** An external rating of the customer by an agency on a date (AAA..D). */
    public record ExternalRating(
            @Nullable String agency,
            @Nullable String rating,
            @Nullable LocalDate ratedOn) {}

    @Transactional
    public ExternalRating putRating(String customerCode, ExternalRating input, Caller caller) {
        requireWriter(caller);
        CustomerRef customer = customers.require(customerCode, caller);
        List<Violation> violations = new ArrayList<>();
        if (input.agency() == null || input.agency().isBlank())
            violations.add(Violation.field("agency", "is required"));
        if (input.rating() == null || !RATINGS.contains(input.rating().strip())) {
            violations.add(Violation.field("rating", "must be one of " + String.join(", ", RATINGS)));
        }
        if (input.ratedOn() == null) violations.add(Violation.field("ratedOn", "is required"));
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The rating is invalid", violations)
                    .withKey("problem.text.theRatingIsInvalid");
        var rating = new FinancialStatementRepository.Rating(
                input.ratedOn(), input.agency().strip(), input.rating().strip());
        if (repository.upsertRating(customer.id(), rating, caller.username(), now()) > 0) {
            audit.record(caller.username(), "EXTERNAL_RATING_SET", "CUSTOMER", customer.code(), null, rating, null);
        }
        return new ExternalRating(rating.agency(), rating.rating(), rating.ratedOn());
    }

    @Transactional(readOnly = true)
    public List<ExternalRating> ratings(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.ratings(customer.id()).stream()
                .map(r -> new ExternalRating(r.agency(), r.rating(), r.ratedOn()))
                .toList();
    }

    static void requireWriter(Caller caller) {
        if (caller.roles().stream().noneMatch(WRITERS::contains)) {
            throw ProblemException.forbidden(
                            "Only ADMIN, CREDIT_MANAGER, CREDIT_SUPERVISOR, FINANCE, GENERAL_MANAGER may record financial data")
                    .withKey("problem.text.onlyADMINCREDITMANAGERCREDITSUPERVISORFINANCE");
        }
    }

    private boolean visible(String code, Caller caller) {
        return customers.find(code, caller).isPresent();
    }

    private static FinancialStatement withCurrency(FinancialStatement s, String currency) {
        return new FinancialStatement(
                currency,
                s.revenue(),
                s.netIncome(),
                s.ebit(),
                s.currentAssets(),
                s.currentLiabilities(),
                s.totalAssets(),
                s.totalLiabilities(),
                s.retainedEarnings(),
                s.bookEquity());
    }

    /** The lines of a risk CSV split at commas (its fields hold none), blank lines skipped. */
    static List<String[]> read(InputStream csv) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (rows.isEmpty() && line.startsWith("\uFEFF")) line = line.substring(1);
                if (line.isBlank()) continue;
                rows.add(line.split(",", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static @Nullable Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable BigDecimal decimal(String text) {
        if (text.isBlank()) return null;
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package org.creditdesk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.imports.BankStatement.Entry;
import org.creditdesk.imports.BankStatementRepository.Outcome;
import org.creditdesk.imports.BankStatementRepository.StoredEntry;
import org.creditdesk.imports.EntryOutcome.Kind;
import org.creditdesk.ledger.BankCredit;
import org.creditdesk.ledger.BankMatch;
import org.creditdesk.ledger.BankReceipts;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Imports bank statements (camt.052/053/054, MT940): stores every booked entry once, books credits
 * as payments through the ledger's matching, takes back the payments that returns and reversals
 * name, and keeps what matched nothing in a queue a finance user assigns. One file is one
 * transaction: a file the parser refuses stores nothing.
 */
@Service
public class BankStatements {

    private static final Logger log = LoggerFactory.getLogger(BankStatements.class);

    static final Set<Role> IMPORTERS = EnumSet.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER, Role.FINANCE);
    static final Set<Role> ASSIGNERS = EnumSet.of(Role.ADMIN, Role.FINANCE);
    static final Set<Role> SETTERS = EnumSet.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.FINANCE);
    static final String PAYMENT_PREFIX = "BANK-";

    private final BankStatementRepository repository;
    private final BankReceipts receipts;
    private final AuditTrail audit;
    private final BankStatementSettings settings;
    private final ApplicationEventPublisher events;

    BankStatements(
            BankStatementRepository repository,
            BankReceipts receipts,
            AuditTrail audit,
            BankStatementSettings settings,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.receipts = receipts;
        this.audit = audit;
        this.settings = settings;
    }

    /** Reads at most the configured size (one byte more tells it is too large), then imports. */
    @Transactional
    public BankStatementResult importStatement(InputStream body, Caller caller) {
        requireRole(caller, IMPORTERS, "import bank statements");
        long reading = System.nanoTime();
        byte[] content;
        try {
            content = body.readNBytes(Math.toIntExact(Math.min(settings.limit() + 1, Integer.MAX_VALUE - 8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the statement failed", e);
        }
        if (content.length > settings.limit()) {
            throw ProblemException.ruleViolation(
                            "The file is too large",
                            List.of(Violation.field(
                                    "file",
                                    "is larger than %d bytes; split it by statement".formatted(settings.limit()))))
                    .withKey("problem.text.theFileIsTooLarge");
        }
        long started = System.nanoTime();
        List<BankStatement> statements = BankStatementParser.parse(content);
        content = null; // the file's bytes are not needed while booking (a 100,000-entry file is ~45 MB)
        return importParsed(statements, reading, started, caller);
    }

    @Transactional
    public BankStatementResult importStatement(byte[] content, Caller caller) {
        requireRole(caller, IMPORTERS, "import bank statements");
        long started = System.nanoTime();
        return importParsed(BankStatementParser.parse(content), started, started, caller);
    }

    private BankStatementResult importParsed(
            List<BankStatement> statements, long reading, long started, Caller caller) {
        long parsed = System.nanoTime();
        BigDecimal tolerance = repository.tolerance();
        Counts counts = new Counts();
        counts.last = parsed;
        List<Long> statementIds = new ArrayList<>();
        List<EntryOutcome> results = new ArrayList<>();
        for (BankStatement statement : statements) {
            statementIds.add(importOne(statement, tolerance, caller, counts, results));
        }
        log.info(
                "Bank statement file of {} statement(s) by {}: {} entries, {} payments, {} unmatched, {} returned, "
                        + "{} duplicates in {} ms (parsed in {} ms, booked in {} ms, credit totals in {} ms)",
                statements.size(),
                caller.username(),
                counts.entries,
                counts.payments,
                counts.unmatched,
                counts.returned,
                counts.duplicates,
                (System.nanoTime() - started) / 1_000_000,
                (parsed - started) / 1_000_000,
                counts.bookingNanos / 1_000_000,
                counts.totalsNanos / 1_000_000);
        // Where the rest of the request goes (sessions 9-10: 4-5 s of a 100,000-entry import were outside the three
        // phases above): reading the body, each step of importOne, and the commit.
        StringBuilder steps = new StringBuilder("read ")
                .append((started - reading) / 1_000_000)
                .append(" ms, parsed ")
                .append((parsed - started) / 1_000_000)
                .append(" ms");
        counts.steps.forEach((step, nanos) -> steps.append(", ")
                .append(step)
                .append(' ')
                .append(nanos / 1_000_000)
                .append(" ms"));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            long returned = System.nanoTime();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    log.info(
                            "Bank statement file steps: {}; transaction {} {} ms after the import returned",
                            steps,
                            status == STATUS_COMMITTED ? "committed" : "ended",
                            (System.nanoTime() - returned) / 1_000_000);
                }
            });
        }
        return new BankStatementResult(
                statementIds.getFirst(),
                statementIds,
                counts.entries,
                counts.payments,
                counts.payments,
                counts.unmatched,
                counts.returned,
                counts.duplicates,
                counts.ignored,
                counts.returnsUnmatched,
                counts.charges,
                results);
    }

    private static final class Counts {
        int entries;
        int payments;
        int unmatched;
        int returned;
        int duplicates;
        int ignored;
        int returnsUnmatched;
        BigDecimal charges = BigDecimal.ZERO;
        long bookingNanos;
        long totalsNanos;
        long last;
        final Map<String, Long> steps = new LinkedHashMap<>();

        /** Adds the time since the last lap to this step's. */
        void lap(String step) {
            long now = System.nanoTime();
            steps.merge(step, now - last, Long::sum);
            last = now;
        }
    }

    private long importOne(
            BankStatement statement, BigDecimal tolerance, Caller caller, Counts counts, List<EntryOutcome> results) {
        List<Entry> entries = statement.entries();
        counts.entries += entries.size();
        // Before anything is written: an overlapping statement of the account waits until this one commits.
        repository.lockAccount(Objects.requireNonNullElse(accountKey(statement.account()), statement.account()));
        Optional<Long> inserted = repository.insertStatement(statement, entries.size(), caller.username());
        counts.lap("statement");
        if (inserted.isEmpty()) {
            counts.duplicates += entries.size();
            for (Entry e : entries)
                results.add(outcome(null, e, Kind.DUPLICATE, null, null, "statement imported before"));
            return repository.statementId(statement.identity());
        }
        long statementId = inserted.get();
        List<String> keys = entryKeys(statement);
        counts.lap("keys");
        Set<String> known = repository.knownEntryKeys(keys);
        counts.lap("known keys");
        long[] reserved = repository.reserveEntryIds(
                (int) keys.stream().filter(k -> !known.contains(k)).count());
        counts.lap("ids");

        // By position in the statement (arrays, not maps of boxed keys: 100,000 entries): the reserved id (0 for an
        // entry known before) and what the entry became.
        int size = entries.size();
        long[] idAt = new long[size];
        Outcome[] outcomeAt = new Outcome[size];
        int[] creditAt = new int[size];
        int creditCount = 0;
        List<Integer> takeBackAt = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < size; i++) {
            Entry e = entries.get(i);
            if (known.contains(keys.get(i))) {
                counts.duplicates++;
                continue;
            }
            long id = reserved[next++];
            idAt[i] = id;
            if (e.credit() && !e.returned() && !e.reversal()) {
                creditAt[creditCount++] = i;
            } else if (e.takesBackACredit()) {
                takeBackAt.add(i);
                // Until the return is matched below (after the credits of this file are stored).
                outcomeAt[i] = new Outcome(id, Kind.IGNORED, null, null, null, null);
            } else {
                String note = e.credit()
                        ? "a returned or reversed payment of ours, not a customer's payment"
                        : "a debit that is not a return";
                outcomeAt[i] = new Outcome(id, Kind.IGNORED, null, null, note, null);
            }
        }

        List<BankCredit> bankCredits = new ArrayList<>(creditCount);
        for (int c = 0; c < creditCount; c++) bankCredits.add(credit(entries.get(creditAt[c]), idAt[creditAt[c]]));
        long booking = System.nanoTime();
        counts.lap("sorted");
        List<BankMatch> matches = receipts.book(bankCredits, tolerance);
        bankCredits = null; // not needed any more (the live set of a 100,000-entry import at -Xmx512m)
        long booked = System.nanoTime();
        counts.bookingNanos += booked - booking;
        counts.lap("booked");
        List<String> payers = matches.stream()
                .filter(m -> m instanceof BankMatch.Booked)
                .map(m -> ((BankMatch.Booked) m).customerCode())
                .distinct()
                .toList();
        if (!payers.isEmpty()) {
            // The credits were booked set-based without per-payment events: the running credit totals
            // of their customers are rebuilt in this transaction, as after a CSV payments file.
            events.publishEvent(
                    new ImportCompleted(ImportKind.PAYMENTS, payers.size(), repository.customerIds(payers)));
        }
        counts.totalsNanos += System.nanoTime() - booked;
        counts.lap("credit totals");
        for (int c = 0; c < creditCount; c++) {
            long id = idAt[creditAt[c]];
            outcomeAt[creditAt[c]] = switch (matches.get(c)) {
                case BankMatch.Booked b ->
                    new Outcome(
                            id,
                            b.invoiceNos().isEmpty() ? Kind.ON_ACCOUNT : Kind.MATCHED,
                            b.paymentNo(),
                            b.customerCode(),
                            bookedNote(b),
                            null);
                case BankMatch.Unmatched u ->
                    new Outcome(
                            id,
                            Kind.UNMATCHED,
                            null,
                            null,
                            u.candidates().isEmpty()
                                    ? u.reason()
                                    : u.reason() + ": " + String.join(", ", u.candidates()),
                            null);
            };
        }
        matches = null;
        List<BankStatementRepository.NewEntry> rows = new ArrayList<>(next);
        for (int i = 0; i < size; i++) {
            if (idAt[i] != 0)
                rows.add(new BankStatementRepository.NewEntry(idAt[i], keys.get(i), entries.get(i), outcomeAt[i]));
        }
        counts.lap("outcomes");
        repository.insertEntries(statementId, rows);
        rows = null;
        counts.lap("entries stored");
        // Returns after the credits are stored: a file may hold a credit and its return.
        List<Outcome> takenBack = new ArrayList<>(takeBackAt.size());
        for (int i : takeBackAt) {
            Entry e = entries.get(i);
            long id = idAt[i];
            counts.charges = counts.charges.add(e.charges());
            Optional<String> paymentNo = repository.paymentTakenBack(e, accountKey(e.counterpartyAccount()));
            var taken = paymentNo.flatMap(no -> receipts.takeBack(no, e.bookedOn(), reasonOf(e)));
            if (taken.isEmpty()) {
                outcomeAt[i] = new Outcome(
                        id,
                        Kind.RETURN_UNMATCHED,
                        null,
                        null,
                        "%s (%s) of no payment booked here"
                                .formatted(e.reversal() ? "reversal" : "return", e.returnReason()),
                        null);
            } else {
                var bounced = taken.get();
                outcomeAt[i] = new Outcome(
                        id,
                        Kind.RETURNED,
                        bounced.paymentNo(),
                        bounced.customerCode(),
                        "%s; reason %s%s"
                                .formatted(
                                        e.cheque() || bounced.chequeNo() != null
                                                ? "cheque bounced"
                                                : "payment reversed, invoices reopened",
                                        e.returnReason(),
                                        e.charges().signum() > 0
                                                ? "; bank charge " + e.charges() + " kept on the entry"
                                                : ""),
                        null);
            }
            takenBack.add(outcomeAt[i]);
        }
        repository.setOutcomes(takenBack);
        counts.lap("take-backs");
        for (int i = 0; i < size; i++) {
            Entry e = entries.get(i);
            if (idAt[i] == 0) {
                results.add(outcome(null, e, Kind.DUPLICATE, null, null, "entry imported before"));
                continue;
            }
            Outcome o = outcomeAt[i];
            switch (o.outcome()) {
                case MATCHED, ON_ACCOUNT -> counts.payments++;
                case UNMATCHED -> counts.unmatched++;
                case RETURNED -> counts.returned++;
                case RETURN_UNMATCHED -> counts.returnsUnmatched++;
                case IGNORED -> counts.ignored++;
                default -> {}
            }
            results.add(outcome(idAt[i], e, o.outcome(), o.paymentNo(), o.customerCode(), o.note()));
        }
        counts.lap("results");
        return statementId;
    }

    private static String reasonOf(Entry e) {
        String reason = e.returnReason() == null ? "RETURNED" : e.returnReason();
        return "bank %s, reason %s".formatted(e.reversal() ? "reversal" : "return", reason);
    }

    private static String bookedNote(BankMatch.Booked b) {
        StringBuilder note =
                new StringBuilder("customer by ").append(b.by().name().toLowerCase(Locale.ROOT));
        if (!b.invoiceNos().isEmpty()) note.append("; settles ").append(String.join(", ", b.invoiceNos()));
        if (b.writtenOff().signum() > 0)
            note.append("; short ").append(b.writtenOff()).append(" written off");
        if (b.unapplied().signum() > 0) note.append("; ").append(b.unapplied()).append(" on account");
        return note.toString();
    }

    private static EntryOutcome outcome(
            @Nullable Long id,
            Entry e,
            Kind kind,
            @Nullable String paymentNo,
            @Nullable String customerCode,
            @Nullable String note) {
        return new EntryOutcome(
                id,
                e.location(),
                e.bookedOn(),
                e.amount(),
                e.currency(),
                e.credit() ? "CREDIT" : "DEBIT",
                kind,
                paymentNo,
                customerCode,
                note);
    }

    private static BankCredit credit(Entry e, long id) {
        return new BankCredit(
                PAYMENT_PREFIX + id,
                e.bookedOn(),
                e.amount(),
                e.currency(),
                e.cheque(),
                e.chequeNo(),
                e.counterpartyAccount(),
                e.counterpartyName(),
                e.structuredRefs(),
                e.remittance());
    }

    private static BankCredit credit(StoredEntry e) {
        return new BankCredit(
                PAYMENT_PREFIX + e.id(),
                e.bookedOn(),
                e.amount(),
                e.currency(),
                e.cheque(),
                e.chequeNo(),
                e.payerAccount(),
                e.payerName(),
                e.invoiceRefs(),
                e.remittance());
    }

    /**
     * The account and the bank's reference with date, amount and direction, or a digest of the entry
     * when the bank gives no reference; an n-th identical entry in one statement gets "#n".
     */
    static List<String> entryKeys(BankStatement statement) {
        String account = accountKey(statement.account());
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>();
        for (Entry e : statement.entries()) {
            String amount = e.amount().stripTrailingZeros().toPlainString();
            String ref = e.bankReference();
            String key = ref != null
                            && !ref.isBlank()
                            && !ref.toUpperCase(Locale.ROOT).startsWith("NONREF")
                    ? String.join(
                            "|", account, "R", ref.strip(), e.bookedOn().toString(), amount, e.credit() ? "C" : "D")
                    : String.join(
                            "|",
                            account,
                            "H",
                            digest(String.join(
                                    "\u001F",
                                    e.bookedOn().toString(),
                                    String.valueOf(e.valueOn()),
                                    amount,
                                    e.currency(),
                                    e.credit() ? "C" : "D",
                                    e.bankCode(),
                                    String.valueOf(e.endToEndId()),
                                    String.valueOf(e.counterpartyAccount()),
                                    String.valueOf(e.counterpartyName()),
                                    e.remittance())));
            int n = seen.merge(key, 1, Integer::sum);
            keys.add(n == 1 ? key : key + "#" + n);
        }
        return keys;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static @Nullable String accountKey(@Nullable String account) {
        if (account == null) return null;
        String key = account.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        return key.isEmpty() ? null : key;
    }

    // ---- the unmatched queue ----

    public record UnmatchedPage(List<UnmatchedEntry> items, int page, int size, long total) {}

    @Transactional(readOnly = true)
    public UnmatchedPage unmatched(int page, int size, Caller caller) {
        requireRole(
                caller,
                EnumSet.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER, Role.FINANCE, Role.AUDITOR),
                "see the unmatched bank entries");
        if (page < 0 || size < 1 || size > 200) {
            throw ProblemException.malformed(
                            "Bad page", List.of(Violation.field("size", "must be 1 to 200; page 0 or more")))
                    .withKey("problem.text.badPage");
        }
        List<StoredEntry> stored = repository.unmatched(size, (long) page * size);
        var candidates =
                receipts.candidates(stored.stream().map(BankStatements::credit).toList());
        List<UnmatchedEntry> items = stored.stream()
                .map(e -> new UnmatchedEntry(
                        e.id(),
                        e.bookedOn(),
                        e.amount(),
                        e.currency(),
                        e.payerName(),
                        e.payerAccount(),
                        e.remittance(),
                        e.bankCode(),
                        e.note(),
                        candidates.getOrDefault(PAYMENT_PREFIX + e.id(), List.of())))
                .toList();
        return new UnmatchedPage(items, page, size, repository.unmatchedCount());
    }

    /** The customer (and invoices) a user chose for a queued credit; creates the payment. */
    @Transactional
    public EntryOutcome assign(
            long entryId, @Nullable String customerCode, @Nullable List<String> invoiceNos, Caller caller) {
        requireRole(caller, ASSIGNERS, "assign bank entries");
        if (customerCode == null || customerCode.isBlank()) {
            throw ProblemException.malformed("No customer", List.of(Violation.field("customerCode", "is required")))
                    .withKey("problem.text.noCustomer");
        }
        StoredEntry entry = repository
                .lockEntry(entryId)
                .orElseThrow(() -> ProblemException.notFound("Unknown bank entry " + entryId)
                        .withKey("problem.text.unknownBankEntry", entryId));
        if (entry.outcome() != Kind.UNMATCHED) {
            throw ProblemException.conflict(
                            "Bank entry %d is %s, not in the unmatched queue".formatted(entryId, entry.outcome()))
                    .withKey("problem.text.bankEntryIsNotInTheUnmatched", entryId, entry.outcome());
        }
        List<String> invoices = invoiceNos == null
                ? List.of()
                : invoiceNos.stream().map(String::strip).toList();
        BankMatch.Booked booked =
                receipts.assign(credit(entry), customerCode.strip(), invoices, repository.tolerance(), caller);
        String note = bookedNote(booked);
        repository.setOutcomes(List.of(new Outcome(
                entryId, Kind.ASSIGNED, booked.paymentNo(), booked.customerCode(), note, caller.username())));
        audit.record(
                caller.username(),
                "BANK_ENTRY_ASSIGNED",
                "bank_entry",
                String.valueOf(entryId),
                null,
                booked,
                "assigned from the unmatched queue to " + booked.customerCode());
        return new EntryOutcome(
                entryId,
                entry.location(),
                entry.bookedOn(),
                entry.amount(),
                entry.currency(),
                "CREDIT",
                Kind.ASSIGNED,
                booked.paymentNo(),
                booked.customerCode(),
                note);
    }

    // ---- the tolerance (a company setting) ----

    public record MatchingSettings(BigDecimal tolerance) {}

    @Transactional(readOnly = true)
    public MatchingSettings settings() {
        return new MatchingSettings(repository.tolerance());
    }

    @Transactional
    public MatchingSettings changeSettings(@Nullable BigDecimal tolerance, @Nullable String reason, Caller caller) {
        requireRole(caller, SETTERS, "change the bank matching tolerance");
        if (tolerance == null
                || tolerance.signum() < 0
                || tolerance.scale() > 2
                || tolerance.compareTo(new BigDecimal("1000000")) >= 0) {
            throw ProblemException.malformed(
                            "Bad tolerance",
                            List.of(Violation.field("tolerance", "must be an amount from 0 with at most 2 decimals")))
                    .withKey("problem.text.badTolerance");
        }
        MatchingSettings before = settings();
        repository.setTolerance(tolerance);
        MatchingSettings after = new MatchingSettings(tolerance);
        audit.record(
                caller.username(),
                "BANK_MATCHING_TOLERANCE_CHANGED",
                "settings",
                "bank-matching",
                before,
                after,
                reason);
        return after;
    }

    private static void requireRole(Caller caller, Set<Role> allowed, String what) {
        if (allowed.stream().noneMatch(caller::has)) {
            throw ProblemException.forbidden("Your roles may not " + what)
                    .withKey("problem.text.yourRolesMayNot", what);
        }
    }
}

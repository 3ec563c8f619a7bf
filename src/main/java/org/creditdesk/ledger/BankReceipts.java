package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.BankMatch.Booked;
import org.creditdesk.ledger.BankMatch.MatchedBy;
import org.creditdesk.ledger.BankMatch.Unmatched;
import org.creditdesk.ledger.BankMatching.CustomerHit;
import org.creditdesk.ledger.BankMatching.InvoiceHit;
import org.creditdesk.ledger.BankMatching.Plan;
import org.creditdesk.ledger.InvoiceRepository.StoredInvoice;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's face for bank statements: books credits as payments by the rules of {@link
 * BankMatching}, suggests customers for the ones that matched none, books an assignment, and takes
 * back a payment the bank returned or reversed.
 */
@Service
public class BankReceipts {

    private static final int MAX_CANDIDATES = 3;

    private final Payments payments;
    private final PaymentRepository paymentRecords;
    private final CreditNotes creditNotes;
    private final PaymentBounces bounces;
    private final InvoiceRepository invoices;
    private final BankMatchRepository lookups;
    private final Customers customers;
    private final BankBookings bookings;

    BankReceipts(
            Payments payments,
            PaymentRepository paymentRecords,
            CreditNotes creditNotes,
            PaymentBounces bounces,
            InvoiceRepository invoices,
            BankMatchRepository lookups,
            Customers customers,
            BankBookings bookings) {
        this.bookings = bookings;
        this.payments = payments;
        this.paymentRecords = paymentRecords;
        this.creditNotes = creditNotes;
        this.bounces = bounces;
        this.invoices = invoices;
        this.lookups = lookups;
        this.customers = customers;
    }

    /**
     * Books each credit that identifies one customer, all of them at once in entry order ({@link
     * BankBookings}); the others come back {@link Unmatched}. Publishes no {@code PaymentReceived}
     * for them: the caller must have the running credit totals of their customers rebuilt in the
     * same transaction (the imports module publishes {@code ImportCompleted}).
     */
    @Transactional
    public List<BankMatch> book(List<BankCredit> credits, BigDecimal tolerance) {
        Matched matched = match(credits);
        // The lookups' maps are gone here (match returned): a 100,000-entry statement's live set is what the
        // booking needs, not every word of every remittance text (GC at -Xmx512m, session 10).
        List<BankMatch> matches = matched.matches();
        List<Booked> booked = bookings.book(matched.paying(), tolerance);
        for (int i = 0; i < booked.size(); i++) matches.set(matched.payingAt()[i], booked.get(i));
        return matches;
    }

    /** Each credit's match; {@code null} at the positions {@code payingAt} of the credits in {@code paying}. */
    private record Matched(List<BankMatch> matches, int[] payingAt, List<BankBookings.Paying> paying) {}

    private Matched match(List<BankCredit> credits) {
        int n = credits.size();
        List<Set<String>> references = new ArrayList<>(n);
        String[] accountKeyOf = new String[n];
        Set<String> allReferences = new HashSet<>(Math.max(16, n * 4));
        Set<String> accountKeys = new HashSet<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            BankCredit credit = credits.get(i);
            Set<String> refs = BankMatching.references(credit.structuredRefs(), credit.remittance());
            references.add(refs);
            allReferences.addAll(refs);
            String key = BankMatching.accountKey(credit.payerAccount());
            accountKeyOf[i] = key;
            if (key != null) accountKeys.add(key);
        }
        Map<String, Set<CustomerHit>> byAccount = lookups.customersByAccount(accountKeys);
        Map<String, InvoiceHit> byInvoiceNo = lookups.invoicesByNo(allReferences);
        Map<String, CustomerHit> byCode = lookups.customersByCode(allReferences);

        List<BankMatch> matches = new ArrayList<>(n);
        int[] payingAt = new int[n];
        List<BankBookings.Paying> paying = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BankCredit credit = credits.get(i);
            String refused = unbookable(credit);
            if (refused != null) {
                matches.add(new Unmatched(refused, List.of()));
                continue;
            }
            Set<String> refs = references.get(i);
            Set<CustomerHit> accountHits =
                    accountKeyOf[i] == null ? Set.of() : byAccount.getOrDefault(accountKeyOf[i], Set.of());
            List<InvoiceHit> named = new ArrayList<>(refs.size());
            Set<CustomerHit> codeHits = new LinkedHashSet<>();
            for (String ref : refs) {
                InvoiceHit invoice = byInvoiceNo.get(ref);
                if (invoice != null && !named.contains(invoice)) named.add(invoice);
                CustomerHit code = byCode.get(ref);
                if (code != null) codeHits.add(code);
            }
            switch (BankMatching.decide(accountHits, named, codeHits)) {
                case BankMatching.Pay pay -> {
                    payingAt[paying.size()] = matches.size();
                    paying.add(new BankBookings.Paying(
                            credit,
                            pay.customer(),
                            pay.by(),
                            invoiceNos(pay.invoices()),
                            pay.invoices().stream().map(InvoiceHit::id).toList()));
                    matches.add(null);
                }
                case BankMatching.NoMatch none -> matches.add(new Unmatched(none.reason(), none.candidates()));
            }
        }
        return new Matched(matches, payingAt, paying);
    }

    /**
     * Books an unmatched credit for the customer a user chose (404 outside the caller's areas), on the
     * invoices given, else oldest first; an invoice number that is not the customer's is refused.
     */
    @Transactional
    public Booked assign(
            BankCredit credit, String customerCode, List<String> invoiceNos, BigDecimal tolerance, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        String refused = unbookable(credit);
        if (refused != null) throw ProblemException.ruleViolation("amount", refused);
        Map<String, StoredInvoice> found = invoices.lockByNos(invoiceNos).stream()
                .collect(Collectors.toMap(i -> i.invoice().invoiceNo(), Function.identity()));
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < invoiceNos.size(); i++) {
            StoredInvoice invoice = found.get(invoiceNos.get(i));
            if (invoice == null || invoice.customerId() != customer.id()) {
                violations.add(Violation.field(
                        "invoiceNos[%d]".formatted(i),
                        "%s is not an invoice of %s".formatted(invoiceNos.get(i), customer.code())));
            } else if (!invoice.invoice().currency().equals(credit.currency())) {
                violations.add(Violation.field(
                        "invoiceNos[%d]".formatted(i),
                        "%s is in %s, the credit in %s"
                                .formatted(invoiceNos.get(i), invoice.invoice().currency(), credit.currency())));
            }
        }
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The invoices cannot be paid", violations)
                    .withKey("problem.text.theInvoicesCannotBePaid");
        return bookFor(credit, customer.code(), MatchedBy.ASSIGNED, invoiceNos, tolerance, caller);
    }

    /** Suggested customers for each credit, best first: by account, named references, name, amount. */
    @Transactional(readOnly = true)
    public Map<String, List<BankCandidate>> candidates(List<BankCredit> credits) {
        Set<String> accountKeys = new LinkedHashSet<>();
        Set<String> allReferences = new LinkedHashSet<>();
        for (BankCredit credit : credits) {
            String key = BankMatching.accountKey(credit.payerAccount());
            if (key != null) accountKeys.add(key);
            allReferences.addAll(BankMatching.references(credit.structuredRefs(), credit.remittance()));
        }
        Map<String, Set<CustomerHit>> byAccount = lookups.customersByAccount(accountKeys);
        Map<String, InvoiceHit> byInvoiceNo = lookups.invoicesByNo(allReferences);
        Map<String, CustomerHit> byCode = lookups.customersByCode(allReferences);
        List<BankMatchRepository.AmountHit> ofAmount = lookups.openInvoicesOfAmount(
                credits.stream().map(BankCredit::amount).toList(),
                credits.stream().map(BankCredit::currency).toList());

        Map<String, Map<String, Scored>> perCredit = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (BankCredit credit : credits) {
            Map<String, Scored> scored = new LinkedHashMap<>();
            for (CustomerHit hit : byAccount.getOrDefault(BankMatching.accountKey(credit.payerAccount()), Set.of())) {
                score(scored, hit.code(), 60, "account " + credit.payerAccount());
            }
            for (String ref : BankMatching.references(credit.structuredRefs(), credit.remittance())) {
                InvoiceHit invoice = byInvoiceNo.get(ref);
                if (invoice != null) score(scored, invoice.customerCode(), 40, "invoice " + ref + " named");
                CustomerHit code = byCode.get(ref);
                if (code != null) score(scored, code.code(), 30, "customer code " + ref + " named");
            }
            if (credit.payerName() != null && !credit.payerName().isBlank()) {
                for (BankMatchRepository.NameHit name : lookups.namedLike(credit.payerName(), MAX_CANDIDATES)) {
                    names.put(name.code(), name.name());
                    score(
                            scored,
                            name.code(),
                            (int) Math.round(30 * name.similarity()),
                            "name like %s (%.2f)".formatted(name.name(), name.similarity()));
                }
            }
            for (BankMatchRepository.AmountHit hit : ofAmount) {
                if (hit.amount().compareTo(credit.amount()) == 0) {
                    score(
                            scored,
                            hit.customerCode(),
                            25,
                            "invoice %s open for the same amount".formatted(hit.invoiceNo()));
                }
            }
            perCredit.put(credit.paymentNo(), scored);
        }
        Set<String> codes = perCredit.values().stream()
                .flatMap(m -> m.keySet().stream())
                .filter(c -> !names.containsKey(c))
                .collect(Collectors.toSet());
        names.putAll(lookups.customerNames(codes));
        Map<String, List<BankCandidate>> result = new LinkedHashMap<>();
        perCredit.forEach((paymentNo, scored) -> result.put(
                paymentNo,
                scored.values().stream()
                        .sorted(Comparator.comparingInt(Scored::score)
                                .reversed()
                                .thenComparing(Scored::code))
                        .limit(MAX_CANDIDATES)
                        .map(s -> new BankCandidate(
                                s.code(), names.getOrDefault(s.code(), s.code()), s.score(), s.reasons()))
                        .toList()));
        return result;
    }

    /**
     * The bank took the payment back: a cheque bounces (credit stop, {@link ChequeBounced}); any
     * other payment is reversed and its invoices reopened ({@link PaymentReturned}).
     */
    @Transactional
    public Optional<BouncedPayment> takeBack(String paymentNo, LocalDate on, String reason) {
        // A payment bounced by hand already has nothing left to take back.
        boolean received = paymentRecords
                .findByNo(paymentNo)
                .filter(p -> !PaymentBounces.BOUNCED.equals(p.payment().status()))
                .isPresent();
        return received ? Optional.of(bounces.takeBack(paymentNo, on, reason, Caller.SYSTEM)) : Optional.empty();
    }

    private record Scored(String code, int score, List<String> reasons) {}

    private static void score(Map<String, Scored> scored, String code, int points, String reason) {
        Scored before = scored.get(code);
        List<String> reasons = new ArrayList<>(before == null ? List.of() : before.reasons());
        reasons.add(reason);
        scored.put(code, new Scored(code, (before == null ? 0 : before.score()) + points, reasons));
    }

    private Booked bookFor(
            BankCredit credit,
            String customerCode,
            MatchedBy by,
            Collection<String> invoiceNos,
            BigDecimal tolerance,
            Caller caller) {
        // Locked before their open amounts are read, like every other writer of open amounts.
        List<InvoiceHit> open = invoiceNos.isEmpty()
                ? List.of()
                : invoices.lockByNos(invoiceNos).stream()
                        .filter(i -> i.invoice().customerCode().equals(customerCode)
                                && i.invoice().currency().equals(credit.currency())
                                && i.invoice().openAmount().signum() > 0)
                        .map(i -> new InvoiceHit(
                                i.id(),
                                i.invoice().invoiceNo(),
                                i.customerId(),
                                customerCode,
                                i.invoice().openAmount(),
                                i.invoice().currency(),
                                i.invoice().dueDate()))
                        .toList();
        BigDecimal writtenOff = BigDecimal.ZERO;
        List<ReceivePayment.RequestedAllocation> allocations = null;
        if (!open.isEmpty()) {
            Plan plan = BankMatching.settle(credit.amount(), open, tolerance);
            if (plan.writeOff() != null) {
                writtenOff = plan.writeOff().amount();
                creditNotes.issue(BankBookings.writeOffNote(credit, customerCode, plan.writeOff()), Caller.SYSTEM);
            }
            allocations = plan.settlements().stream()
                    .map(s -> new ReceivePayment.RequestedAllocation(s.invoiceNo(), s.amount()))
                    .toList();
        }
        Payment payment = payments.receive(
                        new ReceivePayment(
                                credit.paymentNo(),
                                customerCode,
                                credit.receivedOn(),
                                credit.amount(),
                                credit.currency(),
                                credit.cheque() ? PaymentMethod.CHEQUE.name() : PaymentMethod.BANK_TRANSFER.name(),
                                credit.cheque()
                                        ? Objects.requireNonNullElse(credit.chequeNo(), credit.paymentNo())
                                        : null,
                                allocations),
                        caller)
                .document();
        return new Booked(
                payment.paymentNo(),
                customerCode,
                by,
                payment.allocations().stream().map(Payment.Applied::invoiceNo).toList(),
                payment.unapplied(),
                writtenOff);
    }

    /** Why the credit cannot be a payment at all (zero, unknown currency, more decimals than it has), or null. */
    private static @Nullable String unbookable(BankCredit credit) {
        if (credit.amount().signum() <= 0) return "the amount is zero";
        Currency currency;
        try {
            currency = Currency.getInstance(credit.currency());
        } catch (IllegalArgumentException e) {
            return "unknown currency " + credit.currency();
        }
        if (credit.amount().stripTrailingZeros().scale() > Math.max(currency.getDefaultFractionDigits(), 0)) {
            return "the amount %s has more decimals than %s has".formatted(credit.amount(), credit.currency());
        }
        return null;
    }

    private static List<String> invoiceNos(List<InvoiceHit> hits) {
        return hits.stream().map(InvoiceHit::invoiceNo).toList();
    }
}

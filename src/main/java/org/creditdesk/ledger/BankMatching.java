package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.creditdesk.ledger.BankMatch.MatchedBy;
import org.jspecify.annotations.Nullable;

/**
 * The rules that turn a bank credit into a customer's payment, in the order they apply. Plain Java:
 * the lookups (accounts, invoice numbers, customer codes) are done beforehand, set-based, for a whole
 * statement.
 *
 * <ol>
 *   <li>The payer's account belongs to exactly one customer: that customer.
 *   <li>The account is shared by several customers: the one whose invoices the remittance names.
 *   <li>No account match: the customer of the invoices the remittance names (all of one customer).
 *   <li>Else a customer code named in the remittance (exactly one).
 *   <li>Else the credit waits in the unmatched queue.
 * </ol>
 *
 * Invoices: those named in the remittance (structured references first, then the words of the free
 * text), earliest due first; when none is named, the customer's oldest open invoices, as for CSV
 * payments. A payment short of the named invoices by no more than the tolerance settles them, the
 * difference written off on the last one; a larger shortfall is a partial payment.
 */
final class BankMatching {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;:()\\[\\]{}\"'+*=<>|]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[./#\\-_]+|[./#\\-_]+$");
    static final int MAX_REFERENCES = 64;

    private BankMatching() {}

    record CustomerHit(long id, String code) {}

    record InvoiceHit(
            long id,
            String invoiceNo,
            long customerId,
            String customerCode,
            BigDecimal open,
            String currency,
            LocalDate dueDate) {}

    sealed interface Decision {}

    record Pay(CustomerHit customer, MatchedBy by, List<InvoiceHit> invoices) implements Decision {}

    record NoMatch(String reason, List<String> candidates) implements Decision {}

    /** A write-off of a short payment within the tolerance. */
    record WriteOff(String invoiceNo, BigDecimal amount) {}

    record Settlement(String invoiceNo, BigDecimal amount) {}

    record Plan(List<Settlement> settlements, @Nullable WriteOff writeOff) {}

    /**
     * The words that may be invoice numbers or customer codes: each structured reference whole, and
     * each word of the free text that has a digit in it and at least three characters (as written and
     * upper-cased).
     */
    static Set<String> references(List<String> structured, String remittance) {
        Set<String> found = new LinkedHashSet<>();
        for (String ref : structured) {
            if (!ref.isBlank()) found.add(ref.strip());
        }
        for (String raw : SEPARATORS.split(remittance)) {
            String word = EDGE_PUNCTUATION.matcher(raw).replaceAll("");
            if (word.length() >= 3 && word.chars().anyMatch(Character::isDigit)) {
                found.add(word);
                found.add(word.toUpperCase(Locale.ROOT));
            }
            if (found.size() >= MAX_REFERENCES) break;
        }
        return found;
    }

    static Decision decide(
            Collection<CustomerHit> byAccount, Collection<InvoiceHit> named, Collection<CustomerHit> byCode) {
        Set<CustomerHit> ofInvoices = new LinkedHashSet<>();
        for (InvoiceHit invoice : named) ofInvoices.add(new CustomerHit(invoice.customerId(), invoice.customerCode()));
        if (byAccount.size() == 1) {
            CustomerHit customer = byAccount.iterator().next();
            return new Pay(customer, MatchedBy.ACCOUNT, invoicesOf(customer, named));
        }
        if (byAccount.size() > 1) {
            List<CustomerHit> narrowed =
                    byAccount.stream().filter(ofInvoices::contains).toList();
            if (narrowed.size() == 1) {
                return new Pay(narrowed.getFirst(), MatchedBy.INVOICE, invoicesOf(narrowed.getFirst(), named));
            }
            return new NoMatch(
                    "the payer's account belongs to %d customers".formatted(byAccount.size()), codes(byAccount));
        }
        if (ofInvoices.size() == 1) {
            CustomerHit customer = ofInvoices.iterator().next();
            return new Pay(customer, MatchedBy.INVOICE, invoicesOf(customer, named));
        }
        if (ofInvoices.size() > 1) {
            return new NoMatch(
                    "the remittance names invoices of %d customers".formatted(ofInvoices.size()), codes(ofInvoices));
        }
        if (byCode.size() == 1) return new Pay(byCode.iterator().next(), MatchedBy.CUSTOMER_CODE, List.of());
        if (byCode.size() > 1) {
            return new NoMatch("the remittance names %d customer codes".formatted(byCode.size()), codes(byCode));
        }
        return new NoMatch(
                "no customer has the payer's account, and the remittance names no invoice or customer", List.of());
    }

    /**
     * How {@code amount} settles the open invoices (same currency, open amount > 0), earliest due
     * first. Short by no more than {@code tolerance}: every invoice settles, the shortfall written off
     * on the latest-due invoice whose open amount covers it.
     */
    static Plan settle(BigDecimal amount, List<InvoiceHit> invoices, BigDecimal tolerance) {
        List<InvoiceHit> ordered = invoices.stream()
                .filter(i -> i.open().signum() > 0)
                .sorted(Comparator.comparing(InvoiceHit::dueDate).thenComparing(InvoiceHit::invoiceNo))
                .toList();
        BigDecimal total = ordered.stream().map(InvoiceHit::open).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shortfall = total.subtract(amount);
        if (shortfall.signum() > 0 && shortfall.compareTo(tolerance) <= 0) {
            for (int w = ordered.size() - 1; w >= 0; w--) {
                if (ordered.get(w).open().compareTo(shortfall) > 0) {
                    List<Settlement> settlements = new ArrayList<>();
                    for (int i = 0; i < ordered.size(); i++) {
                        InvoiceHit invoice = ordered.get(i);
                        BigDecimal settled = i == w ? invoice.open().subtract(shortfall) : invoice.open();
                        settlements.add(new Settlement(invoice.invoiceNo(), settled));
                    }
                    return new Plan(settlements, new WriteOff(ordered.get(w).invoiceNo(), shortfall));
                }
            }
        }
        List<Settlement> settlements = new ArrayList<>();
        BigDecimal left = amount;
        for (InvoiceHit invoice : ordered) {
            if (left.signum() <= 0) break;
            BigDecimal settled = invoice.open().min(left);
            settlements.add(new Settlement(invoice.invoiceNo(), settled));
            left = left.subtract(settled);
        }
        return new Plan(settlements, null);
    }

    /** Letters and digits, upper case: how banks' and customers' account numbers are compared. */
    static @Nullable String accountKey(@Nullable String account) {
        if (account == null) return null;
        // A loop, not replaceAll: this runs twice per entry of a 100,000-entry statement (a regex compiled each time).
        StringBuilder key = new StringBuilder(account.length());
        for (int i = 0; i < account.length(); i++) {
            char c = account.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) key.append(c);
            else if (c >= 'a' && c <= 'z') key.append((char) (c - 'a' + 'A'));
        }
        return key.isEmpty() ? null : key.toString();
    }

    private static List<InvoiceHit> invoicesOf(CustomerHit customer, Collection<InvoiceHit> named) {
        return named.stream().filter(i -> i.customerId() == customer.id()).toList();
    }

    private static List<String> codes(Collection<CustomerHit> customers) {
        return customers.stream().map(CustomerHit::code).sorted().toList();
    }
}

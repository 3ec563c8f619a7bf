package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.ledger.BankMatch.MatchedBy;
import org.creditdesk.ledger.BankMatching.CustomerHit;
import org.creditdesk.ledger.BankMatching.InvoiceHit;
import org.creditdesk.shared.Money;
import org.jspecify.annotations.Nullable;

/**
 * A statement's credits booked in entry order against open amounts held in memory, so a whole
 * statement is read with one locking query and written with a few set-based statements. Each credit
 * sees what the credits before it left open, exactly as when each went through {@link Payments} on
 * its own: named invoices settle by {@link BankMatching#settle} (a short payment within the
 * tolerance writes the shortfall off first, as the credit note did before the payment); a credit
 * whose named invoices are all settled already, or that names none, settles the customer's oldest
 * open invoices in its currency by {@link Allocation#oldestFirst}. Plain Java: no database here.
 */
final class BankBooking {

    /** One settlement of a planned payment, effective on the later of receipt and issue. */
    record Settled(OpenItem invoice, BigDecimal amount, LocalDate on) {
        long invoiceId() {
            return invoice.id();
        }

        String invoiceNo() {
            return invoice.invoiceNo();
        }
    }

    /** What one credit becomes: a payment of {@code customer} with its settlements and what stays on account. */
    record Planned(
            BankCredit credit,
            CustomerHit customer,
            MatchedBy by,
            List<Settled> settlements,
            BigDecimal unapplied,
            BankMatching.@Nullable WriteOff writeOff) {}

    /** An invoice as locked for the booking: what planning needs of it, its open amount as locked. */
    record OpenItem(
            long id,
            long customerId,
            String invoiceNo,
            LocalDate issueDate,
            LocalDate dueDate,
            BigDecimal openAmount,
            String currency) {}

    private final Map<String, OpenItem> byNo = new HashMap<>();
    private final Map<Long, List<OpenItem>> byCustomer = new HashMap<>();
    private final Map<String, BigDecimal> open = new HashMap<>();
    private final Set<Long> loadedCustomers;
    private final Set<Long> missing = new LinkedHashSet<>();

    /**
     * {@code locked}: the named invoices that are still open, and every open invoice of the {@code
     * loadedCustomers} only (in id order). A credit of another customer that has to be settled oldest
     * first (it names no open invoice of its customer) is planned against nothing and its customer
     * reported by {@link #missing()}: plan again with that customer's open invoices.
     */
    BankBooking(Collection<OpenItem> locked, Set<Long> loadedCustomers) {
        this.loadedCustomers = loadedCustomers;
        for (OpenItem invoice : locked) {
            String no = invoice.invoiceNo();
            if (byNo.putIfAbsent(no, invoice) != null) continue;
            byCustomer
                    .computeIfAbsent(invoice.customerId(), k -> new ArrayList<>())
                    .add(invoice);
            open.put(no, invoice.openAmount());
        }
    }

    Planned plan(BankCredit credit, CustomerHit customer, MatchedBy by, List<String> invoiceNos, BigDecimal tolerance) {
        List<InvoiceHit> named = new ArrayList<>();
        for (String no : invoiceNos) {
            OpenItem invoice = byNo.get(no);
            if (invoice == null) continue;
            BigDecimal left = open.get(no);
            if (invoice.customerId() == customer.id()
                    && invoice.currency().equals(credit.currency())
                    && left.signum() > 0) {
                named.add(new InvoiceHit(
                        invoice.id(), no, customer.id(), customer.code(), left, credit.currency(), invoice.dueDate()));
            }
        }
        List<Settled> settled = new ArrayList<>();
        BankMatching.WriteOff writeOff = null;
        BigDecimal unapplied;
        if (!named.isEmpty()) {
            BankMatching.Plan plan = BankMatching.settle(credit.amount(), named, tolerance);
            writeOff = plan.writeOff();
            if (writeOff != null)
                open.merge(writeOff.invoiceNo(), writeOff.amount().negate(), BigDecimal::add);
            BigDecimal total = BigDecimal.ZERO;
            for (BankMatching.Settlement s : plan.settlements()) {
                settle(credit, s.invoiceNo(), s.amount(), settled);
                total = total.add(s.amount());
            }
            unapplied =
                    Money.of(credit.amount().subtract(total), credit.currency()).amount();
        } else {
            if (!loadedCustomers.contains(customer.id())) missing.add(customer.id());
            List<Allocation.OpenInvoice> items = new ArrayList<>();
            for (OpenItem i : byCustomer.getOrDefault(customer.id(), List.of())) {
                items.add(new Allocation.OpenInvoice(
                        i.invoiceNo(), i.issueDate(), i.dueDate(), Money.of(open.get(i.invoiceNo()), i.currency())));
            }
            Allocation.Plan plan = Allocation.oldestFirst(Money.of(credit.amount(), credit.currency()), items);
            for (Allocation.Settlement s : plan.settlements()) {
                settle(credit, s.invoiceNo(), s.amount().amount(), settled);
            }
            unapplied = plan.remainder().amount();
        }
        return new Planned(credit, customer, by, settled, unapplied, writeOff);
    }

    /** The customers whose open invoices a credit needed but were not given: plan again with them. */
    Set<Long> missing() {
        return missing;
    }

    private void settle(BankCredit credit, String invoiceNo, BigDecimal amount, List<Settled> settled) {
        OpenItem invoice = byNo.get(invoiceNo);
        open.merge(invoiceNo, amount.negate(), BigDecimal::add);
        settled.add(new Settled(invoice, amount, Invoicing.effectiveOn(credit.receivedOn(), invoice.issueDate())));
    }
}

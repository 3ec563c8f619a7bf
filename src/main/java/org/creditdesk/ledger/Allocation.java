package org.creditdesk.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.Violation;

/**
 * How money received (a payment or a credit note) settles a customer's open invoices. Plain Java so
 * the rule can be tested on thousands of random books without a database; the service locks and
 * loads the items, asks this policy, and writes what it answers.
 */
final class Allocation {

    /** Oldest first means the invoice that fell due first; ties by issue date, then number. */
    static final Comparator<OpenInvoice> OLDEST_FIRST = Comparator.comparing(OpenInvoice::dueDate)
            .thenComparing(OpenInvoice::issueDate)
            .thenComparing(OpenInvoice::invoiceNo);

    private Allocation() {}

    /** An invoice that still has money to receive, in its own currency. */
    record OpenInvoice(String invoiceNo, LocalDate issueDate, LocalDate dueDate, Money openAmount) {}

    /** Part of the money applied to one invoice. */
    record Settlement(String invoiceNo, Money amount) {}

    /** The settlements in application order and what is left on account. */
    record Plan(List<Settlement> settlements, Money remainder) {

        Plan {
            settlements = List.copyOf(settlements);
        }
    }

    /** An allocation the payer asked for: position in the request, invoice and amount. */
    record Requested(int index, String invoiceNo, Money amount) {}

    sealed interface Outcome permits Planned, Refused {}

    record Planned(Plan plan) implements Outcome {}

    record Refused(List<Violation> violations) implements Outcome {

        Refused {
            violations = List.copyOf(violations);
        }
    }

    /**
     * Settles the open items in the money's currency oldest first until the money runs out; items
     * in another currency are left alone because no exchange rate is guessed.
     */
    static Plan oldestFirst(Money money, List<OpenInvoice> openItems) {
        List<OpenInvoice> ordered = openItems.stream()
                .filter(item -> item.openAmount().currency().equals(money.currency()))
                .filter(item -> item.openAmount().isPositive())
                .sorted(OLDEST_FIRST)
                .toList();
        List<Settlement> settlements = new ArrayList<>();
        Money left = money;
        for (OpenInvoice item : ordered) {
            if (!left.isPositive()) break;
            Money applied = left.min(item.openAmount());
            settlements.add(new Settlement(item.invoiceNo(), applied));
            left = left.minus(applied);
        }
        return new Plan(settlements, left);
    }

    /**
     * Checks the allocations a payer named: each invoice must be one of the customer's open items
     * (given by number), in the payment's currency, receive no more than it has open (repeated
     * invoices count together), and all of them together no more than the payment.
     */
    static Outcome explicit(Money payment, List<Requested> requested, Map<String, OpenInvoice> customersInvoices) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Money> allocatedSoFar = new HashMap<>();
        Money total = Money.zero(payment.currency());
        List<Settlement> settlements = new ArrayList<>();
        for (Requested request : requested) {
            String prefix = "allocations[%d].".formatted(request.index());
            OpenInvoice invoice = customersInvoices.get(request.invoiceNo());
            if (invoice == null) {
                violations.add(Violation.field(
                        prefix + "invoiceNo",
                        "Invoice %s is not an invoice of this customer".formatted(request.invoiceNo())));
                continue;
            }
            if (!invoice.openAmount().currency().equals(payment.currency())) {
                violations.add(Violation.field(
                        prefix + "invoiceNo",
                        "Invoice %s is in %s, the payment in %s"
                                .formatted(
                                        request.invoiceNo(),
                                        invoice.openAmount().currency(),
                                        payment.currency())));
                continue;
            }
            Money already = allocatedSoFar.getOrDefault(request.invoiceNo(), Money.zero(payment.currency()));
            Money after = already.plus(request.amount());
            if (after.compareTo(invoice.openAmount()) > 0) {
                violations.add(Violation.field(
                        prefix + "amount",
                        "%s exceeds the open amount %s of invoice %s"
                                .formatted(
                                        request.amount().amount().toPlainString(),
                                        invoice.openAmount().amount().toPlainString(),
                                        request.invoiceNo())));
                continue;
            }
            allocatedSoFar.put(request.invoiceNo(), after);
            total = total.plus(request.amount());
            settlements.add(new Settlement(request.invoiceNo(), request.amount()));
        }
        if (total.compareTo(payment) > 0) {
            violations.add(Violation.field(
                    "allocations",
                    "The allocations total %s, more than the payment's %s"
                            .formatted(
                                    total.amount().toPlainString(),
                                    payment.amount().toPlainString())));
        }
        if (!violations.isEmpty()) {
            return new Refused(violations);
        }
        return new Planned(new Plan(settlements, payment.minus(total)));
    }
}

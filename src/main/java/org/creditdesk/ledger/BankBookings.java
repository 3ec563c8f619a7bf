package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.BankBooking.Planned;
import org.creditdesk.ledger.BankBooking.Settled;
import org.creditdesk.ledger.BankMatch.Booked;
import org.creditdesk.ledger.BankMatch.MatchedBy;
import org.creditdesk.ledger.BankMatching.CustomerHit;
import org.creditdesk.shared.EnabledCurrencies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books the matched credits of a bank statement as payments in one go: one query locks the named
 * invoices and the open invoices of the customers whose credits are settled oldest first (in id
 * order, as every writer of open amounts does; a second round only when a credit's named invoices
 * turn out paid), {@link BankBooking} plans every credit in entry order, and a few set-based statements write
 * payments, allocations and open amounts. Short payments within the tolerance are written off by a
 * credit note each, after the payments. Publishes no {@code PaymentReceived}: the caller has the
 * running credit totals of the customers rebuilt in the same transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class BankBookings {

    /** A credit whose customer {@link BankMatching#decide} found, with the invoices the remittance names. */
    record Paying(
            BankCredit credit, CustomerHit customer, MatchedBy by, List<String> invoiceNos, List<Long> invoiceIds) {}

    private final InvoiceRepository invoices;
    private final BankBookingRepository repository;
    private final CreditNotes creditNotes;
    private final EnabledCurrencies enabledCurrencies;

    BankBookings(
            InvoiceRepository invoices,
            BankBookingRepository repository,
            CreditNotes creditNotes,
            EnabledCurrencies enabledCurrencies) {
        this.invoices = invoices;
        this.repository = repository;
        this.creditNotes = creditNotes;
        this.enabledCurrencies = enabledCurrencies;
    }

    List<Booked> book(List<Paying> paying, BigDecimal tolerance) {
        if (paying.isEmpty()) return List.of();
        Map<Long, String> named = new LinkedHashMap<>();
        Set<String> currencies = new LinkedHashSet<>();
        for (Paying p : paying) {
            for (int i = 0; i < p.invoiceIds().size(); i++)
                named.put(p.invoiceIds().get(i), p.invoiceNos().get(i));
            currencies.add(p.credit().currency());
        }
        currencies.forEach(c -> enabledCurrencies.require("currency", Currency.getInstance(c)));

        // Every named invoice, and the open invoices of the customers a credit must settle oldest first:
        // first those of the credits that name none; a credit whose named invoices turn out paid (before,
        // or by an earlier credit of the file) adds its customer and the plan is made again. A customer
        // whose credits only settle invoices they name needs nothing else (a few rounds at most; most
        // statements need one). Locks are taken in id order within a round.
        Set<Long> full = new HashSet<>();
        for (Paying p : paying) {
            if (p.invoiceNos().isEmpty()) full.add(p.customer().id());
        }
        List<BankBooking.OpenItem> locked = new ArrayList<>(invoices.lockForBooking(named, full));
        List<Planned> plans;
        while (true) {
            BankBooking booking = new BankBooking(locked, full);
            plans = new ArrayList<>(paying.size());
            for (Paying p : paying)
                plans.add(booking.plan(p.credit(), p.customer(), p.by(), p.invoiceNos(), tolerance));
            if (booking.missing().isEmpty()) break;
            full.addAll(booking.missing());
            locked.addAll(invoices.lockForBooking(Map.of(), booking.missing()));
            locked.sort(Comparator.comparingLong(BankBooking.OpenItem::id));
        }

        List<AllocationRepository.NewAllocation> settled = new ArrayList<>();
        for (Planned plan : plans) {
            for (Settled s : plan.settlements()) {
                settled.add(new AllocationRepository.NewAllocation(s.invoiceId(), s.amount(), s.on()));
            }
        }
        repository.insertAllocations(plans, repository.insertPayments(plans));
        invoices.settle(settled);

        List<Booked> booked = new ArrayList<>(plans.size());
        for (Planned plan : plans) {
            BankCredit credit = plan.credit();
            BigDecimal writtenOff = BigDecimal.ZERO;
            if (plan.writeOff() != null) {
                writtenOff = plan.writeOff().amount();
                creditNotes.issue(writeOffNote(credit, plan.customer().code(), plan.writeOff()), Caller.SYSTEM);
            }
            booked.add(new Booked(
                    credit.paymentNo(),
                    plan.customer().code(),
                    plan.by(),
                    plan.settlements().stream().map(Settled::invoiceNo).toList(),
                    plan.unapplied(),
                    writtenOff));
        }
        return booked;
    }

    /** The credit note {@code WO-<payment no>} that writes off a short payment within the tolerance. */
    static IssueCreditNote writeOffNote(BankCredit credit, String customerCode, BankMatching.WriteOff writeOff) {
        return new IssueCreditNote(
                "WO-" + credit.paymentNo(),
                customerCode,
                writeOff.invoiceNo(),
                credit.receivedOn(),
                writeOff.amount(),
                "Short payment within the bank matching tolerance (payment %s)".formatted(credit.paymentNo()),
                credit.currency());
    }
}

package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.AllocationRepository.NewAllocation;
import org.creditdesk.ledger.AllocationRepository.PaymentAllocation;
import org.creditdesk.ledger.InvoiceRepository.StoredInvoice;
import org.creditdesk.ledger.PaymentRepository.StoredPayment;
import org.creditdesk.ledger.ReceivePayment.RequestedAllocation;
import org.creditdesk.shared.EnabledCurrencies;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.TextLimits;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives payments and applies them to open invoices. The invoices a payment may touch are locked
 * before their open amounts are read, so two payments for one customer apply one after the other
 * and can never settle the same open amount twice.
 */
@Service
class Payments {

    private final EnabledCurrencies enabledCurrencies;

    private static final String RECEIVED = "RECEIVED";

    private final PaymentRepository payments;
    private final InvoiceRepository invoices;
    private final AllocationRepository allocations;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    Payments(
            PaymentRepository payments,
            InvoiceRepository invoices,
            AllocationRepository allocations,
            Customers customers,
            ApplicationEventPublisher events,
            EnabledCurrencies enabledCurrencies) {
        this.enabledCurrencies = enabledCurrencies;
        this.payments = payments;
        this.invoices = invoices;
        this.allocations = allocations;
        this.customers = customers;
        this.events = events;
    }

    private record Wanted(String invoiceNo, BigDecimal amount) {}

    @Transactional
    Recorded<Payment> receive(ReceivePayment command, Caller caller) {
        Inputs in = new Inputs();
        String paymentNo = in.key("paymentNo", command.paymentNo());
        String customerCode = in.text("customerCode", command.customerCode());
        LocalDate receivedOn = in.date("receivedOn", command.receivedOn());
        Currency requestedCurrency = in.currency("currency", command.currency());
        enabledCurrencies.require("currency", requestedCurrency);
        BigDecimal amount = in.amount("amount", command.amount(), requestedCurrency);
        PaymentMethod method = in.choice("method", command.method(), PaymentMethod.class);
        String chequeNo = in.optionalText("chequeNo", command.chequeNo(), TextLimits.SHORT_MAX);
        if (method == PaymentMethod.CHEQUE && chequeNo == null) {
            in.add("chequeNo", "is required for a cheque");
        }
        List<Wanted> wanted = new ArrayList<>();
        List<RequestedAllocation> requested = command.allocations() == null ? List.of() : command.allocations();
        for (int i = 0; i < requested.size(); i++) {
            RequestedAllocation allocation = requested.get(i);
            String prefix = "allocations[%d].".formatted(i);
            if (allocation == null) {
                in.add("allocations[%d]".formatted(i), "is required");
                continue;
            }
            wanted.add(new Wanted(
                    in.text(prefix + "invoiceNo", allocation.invoiceNo()),
                    in.amount(prefix + "amount", allocation.amount(), requestedCurrency)));
        }
        in.rejectIfAny();

        CustomerRef customer = customers.require(customerCode, caller);
        Currency currency = requestedCurrency != null ? requestedCurrency : Currency.getInstance(customer.currency());
        Money money = Inputs.money("amount", amount, currency);
        List<Allocation.Requested> explicit = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            explicit.add(new Allocation.Requested(
                    i,
                    wanted.get(i).invoiceNo(),
                    Inputs.money(
                            "allocations[%d].amount".formatted(i), wanted.get(i).amount(), currency)));
        }

        Optional<StoredPayment> existing = payments.findByNo(paymentNo);
        if (existing.isPresent()) {
            return unchanged(existing.get(), customer, receivedOn, money, method, chequeNo, explicit);
        }

        List<StoredInvoice> locked;
        Allocation.Plan plan;
        if (explicit.isEmpty()) {
            locked = invoices.lockOpenOfCustomer(customer.id(), currency.getCurrencyCode());
            plan = Allocation.oldestFirst(money, openItems(locked));
        } else {
            locked =
                    invoices
                            .lockByNos(explicit.stream()
                                    .map(Allocation.Requested::invoiceNo)
                                    .collect(Collectors.toSet()))
                            .stream()
                            .filter(i -> i.customerId() == customer.id())
                            .toList();
            Map<String, Allocation.OpenInvoice> known = openItems(locked).stream()
                    .collect(Collectors.toMap(Allocation.OpenInvoice::invoiceNo, Function.identity()));
            plan = switch (Allocation.explicit(money, explicit, known)) {
                case Allocation.Planned planned -> planned.plan();
                case Allocation.Refused refused ->
                    throw ProblemException.ruleViolation("The allocations cannot be applied", refused.violations());
            };
        }

        Map<String, StoredInvoice> byNo =
                locked.stream().collect(Collectors.toMap(i -> i.invoice().invoiceNo(), Function.identity()));
        List<NewAllocation> rows = plan.settlements().stream()
                .map(s -> {
                    StoredInvoice invoice = byNo.get(s.invoiceNo());
                    return new NewAllocation(
                            invoice.id(), s.amount().amount(), Invoicing.effectiveOn(receivedOn, invoice.invoice()));
                })
                .toList();
        List<Payment.Applied> applied = plan.settlements().stream()
                .map(s -> new Payment.Applied(
                        s.invoiceNo(),
                        s.amount().amount(),
                        Invoicing.effectiveOn(
                                receivedOn, byNo.get(s.invoiceNo()).invoice())))
                .toList();
        Payment payment = new Payment(
                paymentNo,
                customer.code(),
                receivedOn,
                money.amount(),
                currency.getCurrencyCode(),
                method,
                chequeNo,
                plan.remainder().amount(),
                RECEIVED,
                applied);
        Optional<Long> id = payments.insert(customer.id(), payment);
        if (id.isEmpty()) {
            return unchanged(
                    payments.findByNo(paymentNo).orElseThrow(),
                    customer,
                    receivedOn,
                    money,
                    method,
                    chequeNo,
                    explicit);
        }
        allocations.insertForPayment(customer.id(), id.get(), rows);
        invoices.settle(rows);
        events.publishEvent(new PaymentReceived(
                id.get(),
                paymentNo,
                customer.id(),
                money,
                currency.getCurrencyCode(),
                receivedOn,
                method,
                plan.remainder()));
        return new Recorded<>(payment, true);
    }

    @Transactional(readOnly = true)
    Payment find(String paymentNo, Caller caller) {
        StoredPayment stored = payments.findByNo(paymentNo)
                .orElseThrow(() -> ProblemException.notFound("Unknown payment " + paymentNo)
                        .withKey("problem.text.unknownPayment", paymentNo));
        customers.require(stored.payment().customerCode(), caller);
        return withAllocations(List.of(stored)).getFirst();
    }

    @Transactional(readOnly = true)
    ResultPage<Payment> ofCustomer(CustomerRef customer, int page, int size) {
        List<StoredPayment> stored = payments.ofCustomer(customer.id(), size, (long) page * size);
        return new ResultPage<>(withAllocations(stored), page, size, payments.countOfCustomer(customer.id()));
    }

    private List<Payment> withAllocations(List<StoredPayment> stored) {
        Map<Long, List<Payment.Applied>> applied =
                allocations.ofPayments(stored.stream().map(StoredPayment::id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                PaymentAllocation::paymentId,
                                Collectors.mapping(PaymentAllocation::applied, Collectors.toList())));
        return stored.stream()
                .map(s -> {
                    Payment p = s.payment();
                    return new Payment(
                            p.paymentNo(),
                            p.customerCode(),
                            p.receivedOn(),
                            p.amount(),
                            p.currency(),
                            p.method(),
                            p.chequeNo(),
                            p.unapplied(),
                            p.status(),
                            applied.getOrDefault(s.id(), List.of()));
                })
                .toList();
    }

    private static List<Allocation.OpenInvoice> openItems(List<StoredInvoice> invoices) {
        return invoices.stream().map(i -> Invoicing.openItem(i.invoice())).toList();
    }

    private Recorded<Payment> unchanged(
            StoredPayment existing,
            CustomerRef customer,
            LocalDate receivedOn,
            Money money,
            PaymentMethod method,
            String chequeNo,
            List<Allocation.Requested> explicit) {
        Payment payment = withAllocations(List.of(existing)).getFirst();
        boolean same = existing.customerId() == customer.id()
                && payment.receivedOn().equals(receivedOn)
                && payment.amount().compareTo(money.amount()) == 0
                && payment.currency().equals(money.currency().getCurrencyCode())
                && payment.method() == method
                && Objects.equals(payment.chequeNo(), chequeNo)
                && (explicit.isEmpty() || sameAllocations(payment.allocations(), explicit));
        if (!same) {
            throw ProblemException.conflict(
                            "Payment %s exists already with other content".formatted(payment.paymentNo()))
                    .withKey("problem.text.paymentExistsAlreadyWithOtherContent", payment.paymentNo());
        }
        return new Recorded<>(payment, false);
    }

    private static boolean sameAllocations(List<Payment.Applied> stored, List<Allocation.Requested> requested) {
        List<String> left = stored.stream()
                .map(a -> a.invoiceNo() + "=" + a.amount().stripTrailingZeros().toPlainString())
                .sorted()
                .toList();
        List<String> right = requested.stream()
                .map(r -> r.invoiceNo() + "="
                        + r.amount().amount().stripTrailingZeros().toPlainString())
                .sorted()
                .toList();
        return left.equals(right);
    }
}

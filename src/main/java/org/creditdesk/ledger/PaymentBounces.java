package org.creditdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.PaymentRepository.StoredPayment;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounces a cheque, or takes back a returned transfer: its settlements are reversed as of the bounce
 * date (kept, not deleted, so the ledger can still be replayed for earlier dates), the invoices it
 * settled are open again, and {@link ChequeBounced} (or {@link PaymentReturned}) tells the credit and
 * risk modules in the same transaction.
 */
@Service
class PaymentBounces {

    static final String BOUNCED = "BOUNCED";

    private final PaymentRepository payments;
    private final PaymentBounceRepository bounces;
    private final Customers customers;
    private final ApplicationEventPublisher events;

    PaymentBounces(
            PaymentRepository payments,
            PaymentBounceRepository bounces,
            Customers customers,
            ApplicationEventPublisher events) {
        this.payments = payments;
        this.bounces = bounces;
        this.customers = customers;
        this.events = events;
    }

    /**
     * The bank took the payment back (a statement's return or reversal): a cheque bounces with the
     * cheque rule ({@link ChequeBounced}); any other payment is reversed and reopened the same way
     * but stops no credit ({@link PaymentReturned}).
     */
    @Transactional
    BouncedPayment takeBack(String paymentNo, LocalDate returnedOn, String reason, Caller caller) {
        StoredPayment stored = payments.findByNo(paymentNo)
                .orElseThrow(() -> ProblemException.notFound("Unknown payment " + paymentNo)
                        .withKey("problem.text.unknownPayment", paymentNo));
        if (stored.payment().method() == PaymentMethod.CHEQUE) {
            return bounce(paymentNo, new BounceCheque(returnedOn, reason), caller);
        }
        bounces.lockPayment(paymentNo);
        stored = payments.findByNo(paymentNo).orElseThrow();
        CustomerRef customer = customers.require(stored.payment().customerCode(), caller);
        Payment payment = stored.payment();
        LocalDate on = returnedOn.isBefore(payment.receivedOn()) ? payment.receivedOn() : returnedOn;
        if (BOUNCED.equals(payment.status())) {
            throw ProblemException.conflict("Payment %s was taken back already".formatted(paymentNo))
                    .withKey("problem.text.paymentWasTakenBackAlready", paymentNo);
        }
        List<BouncedPayment.Reopened> reopened = bounces.reverse(stored.id(), on);
        bounces.markBounced(stored.id(), on, reason);
        BigDecimal reopenedTotal =
                reopened.stream().map(BouncedPayment.Reopened::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        events.publishEvent(new PaymentReturned(
                stored.id(),
                paymentNo,
                customer.id(),
                customer.code(),
                payment.method(),
                Money.of(payment.amount(), payment.currency()),
                Money.of(reopenedTotal, payment.currency()),
                Money.of(payment.unapplied(), payment.currency()),
                on,
                reason));
        return new BouncedPayment(
                paymentNo,
                customer.code(),
                payment.chequeNo(),
                payment.amount(),
                payment.currency(),
                payment.receivedOn(),
                on,
                reason,
                BOUNCED,
                reopened);
    }

    @Transactional
    BouncedPayment bounce(String paymentNo, BounceCheque command, Caller caller) {
        Inputs in = new Inputs();
        LocalDate bouncedOn = in.date("bouncedOn", command.bouncedOn());
        String reason = in.text("reason", command.reason());
        in.rejectIfAny();
        if (caller.roles().equals(Set.of(Role.AUDITOR))) {
            throw ProblemException.forbidden("Auditors may read but not bounce payments")
                    .withKey("problem.text.auditorsMayReadButNotBouncePayments");
        }

        // Locked first: two bounces of one cheque take turns, and the second sees BOUNCED.
        bounces.lockPayment(paymentNo);
        StoredPayment stored = payments.findByNo(paymentNo)
                .orElseThrow(() -> ProblemException.notFound("Unknown payment " + paymentNo)
                        .withKey("problem.text.unknownPayment", paymentNo));
        CustomerRef customer = customers.require(stored.payment().customerCode(), caller);
        Payment payment = stored.payment();
        if (payment.method() != PaymentMethod.CHEQUE) {
            throw ProblemException.ruleViolation(
                            "paymentNo",
                            "only a cheque can bounce; payment %s was received by %s"
                                    .formatted(paymentNo, payment.method()))
                    .withKey("problem.text.onlyAChequeCanBouncePaymentWas", paymentNo, payment.method());
        }
        if (BOUNCED.equals(payment.status())) {
            throw ProblemException.conflict("Cheque payment %s has bounced already".formatted(paymentNo))
                    .withKey("problem.text.chequePaymentHasBouncedAlready", paymentNo);
        }
        if (bouncedOn.isBefore(payment.receivedOn())) {
            throw ProblemException.ruleViolation(
                            "bouncedOn", "must not be before the cheque was received on " + payment.receivedOn())
                    .withKey("problem.text.mustNotBeBeforeTheChequeWas", payment.receivedOn());
        }

        List<BouncedPayment.Reopened> reopened = bounces.reverse(stored.id(), bouncedOn);
        if (!bounces.markBounced(stored.id(), bouncedOn, reason)) {
            throw ProblemException.conflict("Cheque payment %s has bounced already".formatted(paymentNo))
                    .withKey("problem.text.chequePaymentHasBouncedAlready", paymentNo);
        }
        BigDecimal reopenedTotal =
                reopened.stream().map(BouncedPayment.Reopened::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        events.publishEvent(new ChequeBounced(
                stored.id(),
                paymentNo,
                customer.id(),
                customer.code(),
                payment.chequeNo(),
                Money.of(payment.amount(), payment.currency()),
                Money.of(reopenedTotal, payment.currency()),
                Money.of(payment.unapplied(), payment.currency()),
                bouncedOn,
                reason));
        return new BouncedPayment(
                paymentNo,
                customer.code(),
                payment.chequeNo(),
                payment.amount(),
                payment.currency(),
                payment.receivedOn(),
                bouncedOn,
                reason,
                BOUNCED,
                reopened);
    }
}

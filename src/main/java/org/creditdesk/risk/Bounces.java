package org.creditdesk.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.credit.CreditLimitVersion;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.credit.ErpEventType;
import org.creditdesk.credit.ErpEvents;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.ChequeBounced;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.ledger.OpenItem;
import org.creditdesk.monitoring.LegalCases;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounced cheques (DESIGN.md point 4): a bounce stops the customer's credit at once; only a credit
 * manager reinstates it, with a limit cut by a configured share; a second bounce within 24 months
 * stops credit for good, opens a legal case and marks everything open for recovery. The bounce
 * counts feed the scorecard.
 */
@Service
public class Bounces {

    static final String STOP_REASON = "BOUNCED_CHEQUE";
    static final String FINAL_STOP_REASON = "SECOND_BOUNCED_CHEQUE";

    private final BounceRepository repository;
    private final BounceSettings settings;
    private final Customers customers;
    private final CreditAccounts accounts;
    private final CreditLimits limits;
    private final ErpEvents erpEvents;
    private final Ledger ledger;
    private final Alerts alerts;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final LegalCases legalCases;

    Bounces(
            BounceRepository repository,
            BounceSettings settings,
            Customers customers,
            CreditAccounts accounts,
            CreditLimits limits,
            ErpEvents erpEvents,
            Ledger ledger,
            Alerts alerts,
            BusinessCalendar calendar,
            Clock clock,
            LegalCases legalCases) {
        this.repository = repository;
        this.settings = settings;
        this.customers = customers;
        this.accounts = accounts;
        this.limits = limits;
        this.erpEvents = erpEvents;
        this.ledger = ledger;
        this.alerts = alerts;
        this.calendar = calendar;
        this.clock = clock;
        this.legalCases = legalCases;
    }

    /** How many cheques of the customer bounced between {@code from} and {@code to}, both inclusive. */
    @Transactional(readOnly = true)
    public int countWithin(long customerId, LocalDate from, LocalDate to) {
        return repository.countWithin(customerId, from, to);
    }

    /** The same for every customer at once (customers without a bounce are absent), one statement. */
    @Transactional(readOnly = true)
    public Map<Long, Integer> countsWithin(LocalDate from, LocalDate to) {
        return repository.countsWithin(from, to);
    }

    /** The arguments of the bounce alerts' texts: cheque, payment, amount, date, reason. */
    private static List<String> bounceArgs(ChequeBounced bounce, LocalDate on) {
        return List.of(
                String.valueOf(bounce.chequeNo()),
                bounce.paymentNo(),
                String.valueOf(bounce.amount()),
                on.toString(),
                String.valueOf(bounce.reason()));
    }

    /** Called in the bounce's transaction: stops the customer, and for good on a second bounce. */
    @Transactional
    void bounced(ChequeBounced bounce) {
        CustomerRef customer = customers.require(bounce.customerCode(), Caller.SYSTEM);
        LocalDate on = bounce.bouncedOn();
        int within = repository.countWithin(customer.id(), on.minusMonths(settings.months()), on) + 1;
        BounceOutcome outcome = BounceOutcome.of(within);
        repository.insert(
                customer.id(),
                bounce.paymentNo(),
                bounce.chequeNo(),
                bounce.amount().amount(),
                bounce.amount().currency().getCurrencyCode(),
                on,
                bounce.reason(),
                outcome,
                now());
        String what = "Cheque %s of payment %s (%s) bounced on %s: %s"
                .formatted(bounce.chequeNo(), bounce.paymentNo(), bounce.amount(), on, bounce.reason());
        accounts.markBouncedCheque(customer, true, what, Caller.SYSTEM);
        switch (outcome) {
            case STOPPED -> {
                accounts.stop(customer, STOP_REASON, Caller.SYSTEM);
                alerts.raise(
                        customer.id(),
                        AlertType.CHEQUE_BOUNCED,
                        what + "; credit stopped",
                        "risk.alert.chequeBounced",
                        bounceArgs(bounce, on),
                        null,
                        on);
            }
            case STOPPED_FOR_GOOD -> {
                accounts.stop(customer, FINAL_STOP_REASON, Caller.SYSTEM);
                long caseId = openLegalCase(customer, on, within);
                alerts.raise(
                        customer.id(),
                        AlertType.CHEQUE_BOUNCED,
                        "%s; %d bounces within %d months: credit stopped for good, legal case %d opened"
                                .formatted(what, within, settings.months(), caseId),
                        "risk.alert.chequeBouncedForGood",
                        java.util.stream.Stream.concat(
                                        bounceArgs(bounce, on).stream(),
                                        java.util.stream.Stream.of(
                                                String.valueOf(within),
                                                String.valueOf(settings.months()),
                                                String.valueOf(caseId)))
                                .toList(),
                        null,
                        on);
            }
        }
    }

    /**
     * A credit manager lets a customer stopped for a bounced cheque buy again, with its limit cut by
     * the configured share (a new approved limit version). 422 after a second bounce.
     */
    @Transactional
    public BounceReinstatement reinstate(String customerCode, BounceReinstate input, Caller caller) {
        if (!caller.has(Role.CREDIT_MANAGER)) {
            throw ProblemException.forbidden("Only a CREDIT_MANAGER may reinstate a customer after a bounced cheque")
                    .withKey("problem.text.onlyACREDITMANAGERMayReinstateA");
        }
        String note = input.note() == null ? "" : input.note().strip();
        if (note.isEmpty()) {
            throw ProblemException.malformed(
                            "A reinstatement needs a note",
                            List.of(Violation.field("note", "is required: say why the customer may buy again")))
                    .withKey("problem.text.aReinstatementNeedsANote");
        }
        CustomerRef customer = customers.require(customerCode, caller);
        LocalDate forGood = repository.stoppedForGoodOn(customer.id());
        if (forGood != null) {
            throw ProblemException.ruleViolation(
                            "code",
                            "%s's credit was stopped for good after a second bounced cheque on %s; it cannot be reinstated"
                                    .formatted(customer.code(), forGood))
                    .withKey("problem.text.sCreditWasStoppedForGoodAfter", customer.code(), forGood);
        }
        List<String> payments = repository.markReinstated(customer.id(), caller.username(), now(), note);
        if (payments.isEmpty()) {
            throw ProblemException.ruleViolation(
                            "code", "%s is not stopped for a bounced cheque".formatted(customer.code()))
                    .withKey("problem.text.isNotStoppedForABouncedCheque", customer.code());
        }
        BigDecimal cut = settings.cut();
        accounts.reinstate(customer, note, caller);
        BigDecimal previous = limits.usableLimit(customer.id(), null, calendar.today())
                .map(line -> line.limit().amount())
                .orElse(null);
        Optional<CreditLimitVersion> reduced = limits.reduce(
                customer,
                cut,
                "Reinstated after bounced cheque(s) %s: limit cut by %s%%. %s"
                        .formatted(
                                String.join(", ", payments),
                                cut.movePointRight(2).stripTrailingZeros().toPlainString(),
                                note),
                caller);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", "REINSTATED_AFTER_BOUNCED_CHEQUE");
        payload.put("creditLimit", reduced.map(CreditLimitVersion::amount).orElse(null));
        erpEvents.publish(ErpEventType.CUSTOMER_RELEASED, customer.code(), null, payload);
        return new BounceReinstatement(
                customer.code(),
                "ACTIVE",
                previous,
                reduced.map(CreditLimitVersion::amount).orElse(null),
                reduced.map(CreditLimitVersion::currency).orElse(null),
                cut,
                note,
                caller.username());
    }

    private long openLegalCase(CustomerRef customer, LocalDate bouncedOn, int bounces) {
        LocalDate today = calendar.today();
        LocalDate asOf = today.isAfter(bouncedOn) ? today : bouncedOn;
        List<OpenItem> open = ledger.openItems(customer.code(), asOf, Caller.SYSTEM);
        String reason = "%d bounced cheques within %d months".formatted(bounces, settings.months());
        // The case (and the LEGAL block) is monitoring's: one open case per customer, whoever opens it.
        long caseId =
                legalCases.open(customer.id(), reason, asOf, Caller.SYSTEM).id();
        repository.markForRecovery(caseId, customer.id(), asOf, open);
        return caseId;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

package org.creditdesk.risk;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.credit.CreditAccounts;
import org.creditdesk.customers.CustomerDetails;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Linked parties (DESIGN.md point 5): keeps every customer's normalised keys, lists a customer's
 * links, blocks customers linked to a stopped or legal customer ({@code LINKED_TO_STOPPED_CUSTOMER})
 * with an alert, and lets a credit manager clear a link with a reason.
 */
@Service
public class Links {

    private static final Logger log = LoggerFactory.getLogger(Links.class);

    /** Customers read, normalised and written per round trip when rebuilding many. */
    static final int BATCH = 5_000;

    /** A key shared by more customers than this is a hub (a business park's address), listed only so far. */
    static final int MAX_LINKS = 500;

    static final String AUDIT_SUBJECT = "CUSTOMER";

    private final LinkRepository repository;
    private final Customers customers;
    private final CreditAccounts accounts;
    private final Alerts alerts;
    private final AuditTrail audit;
    private final Clock clock;

    Links(
            LinkRepository repository,
            Customers customers,
            CreditAccounts accounts,
            Alerts alerts,
            AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.customers = customers;
        this.accounts = accounts;
        this.alerts = alerts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every link of the customer (404 outside the caller's areas), by linked customer. */
    @Transactional(readOnly = true)
    public List<Link> of(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.linksOf(customer.id(), MAX_LINKS).stream()
                .map(f -> {
                    boolean stopped = f.legal() || "STOPPED".equals(f.creditState());
                    boolean blocking = stopped && !f.cleared();
                    if (!caller.sees(f.linkedArea())) {
                        return new Link(null, f.attribute(), null, null, false, f.cleared(), blocking, true);
                    }
                    return new Link(
                            f.linkedCode(),
                            f.attribute(),
                            f.value(),
                            f.legal() ? "STOPPED" : f.creditState(),
                            f.legal(),
                            f.cleared(),
                            blocking,
                            false);
                })
                .toList();
    }

    /** Re-keys one customer from its master data (read through the customer facade) and blocks it if linked. */
    @Transactional
    public void index(String customerCode) {
        CustomerDetails details = customers.details(customerCode, null, Caller.SYSTEM);
        CustomerRef customer = customers.require(customerCode, Caller.SYSTEM);
        NormalisedParty party = new NormalisedParty(
                customer.id(),
                details.address(),
                details.email(),
                details.phones(),
                details.bankAccounts(),
                details.people().stream()
                        .map(p -> new NormalisedParty.Person(p.name(), p.idNo()))
                        .toList());
        write(List.of(customer.id()), List.of(party), false);
        block(repository.blockingOf(List.of(customer.id())));
    }

    /**
     * Re-keys customers whose rows the caller's transaction holds (a customers file's inserted and
     * changed customers, in its transaction), in batches, and blocks those linked to a stopped one.
     */
    @Transactional
    public int index(List<Long> customerIds) {
        return reindex(customerIds, true);
    }

    /** Rebuilds every customer's keys (a repair, or a database loaded without the application). */
    @Transactional
    public int rebuildAll() {
        return reindex(repository.allCustomerIds(), false);
    }

    /** Blocks every customer linked to this newly stopped (or legal) one, unless the link was cleared. */
    @Transactional
    public void blockLinkedTo(long stoppedCustomerId) {
        block(repository.linkedTo(stoppedCustomerId));
    }

    /** A credit manager decides that the link to {@code linkedCustomerCode} does not block the customer. */
    @Transactional
    public LinkCleared clear(String customerCode, LinkClear input, Caller caller) {
        if (!caller.has(Role.CREDIT_MANAGER)) {
            throw ProblemException.forbidden("Only a CREDIT_MANAGER may clear a link")
                    .withKey("problem.text.onlyACREDITMANAGERMayClearA");
        }
        List<Violation> missing = new ArrayList<>();
        if (blank(input.linkedCustomerCode())) missing.add(Violation.field("linkedCustomerCode", "is required"));
        if (blank(input.reason()))
            missing.add(Violation.field("reason", "is required: say why the link does not matter"));
        if (!missing.isEmpty())
            throw ProblemException.malformed("The clearance is incomplete", missing)
                    .withKey("problem.text.theClearanceIsIncomplete");
        CustomerRef customer = customers.require(customerCode, caller);
        CustomerRef linked = customers.require(input.linkedCustomerCode().strip(), caller);
        if (!repository.linked(customer.id(), linked.id())) {
            throw ProblemException.ruleViolation(
                            "linkedCustomerCode",
                            "%s shares no person, phone, address, bank account or e-mail domain with %s"
                                    .formatted(linked.code(), customer.code()))
                    .withKey("problem.text.sharesNoPersonPhoneAddressBankAccount", linked.code(), customer.code());
        }
        String reason = input.reason().strip();
        if (repository.clear(customer.id(), linked.id(), reason, caller.username(), now())) {
            audit.record(
                    caller.username(),
                    "LINK_CLEARED",
                    AUDIT_SUBJECT,
                    customer.code(),
                    null,
                    Map.of("linkedCustomerCode", linked.code()),
                    reason);
        }
        boolean stillBlocked = !repository.blockingOf(List.of(customer.id())).isEmpty();
        if (!stillBlocked) {
            accounts.markLinkedToStopped(
                    customer, false, "link to %s cleared: %s".formatted(linked.code(), reason), caller);
        }
        return new LinkCleared(customer.code(), linked.code(), reason, caller.username(), stillBlocked);
    }

    private int reindex(List<Long> ids, boolean rowsHeld) {
        long started = System.nanoTime();
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<Long> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            write(batch, repository.parties(batch), rowsHeld);
            block(repository.blockingOf(batch));
        }
        if (ids.size() >= BATCH) {
            log.info(
                    "Indexed the party keys of {} customers in {} ms",
                    ids.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return ids.size();
    }

    private void write(List<Long> customerIds, List<NormalisedParty> parties, boolean rowsHeld) {
        List<Long> ids = new ArrayList<>();
        List<NormalisedKey> keys = new ArrayList<>();
        for (NormalisedParty party : parties) {
            for (NormalisedKey key : NormalisedKeys.of(party)) {
                ids.add(party.customerId());
                keys.add(key);
            }
        }
        repository.replaceKeys(customerIds, ids, keys, rowsHeld);
    }

    /**
     * Flags each customer with an uncleared link to a stopped customer and raises one alert per pair.
     * Only linked customers get here, a handful next to the customers indexed.
     */
    private void block(List<LinkRepository.Blocking> links) {
        if (links.isEmpty()) return;
        Map<Long, List<LinkRepository.Blocking>> byCustomer =
                links.stream().collect(Collectors.groupingBy(LinkRepository.Blocking::customerId));
        Set<Long> seen = new java.util.HashSet<>();
        for (LinkRepository.Blocking link : links) {
            String message = "%s shares %s %s with %s, whose credit is stopped"
                    .formatted(link.customerCode(), link.attribute(), link.value(), link.linkedCode());
            alerts.raise(
                    link.customerId(),
                    AlertType.LINK_TO_STOPPED,
                    message,
                    "risk.alert.linkToStopped",
                    List.of(link.customerCode(), String.valueOf(link.attribute()), link.value(), link.linkedCode()),
                    link.linkedId(),
                    null);
            if (seen.add(link.customerId()) && !repository.flagged(link.customerId())) {
                customers
                        .find(link.customerCode(), Caller.SYSTEM)
                        .ifPresent(c -> accounts.markLinkedToStopped(
                                c,
                                true,
                                byCustomer.get(link.customerId()).stream()
                                        .map(l -> "linked to stopped customer %s by %s"
                                                .formatted(l.linkedCode(), l.attribute()))
                                        .collect(Collectors.joining("; ")),
                                Caller.SYSTEM));
            }
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static boolean blank(@Nullable String text) {
        return text == null || text.isBlank();
    }
}

package org.creditdesk.customers;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.EnabledCurrencies;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.TextLimits;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer master's public face. */
@Service
public class Customers {

    private final CustomerLookupRepository lookup;
    private final CustomerRepository repository;
    private final Areas areas;
    private final BusinessCalendar calendar;
    private final ObjectProvider<CreditStatusView> credit;
    private final ObjectProvider<EscalationLevelView> escalation;
    private final ApplicationEventPublisher events;

    private final EnabledCurrencies enabledCurrencies;

    Customers(
            CustomerLookupRepository lookup,
            CustomerRepository repository,
            Areas areas,
            BusinessCalendar calendar,
            ObjectProvider<CreditStatusView> credit,
            ObjectProvider<EscalationLevelView> escalation,
            ApplicationEventPublisher events,
            EnabledCurrencies enabledCurrencies) {
        this.enabledCurrencies = enabledCurrencies;
        this.credit = credit;
        this.escalation = escalation;
        this.lookup = lookup;
        this.repository = repository;
        this.areas = areas;
        this.calendar = calendar;
        this.events = events;
    }

    /** The customer with this code if it exists and the caller may see it (else empty, i.e. 404). */
    public Optional<CustomerRef> find(String code, Caller caller) {
        return lookup.findByCode(code).filter(c -> caller.sees(c.areaCode()));
    }

    public CustomerRef require(String code, Caller caller) {
        return find(code, caller).orElseThrow(() -> unknown(code));
    }

    /** {@link #upsert(String, CustomerData, Caller)} from input as written; bad fields answer 400. */
    @Transactional
    public CustomerSaved upsert(String code, CustomerInput input, Caller caller) {
        return upsert(code, input.toData(calendar.baseCurrency()), caller);
    }

    /**
     * Creates the customer or replaces its master data (people, phones and bank accounts as a
     * whole). Sending what is stored already changes nothing, not even the version. A caller
     * confined to areas may neither see customers elsewhere (404) nor place one there (403).
     */
    @Transactional
    public CustomerSaved upsert(String code, CustomerData data, Caller caller) {
        if (caller.roles().equals(Set.of(Role.AUDITOR))) {
            throw ProblemException.forbidden("Auditors may read but not change customers")
                    .withKey("problem.text.auditorsMayReadButNotChangeCustomers");
        }
        String customerCode = validCode(code);
        enabledCurrencies.require("currency", data.currency());
        Optional<StoredCustomer> existing = repository.lockByCode(customerCode);
        if (existing.isPresent() && !caller.sees(existing.get().data().area())) {
            throw unknown(customerCode);
        }
        if (!caller.sees(data.area())) {
            throw ProblemException.forbidden("You may not place customers in area " + data.area())
                    .withKey("problem.text.youMayNotPlaceCustomersInArea", data.area());
        }
        areas.ensureExist(List.of(data.area()));
        if (data.salesRep() != null) repository.insertSalesRepIfMissing(data.salesRep(), data.area());

        if (existing.isEmpty()) {
            Optional<Long> id = repository.insert(customerCode, data);
            if (id.isEmpty()) {
                // Someone created the same code between our read and our insert: now it is an update.
                return upsert(customerCode, data, caller);
            }
            repository.replaceChildren(id.get(), data);
            events.publishEvent(new CustomerRegistered(id.get(), customerCode));
            return new CustomerSaved(refOf(id.get(), customerCode, data), CustomerSaved.Outcome.CREATED);
        }

        StoredCustomer stored = existing.get();
        if (stored.data().equals(data)) {
            return new CustomerSaved(stored.ref(), CustomerSaved.Outcome.UNCHANGED);
        }
        if (!repository.update(stored.id(), stored.version(), data)) {
            throw ProblemException.conflict("Customer " + customerCode + " was changed concurrently; send it again")
                    .withKey("problem.text.customerWasChangedConcurrentlySendItAgain", customerCode);
        }
        repository.replaceChildren(stored.id(), data);
        events.publishEvent(new CustomerChanged(stored.id(), customerCode, stored.version() + 1));
        return new CustomerSaved(refOf(stored.id(), customerCode, data), CustomerSaved.Outcome.UPDATED);
    }

    /**
     * The customer's master data and its status on {@code asOf} (today when absent). The customer, its
     * receivables summary and its score come in one statement (the ledger's and risk's published SQL
     * functions, V114), the credit standing in another, the escalation ladder only when something is overdue.
     * No transaction: at read committed each statement sees its own snapshot anyway, and BEGIN/COMMIT would
     * cost two round trips.
     */
    public CustomerDetails details(String code, @Nullable LocalDate asOf, Caller caller) {
        LocalDate date = calendar.asOfOrToday(asOf);
        StoredCustomer.WithFigures found = repository
                .findWithFigures(code, date)
                .filter(c -> caller.sees(c.customer().data().area()))
                .orElseThrow(() -> unknown(code));
        StoredCustomer stored = found.customer();
        ReceivablesSummary summary = found.receivables();
        CreditStatusView creditView = credit.getIfAvailable();
        EscalationLevelView ladder = escalation.getIfAvailable();
        CustomerStatus status = creditView == null
                ? CustomerStatus.of(summary)
                : CustomerStatus.of(
                        summary,
                        creditView.standingOf(stored.ref(), date),
                        ladder == null ? 0 : ladder.levelOf(summary, date),
                        found.score());
        return CustomerDetails.of(stored, date, status);
    }

    /** A page of the customers the caller may see, matching the query, ordered by name. */
    @Transactional(readOnly = true)
    public Page<CustomerSummary> search(CustomerQuery query, Caller caller) {
        // Credit state and risk class come from SQL functions the credit module publishes
        // (customer_credit_state, customer_risk_class), so filtering and paging stay in one query.
        LocalDate today = calendar.today();
        String[] visibleAreas = caller.areaFilter();
        long total = repository.count(query, visibleAreas, today);
        List<CustomerSummary> items =
                query.offset() >= total ? List.of() : repository.search(query, visibleAreas, today);
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** The natural-key alphabet of {@link TextLimits}: reachable by path, storable, at most 64 characters. */
    private static String validCode(String code) {
        return TextLimits.requireKey("code", code);
    }

    private static CustomerRef refOf(long id, String code, CustomerData data) {
        return new CustomerRef(
                id, code, data.name(), data.area(), data.currency().getCurrencyCode(), data.paymentTermDays());
    }

    /** The 404 for a customer code that does not exist or lies outside the caller's areas. */
    public static ProblemException unknown(String code) {
        return ProblemException.notFound("Unknown customer " + code).withKey("problem.text.unknownCustomer", code);
    }
}

package org.creditdesk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.creditdesk.collections.Activities;
import org.creditdesk.collections.ActivityInput;
import org.creditdesk.collections.ApprovalInput;
import org.creditdesk.collections.Approvals;
import org.creditdesk.collections.Contact;
import org.creditdesk.collections.ContactInput;
import org.creditdesk.collections.Contacts;
import org.creditdesk.collections.Dispute;
import org.creditdesk.collections.DisputeInput;
import org.creditdesk.collections.DisputeResolution;
import org.creditdesk.collections.Disputes;
import org.creditdesk.collections.PromiseInput;
import org.creditdesk.collections.Promises;
import org.creditdesk.demo.DemoCollectionsRepository.LargeCustomer;
import org.creditdesk.demo.DemoCollectionsRepository.OpenInvoice;
import org.creditdesk.identity.Caller;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's collections work, deterministic from the seed and consistent with the loaded ledger: the
 * larger customers of every area get contacts by chain role, their largest open invoices a chain in one
 * of five states (stalled at finance, waiting, nearly through, objected by the blocker with a quality
 * dispute, not started), calls and visits, promises kept (a real later payment covers them) or broken
 * (nothing paid in the window), quality disputes with service cases, some resolved by credit note.
 * Everything goes through the collections facades, so it is validated and audited like a user's work.
 */
@Component
class CollectionsDemo {

    static final int CUSTOMERS_PER_AREA = 6;

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛"};

    private final DemoCollectionsRepository repository;
    private final Contacts contacts;
    private final Approvals approvals;
    private final Activities activities;
    private final Promises promises;
    private final Disputes disputes;

    CollectionsDemo(
            DemoCollectionsRepository repository,
            Contacts contacts,
            Approvals approvals,
            Activities activities,
            Promises promises,
            Disputes disputes) {
        this.repository = repository;
        this.contacts = contacts;
        this.approvals = approvals;
        this.activities = activities;
        this.promises = promises;
        this.disputes = disputes;
    }

    /** Returns how many customers got collections data. */
    @Transactional
    int generate(LocalDate today, long seed) {
        Random random = new Random(seed);
        Caller caller = Caller.SYSTEM;
        List<LargeCustomer> customers = repository.largest(today, CUSTOMERS_PER_AREA);
        int index = 0;
        for (LargeCustomer customer : customers) {
            List<Contact> people = people(customer, index, random, caller);
            Contact finance = people.get(2);
            chains(customer, index, today, people, caller);
            activity(customer, index, today, finance, random, caller);
            promise(customer, index, today, finance, caller);
            index++;
        }
        promises.evaluate(today, caller.username());
        return customers.size();
    }

    private List<Contact> people(LargeCustomer customer, int index, Random random, Caller caller) {
        List<Contact> people = new ArrayList<>();
        String[][] cast = {
            {"AUDITOR", "质检主管", "质检部"},
            {"USER", "车间主任", "生产部"},
            {"FINANCE", "财务经理", "财务部"},
            {"DECISION_MAKER", "总经理", "总经办"},
            {"KEY_PERSON", "采购专员", "采购部"},
            {"BLOCKER", "品质监督", "品管部"}
        };
        int count = index % 4 == 0 ? 6 : 5;
        for (int i = 0; i < count; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            people.add(contacts.add(
                    customer.code(),
                    new ContactInput(
                            name,
                            cast[i][1],
                            cast[i][2],
                            "+86 21 %04d %04d".formatted(random.nextInt(10_000), random.nextInt(10_000)),
                            null,
                            cast[i][0],
                            cast[i][0].equals("DECISION_MAKER")),
                    caller));
        }
        return people;
    }

    private void chains(LargeCustomer customer, int index, LocalDate today, List<Contact> people, Caller caller) {
        List<OpenInvoice> invoices = repository.openInvoices(customer.code(), today, 2);
        for (int j = 0; j < invoices.size(); j++) {
            OpenInvoice invoice = invoices.get(j);
            switch ((index + j) % 5) {
                case 0 -> {
                    step(invoice, "AUDITOR", "CLEARED", today.minusDays(15), people.get(0), null, caller);
                    step(invoice, "USER", "CLEARED", today.minusDays(12), people.get(1), null, caller);
                    step(invoice, "FINANCE", "WAITING", today.minusDays(9), people.get(2), "等待资金安排", caller);
                }
                case 1 -> {
                    step(invoice, "AUDITOR", "CLEARED", today.minusDays(6), people.get(0), null, caller);
                    step(invoice, "USER", "WAITING", today.minusDays(3), people.get(1), "验收中", caller);
                }
                case 2 -> {
                    step(invoice, "AUDITOR", "CLEARED", today.minusDays(20), people.get(0), null, caller);
                    step(invoice, "USER", "CLEARED", today.minusDays(14), people.get(1), null, caller);
                    step(invoice, "FINANCE", "CLEARED", today.minusDays(5), people.get(2), null, caller);
                    step(invoice, "DECISION_MAKER", "WAITING", today.minusDays(2), people.get(3), "待总经理签字", caller);
                }
                case 3 -> {
                    Contact objector = people.size() > 5 ? people.get(5) : people.get(0);
                    String role = people.size() > 5 ? "BLOCKER" : "AUDITOR";
                    step(invoice, role, "OBJECTED", today.minusDays(4), objector, "密封件渗漏，拒绝付款", caller);
                    qualityDispute(invoice, index, today.minusDays(4), caller);
                }
                default -> {
                    // Not started: the invoice shows every step as not reached.
                }
            }
        }
    }

    private void step(
            OpenInvoice invoice, String role, String status, LocalDate on, Contact who, String note, Caller caller) {
        approvals.record(invoice.invoiceNo(), new ApprovalInput(role, status, on, note, who.id()), caller);
    }

    private void qualityDispute(OpenInvoice invoice, int index, LocalDate raisedOn, Caller caller) {
        BigDecimal amount =
                invoice.openAmount().multiply(new BigDecimal("0.20")).setScale(2, RoundingMode.DOWN);
        if (amount.signum() <= 0) return;
        Dispute dispute = disputes.raise(
                invoice.invoiceNo(), new DisputeInput("QUALITY", amount, raisedOn, "客户投诉产品质量问题"), caller);
        if (index % 2 == 0) {
            disputes.resolve(
                    dispute.id(),
                    new DisputeResolution(
                            "CREDIT_NOTE",
                            amount.divide(BigDecimal.TWO, 2, RoundingMode.DOWN),
                            raisedOn.plusDays(3),
                            "协商折让一半"),
                    caller);
        }
    }

    private void activity(
            LargeCustomer customer, int index, LocalDate today, Contact finance, Random random, Caller caller) {
        activities.record(
                customer.code(),
                new ActivityInput(
                        "VISIT", today.minusDays(20 + random.nextInt(10)), finance.id(), null, "拜访财务，了解付款流程", null),
                caller);
        LocalDate next = index % 3 == 0 ? today.minusDays(1) : today.plusDays(1 + random.nextInt(7));
        activities.record(
                customer.code(),
                new ActivityInput("CALL", today.minusDays(7), finance.id(), null, "电话催款，对方称本周内安排", next),
                caller);
    }

    /**
     * Kept: a promise made a week before a real payment of the last six weeks, for at most that payment.
     * Broken: a promise from ten days ago, due three days ago, where no payment came in that window.
     * Open or due today otherwise.
     */
    private void promise(LargeCustomer customer, int index, LocalDate today, Contact finance, Caller caller) {
        BigDecimal open = customer.open();
        switch (index % 3) {
            case 0 ->
                repository
                        .lastPayment(customer.code(), today.minusDays(42), today.minusDays(5))
                        .ifPresent(paid -> make(
                                customer,
                                paid.amount().min(open),
                                paid.on().minusDays(7),
                                paid.on().plusDays(2),
                                finance,
                                true,
                                "财务书面承诺",
                                caller));
            case 1 -> {
                if (repository
                        .lastPayment(customer.code(), today.minusDays(10), today.minusDays(3))
                        .isEmpty()) {
                    make(
                            customer,
                            fraction(open, "0.30"),
                            today.minusDays(10),
                            today.minusDays(3),
                            finance,
                            false,
                            "口头承诺月底前付款",
                            caller);
                }
            }
            default ->
                make(
                        customer,
                        fraction(open, "0.25"),
                        today.minusDays(2),
                        index % 2 == 0 ? today : today.plusDays(5),
                        finance,
                        true,
                        "承诺函已签",
                        caller);
        }
    }

    private void make(
            LargeCustomer customer,
            BigDecimal amount,
            LocalDate madeOn,
            LocalDate promisedOn,
            Contact who,
            boolean written,
            String note,
            Caller caller) {
        if (amount.signum() <= 0) return;
        promises.make(
                customer.code(),
                new PromiseInput(promisedOn, amount, null, null, who.id(), written, note, madeOn),
                caller);
    }

    private static BigDecimal fraction(BigDecimal open, String share) {
        return open.multiply(new BigDecimal(share)).setScale(2, RoundingMode.DOWN);
    }
}

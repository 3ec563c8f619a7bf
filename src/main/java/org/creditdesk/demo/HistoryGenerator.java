package org.creditdesk.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;
import org.creditdesk.demo.CustomerHistory.BouncedCheque;
import org.creditdesk.demo.CustomerHistory.CreditNote;
import org.creditdesk.demo.CustomerHistory.Invoice;
import org.creditdesk.demo.CustomerHistory.Order;
import org.creditdesk.demo.CustomerHistory.Payment;
import org.creditdesk.demo.CustomerProfile.BusinessGroup;
import org.jspecify.annotations.Nullable;

/**
 * Plays one customer's months of trade: orders, the invoices they lead to, and payments timed by
 * the customer's behaviour. Whatever would happen after the as-of date is left out, so recent
 * invoices, late payers' invoices and open disputes stay open.
 */
final class HistoryGenerator {

    /** Chinese New Year empties February; the year-end push fills December. */
    private static final double[] SEASON = {1.00, 0.55, 1.05, 1.05, 1.05, 1.00, 0.95, 0.95, 1.05, 1.00, 1.10, 1.25};

    /** Contract milestones in percent: advance, delivery, acceptance. */
    private static final int[] MILESTONES = {30, 40, 30};

    /** How the reason of every credit note settling a quality dispute starts ({@link DemoDisputeHistory}). */
    static final String DISPUTE_PREFIX = "Quality dispute:";

    private static final List<String> DISPUTE_REASONS = List.of(
            "Quality dispute: seals leaking on delivery, partial credit agreed",
            "Quality dispute: motors failed acceptance test, price reduction agreed",
            "Quality dispute: wrong cable specification delivered, partial credit",
            "Quality dispute: damaged in transit, customer kept goods at a discount",
            "Quality dispute: commissioning delayed by defective controller, penalty credited");

    private static final String BOUNCE_REASON = "Insufficient funds 存款不足";

    /**
     * A deteriorating customer's slide starts at least this many days before the as-of date, so that
     * its lengthening delays and its first invoices open 60+ days overdue are in the history.
     */
    private static final int SLIDE_NEWEST_START_DAYS = 180;

    /**
     * Slides start on any day of the 300 before that: customers go bad one by one, not all in the
     * same week, so at every month-end some are early in their slide (paying 10-30 days late) and
     * the ones that will reach 60+ days within six months can be told from the steady payers.
     */
    private static final int SLIDE_START_SPREAD_DAYS = 300;

    /** A slide never starts in the first 90 days: the customer pays well long enough to show it. */
    private static final int GOOD_HISTORY_DAYS = 90;

    /**
     * The credit policy's default grace: in the demo's story a wholesale customer with an invoice
     * overdue beyond it is on hold, and its orders are blocked rather than invoiced until it pays.
     */
    static final int GRACE_DAYS = 7;

    private final LocalDate asOf;
    private final LocalDate start;
    private final Numbering numbering;
    private final boolean supplyStopsOnHold;
    private final long seed;

    HistoryGenerator(PortfolioSpec spec, Numbering numbering) {
        this.supplyStopsOnHold = spec.story();
        this.seed = spec.seed();
        this.asOf = spec.asOf();
        this.start = spec.asOf().minusMonths(spec.months()).plusDays(1);
        this.numbering = numbering;
    }

    private record Draft(
            LocalDate date,
            long cents,
            String productLine,
            @Nullable String contractNo) {}

    private record Billing(int orderIndex, LocalDate issueDate, long cents) {}

    private record Owing(LocalDate due, LocalDate settled) {}

    private record Receipt(LocalDate receivedOn, long cents, String method, String invoiceNo) {}

    CustomerHistory generate(CustomerProfile customer, RandomGenerator random) {
        LocalDate from = customer.behaviour() == Behaviour.NEW_LINKED_COMPANY
                ? later(start, customer.establishedOn().plusDays(7))
                : start;
        List<Draft> drafts = new ArrayList<>();
        List<Billing> billings = new ArrayList<>();
        switch (customer.group()) {
            case VOLUME -> wholesaleOrders(customer, random, from, drafts);
            case VALUE_ADDED -> projectContracts(customer, random, from, drafts);
        }
        drafts.sort(Comparator.comparing(Draft::date));

        List<Order> orders = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            orders.add(new Order(
                    numbering.nextOrder(), draft.date(), draft.cents(), draft.productLine(), draft.contractNo()));
            billings.addAll(billingsOf(customer.group(), i, draft, random));
        }
        billings.removeIf(b -> b.issueDate().isAfter(asOf));
        billings.sort(Comparator.comparing(Billing::issueDate));

        @Nullable
        LocalDate slideStart = customer.behaviour() == Behaviour.DETERIORATING && !billings.isEmpty()
                ? slideStart(billings.getFirst().issueDate().plusDays(customer.paymentTermDays()), random)
                : null;
        List<Invoice> invoices = new ArrayList<>(billings.size());
        List<Receipt> receipts = new ArrayList<>(billings.size());
        List<CreditNote> creditNotes = new ArrayList<>();
        boolean stopsOnHold = supplyStopsOnHold && customer.group() == BusinessGroup.VOLUME;
        List<Owing> owing = new ArrayList<>();
        List<Integer> blockedOrders = new ArrayList<>();
        PaymentRhythm rhythm = PaymentRhythm.of(customer, seed, asOf);
        for (Billing billing : billings) {
            if (stopsOnHold && onHold(owing, billing.issueDate())) {
                blockedOrders.add(billing.orderIndex());
                continue;
            }
            Order order = orders.get(billing.orderIndex());
            LocalDate due = billing.issueDate().plusDays(customer.paymentTermDays());
            Invoice invoice = new Invoice(
                    numbering.nextInvoice(),
                    order.orderNo(),
                    billing.issueDate(),
                    due,
                    billing.cents(),
                    order.productLine());
            invoices.add(invoice);
            int before = receipts.size();
            settle(customer, invoice, slideStart, rhythm, random, receipts, creditNotes);
            if (stopsOnHold) owing.add(new Owing(due, settledOn(receipts.subList(before, receipts.size()))));
        }
        // A wholesale order placed on hold was blocked, never shipped: it is not in the book.
        blockedOrders.sort(Comparator.reverseOrder());
        for (int index : blockedOrders) {
            orders.remove(index);
        }
        receipts.removeIf(r -> r.receivedOn().isAfter(asOf));
        receipts.sort(Comparator.comparing(Receipt::receivedOn));

        List<Payment> payments = new ArrayList<>(receipts.size());
        for (Receipt receipt : receipts) {
            payments.add(new Payment(
                    numbering.nextPayment(),
                    receipt.receivedOn(),
                    receipt.cents(),
                    receipt.method(),
                    receipt.method().equals("CHEQUE") ? numbering.nextCheque() : null,
                    receipt.invoiceNo()));
        }

        List<BouncedCheque> bounced = new ArrayList<>();
        List<Payment> replacements = new ArrayList<>();
        if (customer.behaviour() == Behaviour.BOUNCED_CHEQUES) {
            bounce(payments, random, bounced, replacements);
        }
        return new CustomerHistory(orders, invoices, payments, creditNotes, bounced, replacements);
    }

    /** On hold on {@code day}: an invoice issued before it is still unpaid then and overdue beyond grace. */
    private static boolean onHold(List<Owing> owing, LocalDate day) {
        return owing.stream()
                .anyMatch(o -> o.due().plusDays(GRACE_DAYS).isBefore(day)
                        && !o.settled().isBefore(day));
    }

    /** When the last receipt for an invoice comes; never, for a dispute not yet agreed. */
    private static LocalDate settledOn(List<Receipt> receipts) {
        return receipts.stream()
                .map(Receipt::receivedOn)
                .max(Comparator.naturalOrder())
                .orElse(LocalDate.MAX);
    }

    /** Many small orders a month, more for key accounts, fewer around Chinese New Year. */
    private void wholesaleOrders(CustomerProfile customer, RandomGenerator random, LocalDate from, List<Draft> drafts) {
        double monthlyOrders = switch (customer.behaviour()) {
                    case BOUNCED_CHEQUES -> 6.0;
                    case NEW_LINKED_COMPANY -> 4.0;
                    default -> customer.keyAccount() ? 8.0 : 2.3;
                }
                * (0.6 + 0.8 * random.nextDouble());
        long typicalCents = Math.round((customer.keyAccount() ? 30_000 : 12_000) * 100 * lognormal(random, 0.6));
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(asOf); month = month.plusMonths(1)) {
            LocalDate first = later(month, from);
            LocalDate last = earlier(month.withDayOfMonth(month.lengthOfMonth()), asOf);
            int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
            double expected = monthlyOrders * SEASON[month.getMonthValue() - 1] * days / month.lengthOfMonth();
            int count = poisson(random, expected);
            for (int i = 0; i < count; i++) {
                long cents = Math.max(30_000, Math.round(typicalCents * lognormal(random, 0.5)));
                drafts.add(new Draft(
                        first.plusDays(random.nextInt(days)),
                        cents,
                        NameBook.pick(random, customer.productLines()),
                        null));
            }
        }
    }

    /** A few large contracts, each with its own contract number, billed by milestone. */
    private void projectContracts(
            CustomerProfile customer, RandomGenerator random, LocalDate from, List<Draft> drafts) {
        double monthlyContracts = customer.keyAccount() ? 0.3 : 0.15;
        for (LocalDate month = from.withDayOfMonth(1); !month.isAfter(asOf); month = month.plusMonths(1)) {
            LocalDate first = later(month, from);
            LocalDate last = earlier(month.withDayOfMonth(month.lengthOfMonth()), asOf);
            int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
            if (random.nextDouble() >= monthlyContracts * days / month.lengthOfMonth()) continue;
            // Contract values are negotiated in round hundreds of yuan.
            long yuan = Math.max(200_000, Math.round(1_500_000 * lognormal(random, 0.7) / 100) * 100);
            drafts.add(new Draft(
                    first.plusDays(random.nextInt(days)),
                    yuan * 100,
                    NameBook.pick(random, ProductCatalog.LINES).code(),
                    numbering.nextContract()));
        }
    }

    private static List<Billing> billingsOf(BusinessGroup group, int orderIndex, Draft order, RandomGenerator random) {
        return switch (group) {
            case VOLUME -> List.of(new Billing(orderIndex, order.date().plusDays(random.nextInt(3)), order.cents()));
            case VALUE_ADDED -> {
                List<Billing> milestones = new ArrayList<>(MILESTONES.length);
                LocalDate[] dates = {
                    order.date().plusDays(random.nextInt(8)),
                    order.date().plusDays(30 + random.nextInt(61)),
                    order.date().plusDays(100 + random.nextInt(101))
                };
                long billed = 0;
                for (int i = 0; i < MILESTONES.length; i++) {
                    long cents =
                            i == MILESTONES.length - 1 ? order.cents() - billed : order.cents() * MILESTONES[i] / 100;
                    billed += cents;
                    milestones.add(new Billing(orderIndex, dates[i], cents));
                }
                yield milestones;
            }
        };
    }

    /**
     * When a deteriorating customer starts to slip: drawn from its own stream, between {@link
     * #SLIDE_NEWEST_START_DAYS} and that plus {@link #SLIDE_START_SPREAD_DAYS} days before the as-of
     * date. Lateness is measured from due dates, so a customer with a shorter history (a short
     * portfolio, or a project customer whose first contract came late) slides in the second half of
     * the time since its first invoice fell due, after {@link #GOOD_HISTORY_DAYS} of good payment when
     * there is room: never before its first invoice, never too late to show.
     */
    private LocalDate slideStart(LocalDate firstDue, RandomGenerator random) {
        int historyDays = Math.max(0, (int) ChronoUnit.DAYS.between(firstDue, asOf));
        int newest = Math.min(SLIDE_NEWEST_START_DAYS, historyDays / 2);
        int oldest = Math.max(
                newest,
                Math.min(SLIDE_NEWEST_START_DAYS + SLIDE_START_SPREAD_DAYS - 1, historyDays - GOOD_HISTORY_DAYS));
        return asOf.minusDays(newest + random.nextInt(oldest - newest + 1));
    }

    private void settle(
            CustomerProfile customer,
            Invoice invoice,
            @Nullable LocalDate slideStart,
            PaymentRhythm rhythm,
            RandomGenerator random,
            List<Receipt> receipts,
            List<CreditNote> creditNotes) {
        double disputeRate = customer.group() == BusinessGroup.VALUE_ADDED ? 0.05 : 0.005;
        if (random.nextDouble() < disputeRate) {
            // Held back beyond the due date until both sides agree on a credit for the defect.
            LocalDate agreed = invoice.dueDate().plusDays(20 + random.nextInt(61));
            if (agreed.isAfter(asOf)) return;
            long credit = invoice.cents() * (5 + random.nextInt(26)) / 100;
            creditNotes.add(new CreditNote(
                    numbering.nextCreditNote(),
                    invoice.invoiceNo(),
                    agreed,
                    credit,
                    NameBook.pick(random, DISPUTE_REASONS)));
            receipts.add(new Receipt(
                    agreed.plusDays(random.nextInt(11)),
                    invoice.cents() - credit,
                    customer.paymentMethod(),
                    invoice.invoiceNo()));
            return;
        }
        LocalDate paid = PaymentHabit.settlementDate(
                customer.behaviour(), invoice.issueDate(), invoice.dueDate(), slideStart, rhythm, random);
        if (customer.behaviour() == Behaviour.CHRONIC_LATE && random.nextDouble() < 0.25) {
            // Chronic late payers buy time with a part payment first.
            long firstYuan = invoice.cents() * (40 + random.nextInt(21)) / 100 / 100;
            LocalDate firstOn = later(invoice.issueDate(), paid.minusDays(15 + random.nextInt(26)));
            if (firstYuan > 0) {
                receipts.add(new Receipt(firstOn, firstYuan * 100, customer.paymentMethod(), invoice.invoiceNo()));
                receipts.add(new Receipt(
                        paid, invoice.cents() - firstYuan * 100, customer.paymentMethod(), invoice.invoiceNo()));
                return;
            }
        }
        receipts.add(new Receipt(paid, invoice.cents(), customer.paymentMethod(), invoice.invoiceNo()));
    }

    /**
     * The bank returns one cheque about ten months ago and one about two months ago; each is made
     * good by a transfer one to two weeks after the bounce.
     */
    private void bounce(
            List<Payment> payments, RandomGenerator random, List<BouncedCheque> bounced, List<Payment> replacements) {
        List<Payment> chosen = new ArrayList<>(2);
        for (LocalDate target : List.of(asOf.minusDays(300), asOf.minusDays(75))) {
            payments.stream()
                    .filter(p -> !p.receivedOn().isBefore(target) && p.chequeNo() != null)
                    .filter(p -> !chosen.contains(p))
                    .findFirst()
                    .ifPresent(chosen::add);
        }
        for (Payment cheque : chosen) {
            LocalDate bouncedOn = cheque.receivedOn().plusDays(3 + random.nextInt(4));
            if (bouncedOn.isAfter(asOf)) continue;
            bounced.add(new BouncedCheque(cheque, bouncedOn, BOUNCE_REASON));
            LocalDate replacedOn = bouncedOn.plusDays(5 + random.nextInt(11));
            if (replacedOn.isAfter(asOf)) continue;
            replacements.add(new Payment(
                    numbering.nextPayment(), replacedOn, cheque.cents(), "BANK_TRANSFER", null, cheque.invoiceNo()));
        }
    }

    static int poisson(RandomGenerator random, double mean) {
        double threshold = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > threshold) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }

    /** A factor around 1 with a long right tail, as order and contract sizes have. */
    private static double lognormal(RandomGenerator random, double sigma) {
        return Math.exp(sigma * random.nextGaussian());
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

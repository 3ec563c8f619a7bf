package org.creditdesk.demo;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator without Spring: determinism, the import formats' invariants, the behaviours. */
class PortfolioGeneratorTests {

    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    private static final PortfolioSpec SMALL = new PortfolioSpec(50, 6, 20250630, AS_OF);
    private static final List<String> FILES = List.of(
            GeneratedPortfolio.CUSTOMERS,
            GeneratedPortfolio.ORDERS,
            GeneratedPortfolio.INVOICES,
            GeneratedPortfolio.PAYMENTS,
            GeneratedPortfolio.CREDIT_NOTES,
            GeneratedPortfolio.BOUNCED_CHEQUES,
            GeneratedPortfolio.REPLACEMENT_PAYMENTS,
            GeneratedPortfolio.BEHAVIOURS,
            GeneratedPortfolio.CREDIT_LIMITS);

    @TempDir
    static Path temp;

    static Portfolio small;
    /** Large enough for every behaviour to show, including deteriorating customers' slides. */
    static Portfolio year;

    @BeforeAll
    static void generate() throws IOException {
        small = Portfolio.generate(SMALL, temp.resolve("small"));
        year = Portfolio.generate(new PortfolioSpec(400, 12, 7, AS_OF), temp.resolve("year"));
    }

    @Test
    void the_same_seed_gives_byte_identical_files() throws IOException {
        Path again = temp.resolve("again");
        new PortfolioGenerator().writeCsv(SMALL, again);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(again.resolve(file)))
                    .as(file)
                    .isEqualTo(Files.readAllBytes(small.files().file(file)));
        }
    }

    @Test
    void another_seed_gives_other_customers_and_other_invoices() throws IOException {
        Path other = temp.resolve("other-seed");
        new PortfolioGenerator().writeCsv(new PortfolioSpec(50, 6, SMALL.seed() + 1, AS_OF), other);
        for (String file : List.of(GeneratedPortfolio.CUSTOMERS, GeneratedPortfolio.INVOICES)) {
            assertThat(Files.readAllBytes(other.resolve(file)))
                    .as(file)
                    .isNotEqualTo(Files.readAllBytes(small.files().file(file)));
        }
    }

    @Test
    void files_carry_the_import_formats_headers() {
        assertThat(CsvFiles.header(small.files().file(GeneratedPortfolio.CUSTOMERS)))
                .containsExactly(
                        "code",
                        "name",
                        "registrationNo",
                        "establishedOn",
                        "area",
                        "businessGroup",
                        "salesRep",
                        "paymentTermDays",
                        "currency",
                        "address",
                        "phones",
                        "email",
                        "bankAccounts",
                        "people");
        assertThat(CsvFiles.header(small.files().file(GeneratedPortfolio.ORDERS)))
                .containsExactly(
                        "orderNo", "customerCode", "orderDate", "amount", "currency", "productLine", "contractNo");
        assertThat(CsvFiles.header(small.files().file(GeneratedPortfolio.INVOICES)))
                .containsExactly(
                        "invoiceNo",
                        "customerCode",
                        "orderNo",
                        "issueDate",
                        "dueDate",
                        "amount",
                        "currency",
                        "productLine");
        assertThat(CsvFiles.header(small.files().file(GeneratedPortfolio.PAYMENTS)))
                .containsExactly(
                        "paymentNo",
                        "customerCode",
                        "receivedOn",
                        "amount",
                        "currency",
                        "method",
                        "chequeNo",
                        "invoiceNo");
        assertThat(CsvFiles.header(small.files().file(GeneratedPortfolio.CREDIT_NOTES)))
                .containsExactly("creditNoteNo", "customerCode", "invoiceNo", "issueDate", "amount", "reason");
    }

    @Test
    void the_counts_reported_match_the_rows_written() {
        for (Portfolio portfolio : List.of(small, year)) {
            GeneratedPortfolio files = portfolio.files();
            assertThat(portfolio.customers())
                    .hasSize((int) files.customers())
                    .hasSize(files == small.files() ? 50 : 400);
            assertThat(portfolio.orders()).hasSize((int) files.orders());
            assertThat(portfolio.invoices()).hasSize((int) files.invoices());
            assertThat(portfolio.payments()).hasSize((int) files.payments());
            assertThat(portfolio.creditNotes()).hasSize((int) files.creditNotes());
            assertThat(portfolio.bounced()).hasSize((int) files.bouncedCheques());
            assertThat(portfolio.replacements()).hasSize((int) files.replacementPayments());
        }
    }

    @Test
    void every_document_belongs_to_an_existing_customer_and_invoices_reference_that_customers_orders() {
        for (Portfolio portfolio : List.of(small, year)) {
            Set<String> customers = portfolio.customersByCode().keySet();
            Map<String, Map<String, String>> orders = index(portfolio.orders(), "orderNo");
            Map<String, Map<String, String>> invoices = index(portfolio.invoices(), "invoiceNo");
            assertThat(orders).hasSize(portfolio.orders().size());
            assertThat(invoices).hasSize(portfolio.invoices().size());
            assertThat(index(portfolio.payments(), "paymentNo"))
                    .hasSize(portfolio.payments().size());
            for (List<Map<String, String>> rows : List.of(
                    portfolio.orders(),
                    portfolio.invoices(),
                    portfolio.payments(),
                    portfolio.creditNotes(),
                    portfolio.replacements())) {
                assertThat(rows).allSatisfy(row -> assertThat(customers).contains(row.get("customerCode")));
            }
            assertThat(portfolio.invoices()).allSatisfy(invoice -> {
                Map<String, String> order = orders.get(invoice.get("orderNo"));
                assertThat(order).as(invoice.get("invoiceNo")).isNotNull();
                assertThat(order.get("customerCode")).isEqualTo(invoice.get("customerCode"));
                assertThat(date(invoice, "issueDate")).isAfterOrEqualTo(date(order, "orderDate"));
            });
            for (List<Map<String, String>> rows :
                    List.of(portfolio.payments(), portfolio.creditNotes(), portfolio.replacements())) {
                assertThat(rows).allSatisfy(row -> {
                    Map<String, String> invoice = invoices.get(row.get("invoiceNo"));
                    assertThat(invoice).as(row.toString()).isNotNull();
                    assertThat(invoice.get("customerCode")).isEqualTo(row.get("customerCode"));
                });
            }
        }
    }

    @Test
    void due_dates_are_the_issue_date_plus_the_customers_payment_terms() {
        for (Portfolio portfolio : List.of(small, year)) {
            assertThat(portfolio.invoices()).allSatisfy(invoice -> {
                int terms = Integer.parseInt(portfolio
                        .customersByCode()
                        .get(invoice.get("customerCode"))
                        .get("paymentTermDays"));
                assertThat(date(invoice, "dueDate"))
                        .isEqualTo(date(invoice, "issueDate").plusDays(terms));
                assertThat(date(invoice, "dueDate")).isAfterOrEqualTo(date(invoice, "issueDate"));
            });
        }
    }

    @Test
    void nothing_is_dated_after_the_as_of_date_or_before_the_history_starts() {
        LocalDate start = AS_OF.minusMonths(12);
        assertThat(year.orders())
                .allSatisfy(row -> assertThat(date(row, "orderDate")).isBetween(start, AS_OF));
        assertThat(year.invoices())
                .allSatisfy(row -> assertThat(date(row, "issueDate")).isBetween(start, AS_OF));
        assertThat(year.payments())
                .allSatisfy(row -> assertThat(date(row, "receivedOn")).isBetween(start, AS_OF));
        assertThat(year.creditNotes())
                .allSatisfy(row -> assertThat(date(row, "issueDate")).isBetween(start, AS_OF));
    }

    @Test
    void payments_never_exceed_what_is_open_on_their_invoice_and_come_after_it() {
        for (Portfolio portfolio : List.of(small, year)) {
            Map<String, Map<String, String>> invoices = index(portfolio.invoices(), "invoiceNo");
            Map<String, BigDecimal> open = new HashMap<>();
            portfolio.invoices().forEach(invoice -> open.put(invoice.get("invoiceNo"), amount(invoice)));
            portfolio
                    .creditNotes()
                    .forEach(note ->
                            open.merge(note.get("invoiceNo"), amount(note).negate(), BigDecimal::add));
            // payments.csv on its own, imported before the bounces are known.
            for (Map<String, String> payment : portfolio.payments()) {
                String invoiceNo = payment.get("invoiceNo");
                assertThat(date(payment, "receivedOn")).isAfterOrEqualTo(date(invoices.get(invoiceNo), "issueDate"));
                BigDecimal left = open.merge(invoiceNo, amount(payment).negate(), BigDecimal::add);
                assertThat(left)
                        .as("open on %s after %s", invoiceNo, payment.get("paymentNo"))
                        .isNotNegative();
            }
            // Once the bounced cheques are reversed, their replacements fit as well.
            for (Map<String, String> bounce : portfolio.bounced()) {
                open.merge(bounce.get("invoiceNo"), amount(bounce), BigDecimal::add);
            }
            for (Map<String, String> replacement : portfolio.replacements()) {
                BigDecimal left = open.merge(
                        replacement.get("invoiceNo"), amount(replacement).negate(), BigDecimal::add);
                assertThat(left)
                        .as("open after replacement %s", replacement.get("paymentNo"))
                        .isNotNegative();
            }
        }
    }

    @Test
    void every_amount_is_positive_with_exactly_two_decimals_in_cny() {
        for (Portfolio portfolio : List.of(small, year)) {
            for (List<Map<String, String>> rows : List.of(
                    portfolio.orders(),
                    portfolio.invoices(),
                    portfolio.payments(),
                    portfolio.creditNotes(),
                    portfolio.replacements())) {
                assertThat(rows).allSatisfy(row -> {
                    assertThat(row.get("amount")).matches("[1-9][0-9]*\\.[0-9]{2}|0\\.(0[1-9]|[1-9][0-9])");
                    if (row.containsKey("currency"))
                        assertThat(row.get("currency")).isEqualTo("CNY");
                });
            }
        }
    }

    @Test
    void customers_have_chinese_master_data_with_people_phones_and_accounts() {
        assertThat(small.customers()).allSatisfy(customer -> {
            assertThat(customer.get("code")).matches("C\\d{6}");
            assertThat(customer.get("registrationNo")).hasSize(18);
            assertThat(customer.get("area"))
                    .isIn("EAST", "NORTH", "SOUTH", "WEST", "CENTRAL", "NORTHEAST", "SOUTHWEST", "NORTHWEST");
            assertThat(customer.get("businessGroup")).isIn("VOLUME", "VALUE_ADDED");
            assertThat(customer.get("salesRep")).startsWith(customer.get("area") + "-R");
            assertThat(customer.get("email")).contains("@");
            assertThat(customer.get("phones").split(";"))
                    .allSatisfy(phone -> assertThat(phone).matches("\\+86 \\d{2,3} \\d{4} \\d{4}"))
                    .anySatisfy(phone -> assertThat(phone).matches("\\+86 1\\d\\d \\d{4} \\d{4}"));
            assertThat(customer.get("bankAccounts").split(";")).isNotEmpty();
            String[] people = customer.get("people").split(";");
            assertThat(people).anySatisfy(p -> assertThat(p).startsWith("LEGAL_REPRESENTATIVE:"));
            assertThat(people).allSatisfy(person -> {
                String[] parts = person.split(":");
                assertThat(parts).hasSize(3);
                assertThat(parts[0]).isIn("LEGAL_REPRESENTATIVE", "DIRECTOR", "SHAREHOLDER", "GENERAL_MANAGER");
                assertThat(parts[2]).hasSize(18);
                assertThat(parts[2].charAt(17)).isEqualTo(IdentityNumbers.residentIdCheck(parts[2]));
            });
            if (customer.get("businessGroup").equals("VOLUME")) {
                assertThat(Integer.parseInt(customer.get("paymentTermDays"))).isBetween(30, 60);
            }
        });
        assertThat(year.customers())
                .anySatisfy(c -> assertThat(c.get("name")).endsWith("有限公司"))
                .anySatisfy(c -> assertThat(c.get("name")).endsWith("Co., Ltd."));
    }

    @Test
    void the_new_company_of_the_bouncing_customers_legal_representative_shares_his_id_number_and_phone() {
        for (Portfolio portfolio : List.of(small, year)) {
            List<Map<String, String>> linked = portfolio.behaviours().stream()
                    .filter(b -> b.get("behaviour").equals("NEW_LINKED_COMPANY"))
                    .toList();
            assertThat(linked).isNotEmpty();
            for (Map<String, String> link : linked) {
                Map<String, String> company = portfolio.customersByCode().get(link.get("customerCode"));
                Map<String, String> bouncer = portfolio.customersByCode().get(link.get("linkedTo"));
                assertThat(portfolio.behaviourOf(bouncer.get("code"))).isEqualTo("BOUNCED_CHEQUES");
                assertThat(company.get("name")).isNotEqualTo(bouncer.get("name"));
                assertThat(legalRepresentative(company)).isEqualTo(legalRepresentative(bouncer));
                assertThat(List.of(company.get("phones").split(";")))
                        .containsAnyElementsOf(List.of(bouncer.get("phones").split(";")));
                assertThat(date(company, "establishedOn")).isBetween(AS_OF.minusDays(120), AS_OF);
            }
        }
    }

    @Test
    void the_bouncing_customer_pays_by_cheque_and_replaces_each_bounced_cheque_by_a_later_transfer() {
        for (Portfolio portfolio : List.of(small, year)) {
            assertThat(portfolio.bounced()).isNotEmpty();
            Map<String, Map<String, String>> payments = index(portfolio.payments(), "paymentNo");
            for (Map<String, String> bounce : portfolio.bounced()) {
                Map<String, String> cheque = payments.get(bounce.get("paymentNo"));
                assertThat(cheque.get("method")).isEqualTo("CHEQUE");
                assertThat(cheque.get("chequeNo"))
                        .isEqualTo(bounce.get("chequeNo"))
                        .matches("\\d{8}");
                assertThat(cheque.get("invoiceNo")).isEqualTo(bounce.get("invoiceNo"));
                assertThat(portfolio.behaviourOf(cheque.get("customerCode"))).isEqualTo("BOUNCED_CHEQUES");
                assertThat(date(bounce, "bouncedOn")).isAfter(date(cheque, "receivedOn"));
            }
            assertThat(portfolio.replacements()).allSatisfy(replacement -> {
                assertThat(replacement.get("method")).isEqualTo("BANK_TRANSFER");
                Map<String, String> bounce = portfolio.bounced().stream()
                        .filter(b -> b.get("invoiceNo").equals(replacement.get("invoiceNo")))
                        .findFirst()
                        .orElseThrow();
                assertThat(date(replacement, "receivedOn")).isAfter(date(bounce, "bouncedOn"));
                assertThat(replacement.get("amount")).isEqualTo(bounce.get("amount"));
            });
        }
        // A year of history holds one bounce about ten months ago and a second about two months ago.
        assertThat(year.bounced().stream().map(b -> date(b, "bouncedOn")))
                .anySatisfy(d -> assertThat(d).isBefore(AS_OF.minusDays(240)))
                .anySatisfy(d -> assertThat(d).isAfter(AS_OF.minusDays(90)));
    }

    @Test
    void disputed_invoices_are_settled_late_by_a_partial_credit_note_and_a_payment_of_the_rest() {
        Map<String, Map<String, String>> invoices = index(year.invoices(), "invoiceNo");
        Map<String, List<Map<String, String>>> paymentsByInvoice =
                year.payments().stream().collect(groupingBy(p -> p.get("invoiceNo")));
        assertThat(year.creditNotes()).isNotEmpty();
        assertThat(year.creditNotes()).allSatisfy(note -> {
            Map<String, String> invoice = invoices.get(note.get("invoiceNo"));
            assertThat(date(note, "issueDate")).isAfter(date(invoice, "dueDate"));
            assertThat(amount(note)).isLessThan(amount(invoice));
            assertThat(note.get("reason")).startsWith("Quality dispute");
            List<Map<String, String>> rest = paymentsByInvoice.getOrDefault(note.get("invoiceNo"), List.of());
            rest.forEach(p -> assertThat(amount(p)).isEqualTo(amount(invoice).subtract(amount(note))));
        });
    }

    @Test
    void project_customers_are_billed_30_40_30_by_milestone_against_one_contract_order() {
        Map<String, Map<String, String>> orders = index(year.orders(), "orderNo");
        Map<String, List<Map<String, String>>> milestones = year.invoices().stream()
                .filter(i -> year.customersByCode()
                        .get(i.get("customerCode"))
                        .get("businessGroup")
                        .equals("VALUE_ADDED"))
                .collect(groupingBy(i -> i.get("orderNo")));
        assertThat(milestones).isNotEmpty();
        milestones.forEach((orderNo, bills) -> {
            Map<String, String> order = orders.get(orderNo);
            assertThat(order.get("contractNo")).startsWith("HT");
            BigDecimal total = amount(order);
            BigDecimal first = bills.stream()
                    .min((a, b) -> date(a, "issueDate").compareTo(date(b, "issueDate")))
                    .map(PortfolioGeneratorTests::amount)
                    .orElseThrow();
            assertThat(first).isEqualByComparingTo(total.multiply(new BigDecimal("0.30")));
            BigDecimal billed =
                    bills.stream().map(PortfolioGeneratorTests::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(billed).isLessThanOrEqualTo(total);
            if (bills.size() == 3) assertThat(billed).isEqualByComparingTo(total);
        });
        assertThat(milestones.values()).anySatisfy(bills -> assertThat(bills).hasSize(3));
    }

    @Test
    void behaviours_have_their_shares_of_the_portfolio() throws IOException {
        long seed = new Random().nextLong();
        Portfolio portfolio = Portfolio.generate(new PortfolioSpec(4_000, 1, seed, AS_OF), temp.resolve("shares"));
        Map<String, Long> counts = portfolio.behaviours().stream()
                .collect(Collectors.groupingBy(b -> b.get("behaviour"), Collectors.counting()));
        double ordinary = 4_000 - counts.get("BOUNCED_CHEQUES") - counts.get("NEW_LINKED_COMPANY");
        assertThat(counts.get("PROMPT") / ordinary).as("seed %d", seed).isBetween(0.52, 0.58);
        assertThat(counts.get("PROCEDURAL_LATE") / ordinary).as("seed %d", seed).isBetween(0.22, 0.28);
        assertThat(counts.get("CHRONIC_LATE") / ordinary).as("seed %d", seed).isBetween(0.10, 0.14);
        assertThat(counts.get("DETERIORATING") / ordinary).as("seed %d", seed).isBetween(0.065, 0.095);
        assertThat(counts.get("BOUNCED_CHEQUES")).as("seed %d", seed).isEqualTo(7);
        assertThat(counts.get("NEW_LINKED_COMPANY")).as("seed %d", seed).isEqualTo(7);
        long projects = portfolio.customers().stream()
                .filter(c -> c.get("businessGroup").equals("VALUE_ADDED"))
                .count();
        assertThat(projects / 4_000.0).as("seed %d", seed).isBetween(0.12, 0.18);
    }

    @Test
    void each_behaviour_pays_as_it_is_described() {
        Map<String, Map<String, String>> invoices = index(year.invoices(), "invoiceNo");
        Set<String> disputed =
                year.creditNotes().stream().map(n -> n.get("invoiceNo")).collect(Collectors.toSet());
        Set<String> paidInFull = new java.util.HashSet<>();
        Map<String, BigDecimal> paid = new HashMap<>();
        year.payments().forEach(p -> paid.merge(p.get("invoiceNo"), amount(p), BigDecimal::add));
        invoices.forEach((no, invoice) -> {
            if (paid.getOrDefault(no, BigDecimal.ZERO).compareTo(amount(invoice)) == 0) paidInFull.add(no);
        });
        Map<String, List<Long>> daysLateByBehaviour = new HashMap<>();
        Map<String, LocalDate> lastPayment = new HashMap<>();
        for (Map<String, String> payment : year.payments()) {
            lastPayment.merge(payment.get("invoiceNo"), date(payment, "receivedOn"), (a, b) -> a.isAfter(b) ? a : b);
        }
        // When an invoice was settled: the last of its payments, once they add up to its amount.
        lastPayment.forEach((invoiceNo, paidOn) -> {
            if (disputed.contains(invoiceNo) || !paidInFull.contains(invoiceNo)) return;
            Map<String, String> invoice = invoices.get(invoiceNo);
            long late = ChronoUnit.DAYS.between(date(invoice, "dueDate"), paidOn);
            daysLateByBehaviour
                    .computeIfAbsent(year.behaviourOf(invoice.get("customerCode")), b -> new java.util.ArrayList<>())
                    .add(late);
        });
        assertThat(daysLateByBehaviour.get("PROMPT"))
                .isNotEmpty()
                .allSatisfy(late -> assertThat(late).isLessThanOrEqualTo(0));
        assertThat(daysLateByBehaviour.get("PROCEDURAL_LATE"))
                .allSatisfy(late -> assertThat(late).isLessThanOrEqualTo(7))
                .anySatisfy(late -> assertThat(late).isPositive());
        List<Long> chronic = daysLateByBehaviour.get("CHRONIC_LATE");
        assertThat(chronic)
                .allSatisfy(late -> assertThat(late).isBetween(15L, 100L))
                .anySatisfy(late -> assertThat(late).isGreaterThan(60L));
        // Most of their invoices are paid within 60 days; only about one in ten slips past.
        assertThat(chronic.stream().filter(late -> late > 60).count() / (double) chronic.size())
                .as("chronic late payers' invoices paid 61+ days late")
                .isBetween(0.05, 0.15);

        List<Map<String, String>> deterioratingOpen60 = year.invoices().stream()
                .filter(i -> year.behaviourOf(i.get("customerCode")).equals("DETERIORATING"))
                .filter(i -> !paidInFull.contains(i.get("invoiceNo")))
                .filter(i -> date(i, "dueDate").isBefore(AS_OF.minusDays(60)))
                .toList();
        assertThat(deterioratingOpen60)
                .as("deteriorating invoices open 60+ days overdue")
                .isNotEmpty();
        assertThat(year.invoices().stream()
                        .filter(i -> !year.behaviourOf(i.get("customerCode")).equals("DETERIORATING"))
                        .filter(i -> year.behaviourOf(i.get("customerCode")).equals("PROMPT"))
                        .filter(i -> !paidInFull.contains(i.get("invoiceNo")))
                        .filter(i -> !disputed.contains(i.get("invoiceNo")))
                        // A dispute holds an invoice for up to 80 days past due before it is settled.
                        .filter(i -> date(i, "dueDate").isBefore(AS_OF.minusDays(80))))
                .as("prompt payers' invoices are paid by the due date unless disputed")
                .isEmpty();
    }

    @Test
    void deteriorating_customers_pay_well_first_and_start_slipping_each_at_its_own_date() {
        Set<String> disputed =
                year.creditNotes().stream().map(n -> n.get("invoiceNo")).collect(Collectors.toSet());
        Map<String, LocalDate> settledOn = settlementDates(year);
        Map<String, LocalDate> firstSlip = new HashMap<>();
        Map<String, LocalDate> lastPaidWell = new HashMap<>();
        for (Map<String, String> invoice : year.invoices()) {
            String customer = invoice.get("customerCode");
            if (!year.behaviourOf(customer).equals("DETERIORATING") || disputed.contains(invoice.get("invoiceNo")))
                continue;
            LocalDate due = date(invoice, "dueDate");
            LocalDate paid = settledOn.get(invoice.get("invoiceNo"));
            long late = ChronoUnit.DAYS.between(due, paid == null ? AS_OF : paid);
            // Before the slide a week late at most; from its start at least ten days.
            if (late >= 10) firstSlip.merge(customer, due, (a, b) -> a.isBefore(b) ? a : b);
            else if (paid != null && late <= 7) lastPaidWell.merge(customer, due, (a, b) -> a.isAfter(b) ? a : b);
        }
        List<String> deteriorating = year.behaviours().stream()
                .filter(b -> b.get("behaviour").equals("DETERIORATING"))
                .map(b -> b.get("customerCode"))
                .filter(code -> year.invoices().stream()
                        .anyMatch(i -> i.get("customerCode").equals(code)))
                .toList();
        assertThat(deteriorating).hasSizeGreaterThan(10);
        assertThat(deteriorating).allSatisfy(customer -> {
            // The slide shows before the as-of date, after a stretch of good payment...
            assertThat(firstSlip.get(customer)).as(customer).isNotNull();
            assertThat(lastPaidWell.get(customer)).as(customer).isNotNull().isBefore(firstSlip.get(customer));
            // ...early enough for a wholesale customer, who is invoiced every month, to reach 60+ days.
            if (year.customersByCode().get(customer).get("businessGroup").equals("VOLUME"))
                assertThat(firstSlip.get(customer)).as(customer).isBefore(AS_OF.minusDays(120));
        });
        // Each customer slides from its own date: the slides start over several months.
        assertThat(deteriorating.stream()
                        .map(c -> firstSlip.get(c).withDayOfMonth(1))
                        .distinct()
                        .count())
                .as("months in which the deteriorating customers' slides start: %s", firstSlip)
                .isGreaterThanOrEqualTo(3);
    }

    /** When each invoice was paid in full: the last of its payments, once they add up to its amount. */
    static Map<String, LocalDate> settlementDates(Portfolio portfolio) {
        Map<String, BigDecimal> open = new HashMap<>();
        portfolio.invoices().forEach(invoice -> open.put(invoice.get("invoiceNo"), amount(invoice)));
        portfolio
                .creditNotes()
                .forEach(note -> open.merge(note.get("invoiceNo"), amount(note).negate(), BigDecimal::add));
        Map<String, LocalDate> settled = new HashMap<>();
        portfolio.payments().stream()
                .sorted(java.util.Comparator.comparing(p -> date(p, "receivedOn")))
                .forEach(payment -> {
                    String invoiceNo = payment.get("invoiceNo");
                    if (open.merge(invoiceNo, amount(payment).negate(), BigDecimal::add)
                                    .signum()
                            == 0) settled.put(invoiceNo, date(payment, "receivedOn"));
                });
        return settled;
    }

    @Test
    void the_demo_portfolio_is_a_believable_size() throws IOException {
        GeneratedPortfolio demo = new PortfolioGenerator().writeCsv(PortfolioSpec.demo(AS_OF), temp.resolve("demo"));
        assertThat(demo.customers()).isEqualTo(1_200);
        assertThat(demo.invoices()).isBetween(100_000L, 200_000L);
        assertThat(demo.payments()).isBetween(demo.invoices() * 8 / 10, demo.invoices() * 11 / 10);
        assertThat(demo.creditNotes()).isPositive();
        assertThat(demo.bouncedCheques()).isPositive();
    }

    private static String legalRepresentative(Map<String, String> customer) {
        return java.util.Arrays.stream(customer.get("people").split(";"))
                .filter(p -> p.startsWith("LEGAL_REPRESENTATIVE:"))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Map<String, String>> index(List<Map<String, String>> rows, String key) {
        return rows.stream().collect(toMap(r -> r.get(key), Function.identity(), (a, b) -> a));
    }

    static LocalDate date(Map<String, String> row, String field) {
        return LocalDate.parse(row.get(field));
    }

    static BigDecimal amount(Map<String, String> row) {
        return new BigDecimal(row.get("amount"));
    }

    /** A generated portfolio read back from its files. */
    record Portfolio(
            GeneratedPortfolio files,
            List<Map<String, String>> customers,
            Map<String, Map<String, String>> customersByCode,
            List<Map<String, String>> orders,
            List<Map<String, String>> invoices,
            List<Map<String, String>> payments,
            List<Map<String, String>> creditNotes,
            List<Map<String, String>> bounced,
            List<Map<String, String>> replacements,
            List<Map<String, String>> behaviours,
            Map<String, String> behaviourByCode) {

        static Portfolio generate(PortfolioSpec spec, Path directory) throws IOException {
            GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, directory);
            List<Map<String, String>> customers = CsvFiles.rows(files.file(GeneratedPortfolio.CUSTOMERS));
            List<Map<String, String>> behaviours = CsvFiles.rows(files.file(GeneratedPortfolio.BEHAVIOURS));
            return new Portfolio(
                    files,
                    customers,
                    index(customers, "code"),
                    CsvFiles.rows(files.file(GeneratedPortfolio.ORDERS)),
                    CsvFiles.rows(files.file(GeneratedPortfolio.INVOICES)),
                    CsvFiles.rows(files.file(GeneratedPortfolio.PAYMENTS)),
                    CsvFiles.rows(files.file(GeneratedPortfolio.CREDIT_NOTES)),
                    CsvFiles.rows(files.file(GeneratedPortfolio.BOUNCED_CHEQUES)),
                    CsvFiles.rows(files.file(GeneratedPortfolio.REPLACEMENT_PAYMENTS)),
                    behaviours,
                    behaviours.stream().collect(toMap(b -> b.get("customerCode"), b -> b.get("behaviour"))));
        }

        String behaviourOf(String customerCode) {
            return behaviourByCode.get(customerCode);
        }
    }
}

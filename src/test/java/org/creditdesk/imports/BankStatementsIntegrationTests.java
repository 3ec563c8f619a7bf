package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.demo.Camt053Writer;
import org.creditdesk.demo.Camt053Writer.Line;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.imports.EntryOutcome.Kind;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class BankStatementsIntegrationTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    static final Caller FINANCE = new Caller("fin", Set.of(Role.FINANCE), Set.of());

    @Autowired
    BankStatements statements;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    /** Tests share one database: every key carries this run's suffix. */
    String x;

    @BeforeEach
    void suffix() {
        x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("UPDATE bank_matching_settings SET tolerance = 1.00").update();
    }

    void csv(ImportKind kind, String... lines) {
        imports.importCsv(
                kind,
                new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                Caller.SYSTEM);
    }

    /** Customer C{x} with account "DE89 3704 0044 0532 0130 00"-like IBAN (printed in groups), invoices I1..In of {x}. */
    void customerWithInvoices(String code, String iban, String... invoiceAmounts) {
        csv(
                ImportKind.CUSTOMERS,
                "code,name,area,businessGroup,paymentTermDays,currency,bankAccounts",
                "%s,%s Trading Ltd,EAST,VOLUME,30,EUR,%s".formatted(code, code, iban));
        String[] lines = new String[invoiceAmounts.length + 1];
        lines[0] = "invoiceNo,customerCode,issueDate,dueDate,amount,currency";
        for (int i = 0; i < invoiceAmounts.length; i++) {
            lines[i + 1] = "%s-I%d,%s,2026-01-%02d,2026-02-%02d,%s,EUR"
                    .formatted(code, i + 1, code, i + 1, i + 1, invoiceAmounts[i]);
        }
        if (invoiceAmounts.length > 0) csv(ImportKind.INVOICES, lines);
    }

    static String iban(String seed) {
        // Any letters and digits: the matching compares normalised keys, not check digits.
        return "DE00" + Math.abs(seed.hashCode()) + "00";
    }

    byte[] camt(String statementId, List<Line> lines) {
        StringWriter out = new StringWriter();
        Camt053Writer.write(out, statementId, "DE02120300000000202051", "EUR", DAY, DAY, BigDecimal.ZERO, lines);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    BankStatementResult load(String statementId, Line... lines) {
        return statements.importStatement(camt(statementId, List.of(lines)), FINANCE);
    }

    BigDecimal open(String invoiceNo) {
        return jdbc.sql("SELECT open_amount FROM collections_invoice WHERE invoice_no = :no")
                .param("no", invoiceNo)
                .query(BigDecimal.class)
                .single();
    }

    String paymentStatus(String paymentNo) {
        return jdbc.sql("SELECT status || ':' || method FROM payment WHERE payment_no = :no")
                .param("no", paymentNo)
                .query(String.class)
                .single();
    }

    String creditState(String code) {
        return jdbc.sql("""
                        SELECT coalesce(a.credit_state, 'ACTIVE') FROM customer c
                        LEFT JOIN credit_account a ON a.customer_id = c.id WHERE c.code = :code""").param("code", code).query(String.class).single();
    }

    static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void credit_from_a_customers_account_settles_the_invoice_its_remittance_names() {
        String code = "BK" + x;
        String iban = iban(x);
        customerWithInvoices(code, spaced(iban), "100.00", "250.00");

        BankStatementResult result = load(
                "S1-" + x,
                Line.transfer(
                        "R1-" + x, DAY, eur("250.00"), "Someone", iban, "Invoice " + code + "-I2 thanks", List.of()));

        assertThat(result.paymentsCreated()).isEqualTo(1);
        assertThat(result.matched()).isEqualTo(1);
        EntryOutcome outcome = result.results().getFirst();
        assertThat(outcome.outcome()).isEqualTo(Kind.MATCHED);
        assertThat(outcome.customerCode()).isEqualTo(code);
        assertThat(outcome.note()).contains("customer by account").contains(code + "-I2");
        assertThat(open(code + "-I2")).isEqualByComparingTo("0");
        assertThat(open(code + "-I1")).isEqualByComparingTo("100.00");
        assertThat(paymentStatus(outcome.paymentNo())).isEqualTo("RECEIVED:BANK_TRANSFER");
        // The allocation carries its invoice's customer, dates and currency as the invoice has them (V73).
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM allocation a
                        JOIN invoice i ON i.id = a.invoice_id
                        JOIN payment p ON p.id = a.payment_id
                        WHERE p.payment_no = :no
                          AND (a.invoice_customer_id, a.invoice_issue_date, a.invoice_due_date, a.invoice_currency)
                              = (i.customer_id, i.issue_date, i.due_date, i.currency)""")
                        .param("no", outcome.paymentNo())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static String spaced(String iban) {
        return iban.replaceAll("(.{4})", "$1 ").strip();
    }

    @Test
    void unknown_account_is_matched_by_the_invoice_number_in_the_structured_remittance() {
        String code = "BN" + x;
        customerWithInvoices(code, iban(code), "80.00");

        BankStatementResult result = load(
                "S2-" + x,
                Line.transfer(
                        "R2-" + x,
                        DAY,
                        eur("80.00"),
                        "Other Payer",
                        "NL91ABNA0417164300",
                        null,
                        List.of(code + "-I1")));

        assertThat(result.results().getFirst().outcome()).isEqualTo(Kind.MATCHED);
        assertThat(result.results().getFirst().note()).contains("customer by invoice");
        assertThat(open(code + "-I1")).isEqualByComparingTo("0");
    }

    @Test
    void customer_code_in_the_remittance_pays_the_oldest_invoices_first() {
        String code = "BC" + x;
        customerWithInvoices(code, iban(code), "60.00", "60.00");

        BankStatementResult result = load(
                "S3-" + x,
                Line.transfer("R3-" + x, DAY, eur("90.00"), null, null, "Customer " + code + " March", List.of()));

        assertThat(result.results().getFirst().note()).contains("customer by customer_code");
        assertThat(open(code + "-I1")).isEqualByComparingTo("0");
        assertThat(open(code + "-I2")).isEqualByComparingTo("30.00");
        assertThat(SettlementCopies.notCarryingTheirInvoice(jdbc, code))
                .as("each settlement carries its invoice's customer, dates and currency (V73)")
                .isZero();
    }

    @Test
    void short_payment_within_the_tolerance_settles_and_writes_off_the_difference() {
        String code = "BT" + x;
        customerWithInvoices(code, iban(code), "100.00");

        BankStatementResult result = load(
                "S4-" + x, Line.transfer("R4-" + x, DAY, eur("99.40"), null, iban(code), null, List.of(code + "-I1")));

        assertThat(result.results().getFirst().note()).contains("short 0.60 written off");
        assertThat(open(code + "-I1")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT amount FROM credit_note WHERE credit_note_no = :no")
                        .param("no", "WO-" + result.results().getFirst().paymentNo())
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0.60");
    }

    @Test
    void short_payment_beyond_the_tolerance_is_partial() {
        String code = "BP" + x;
        customerWithInvoices(code, iban(code), "100.00");

        load("S5-" + x, Line.transfer("R5-" + x, DAY, eur("95.00"), null, iban(code), null, List.of(code + "-I1")));

        assertThat(open(code + "-I1")).isEqualByComparingTo("5.00");
    }

    @Test
    void the_same_file_twice_and_an_overlapping_statement_create_nothing_twice() {
        String code = "BD" + x;
        customerWithInvoices(code, iban(code), "500.00");
        Line line = Line.transfer("R6-" + x, DAY, eur("200.00"), null, iban(code), null, List.of());

        BankStatementResult first = load("S6-" + x, line);
        BankStatementResult again = load("S6-" + x, line);
        BankStatementResult overlapping =
                load("S6b-" + x, line, Line.transfer("R6c-" + x, DAY, eur("50.00"), null, iban(code), null, List.of()));

        assertThat(first.paymentsCreated()).isEqualTo(1);
        assertThat(again.paymentsCreated()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(again.statementId()).isEqualTo(first.statementId());
        assertThat(overlapping.duplicates()).isEqualTo(1);
        assertThat(overlapping.paymentsCreated()).isEqualTo(1);
        assertThat(open(code + "-I1")).isEqualByComparingTo("250.00");
    }

    @Test
    void unknown_payer_waits_in_the_queue_with_candidates_and_finance_assigns_it() {
        String code = "BQ" + x;
        customerWithInvoices(code, iban(code), "123.45");

        BankStatementResult result = load(
                "S7-" + x,
                Line.transfer(
                        "R7-" + x,
                        DAY,
                        eur("123.45"),
                        code + " Trading Ltd",
                        "FR7630006000011234567890189",
                        "no reference",
                        List.of()));

        assertThat(result.unmatched()).isEqualTo(1);
        long entryId = result.results().getFirst().entryId();
        UnmatchedEntry queued = statements.unmatched(0, 200, FINANCE).items().stream()
                .filter(e -> e.id() == entryId)
                .findFirst()
                .orElseThrow();
        assertThat(queued.candidates()).first().satisfies(c -> {
            assertThat(c.customerCode()).isEqualTo(code);
            assertThat(c.reasons()).anyMatch(r -> r.startsWith("name like"));
            assertThat(c.reasons()).anyMatch(r -> r.contains("open for the same amount"));
        });

        assertThatThrownBy(() -> statements.assign(
                        entryId, code, List.of(), new Caller("rep", Set.of(Role.SALES_REP), Set.of())))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
        EntryOutcome assigned = statements.assign(entryId, code, List.of(code + "-I1"), FINANCE);

        assertThat(assigned.outcome()).isEqualTo(Kind.ASSIGNED);
        assertThat(open(code + "-I1")).isEqualByComparingTo("0");
        assertThat(statements.unmatched(0, 200, FINANCE).items()).noneMatch(e -> e.id() == entryId);
        assertThatThrownBy(() -> statements.assign(entryId, code, List.of(), FINANCE))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.CONFLICT));
    }

    @Test
    void returned_cheque_bounces_its_payment_and_stops_credit_with_the_reason_kept() {
        String code = "BR" + x;
        customerWithInvoices(code, iban(code), "300.00");
        BankStatementResult paid =
                load("S8-" + x, Line.cheque("R8-" + x, DAY, eur("300.00"), null, iban(code), "CHQ" + x, code + "-I1"));
        String paymentNo = paid.results().getFirst().paymentNo();
        assertThat(paymentStatus(paymentNo)).isEqualTo("RECEIVED:CHEQUE");

        BankStatementResult returned = load(
                "S8r-" + x,
                Line.returnedCheque(
                        "R8r-" + x, DAY.plusDays(3), eur("300.00"), iban(code), "CHQ" + x, "AM04", eur("15.00")));

        assertThat(returned.returned()).isEqualTo(1);
        assertThat(returned.charges()).isEqualByComparingTo("15.00");
        assertThat(returned.results().getFirst().paymentNo()).isEqualTo(paymentNo);
        assertThat(paymentStatus(paymentNo)).isEqualTo("BOUNCED:CHEQUE");
        assertThat(jdbc.sql("SELECT bounce_reason FROM payment WHERE payment_no = :no")
                        .param("no", paymentNo)
                        .query(String.class)
                        .single())
                .contains("AM04");
        assertThat(open(code + "-I1")).isEqualByComparingTo("300.00");
        assertThat(creditState(code)).isEqualTo("STOPPED");
    }

    @Test
    void returned_transfer_reopens_the_invoices_without_stopping_credit() {
        String code = "BS" + x;
        customerWithInvoices(code, iban(code), "40.00");
        BankStatementResult paid = load(
                "S9-" + x, Line.transfer("R9-" + x, DAY, eur("40.00"), null, iban(code), null, List.of(code + "-I1")));

        BankStatementResult returned = load(
                "S9r-" + x,
                Line.returnedTransfer("R9r-" + x, DAY.plusDays(1), eur("40.00"), iban(code), "E2E-R9-" + x, "AC04"));

        assertThat(returned.returned()).isEqualTo(1);
        assertThat(paymentStatus(paid.results().getFirst().paymentNo())).isEqualTo("BOUNCED:BANK_TRANSFER");
        assertThat(open(code + "-I1")).isEqualByComparingTo("40.00");
        assertThat(creditState(code)).isEqualTo("ACTIVE");
    }

    @Test
    void a_credit_and_its_return_in_one_file_are_stored_with_their_outcomes_and_the_payment_bounced() {
        String code = "BT" + x;
        customerWithInvoices(code, iban(code), "60.00");

        BankStatementResult result = load(
                "S9b-" + x,
                Line.transfer("R9b-" + x, DAY, eur("60.00"), null, iban(code), null, List.of(code + "-I1")),
                Line.returnedTransfer("R9br-" + x, DAY, eur("60.00"), iban(code), "E2E-R9b-" + x, "AC04"));

        assertThat(result.paymentsCreated()).isEqualTo(1);
        assertThat(result.returned()).isEqualTo(1);
        String paymentNo = result.results().getFirst().paymentNo();
        assertThat(paymentStatus(paymentNo)).isEqualTo("BOUNCED:BANK_TRANSFER");
        assertThat(open(code + "-I1")).isEqualByComparingTo("60.00");
        assertThat(jdbc.sql("""
                        SELECT id || ':' || outcome || ':' || payment_no || ':' || customer_code FROM bank_entry
                        WHERE statement_id = :statementId ORDER BY position""")
                        .param("statementId", result.statementId())
                        .query(String.class)
                        .list())
                .containsExactly(
                        result.results().get(0).entryId() + ":MATCHED:" + paymentNo + ":" + code,
                        result.results().get(1).entryId() + ":RETURNED:" + paymentNo + ":" + code);
    }

    @Test
    void debits_that_are_not_returns_are_ignored_and_counted_and_a_return_of_nothing_is_reported() {
        BankStatementResult result = load(
                "S10-" + x,
                Line.outgoing("R10-" + x, DAY, eur("70.00"), "Supplier", "rent"),
                Line.returnedTransfer("R10r-" + x, DAY, eur("12.00"), null, "E2E-NOTHING-" + x, "MS03"));

        assertThat(result.ignored()).isEqualTo(1);
        assertThat(result.returnsUnmatched()).isEqualTo(1);
        assertThat(result.paymentsCreated()).isZero();
    }

    @Test
    void an_entry_is_stored_exactly_as_parsed_whatever_characters_its_texts_hold() {
        // The entries are written with COPY's text format and a text[] literal: backslashes, quotes, braces,
        // commas, tabs, line breaks, "NULL" and \\N must come back as the parser read them.
        byte[] file = camt(
                "S12-" + x,
                List.of(Line.transfer(
                        "R12-" + x,
                        DAY,
                        eur("12.34"),
                        "O'Brien \\ S\u00f6hne \"&\" {Co}",
                        "XX" + x,
                        "back\\slash \"quoted\" tab\there\nline {braces}, commas; \\N NULL \u00fcml\u00e4ut",
                        List.of("REF\\1", "RE\"F2", "{x,y}", "NULL", "a b"))));
        BankStatement.Entry parsed =
                BankStatementParser.parse(file).getFirst().entries().getFirst();

        BankStatementResult result = statements.importStatement(file, FINANCE);

        var stored = jdbc.sql("""
                        SELECT remittance, invoice_refs, payer_name, payer_account, amount, note, entry_key
                        FROM bank_entry WHERE id = :id""")
                .param("id", result.results().getFirst().entryId())
                .query((rs, n) -> List.of(
                        rs.getString("remittance"),
                        List.of((String[]) rs.getArray("invoice_refs").getArray()),
                        rs.getString("payer_name"),
                        rs.getString("payer_account"),
                        rs.getBigDecimal("amount").toPlainString(),
                        rs.getString("note"),
                        rs.getString("entry_key")))
                .single();
        assertThat(stored)
                .containsExactly(
                        parsed.remittance(),
                        parsed.structuredRefs(),
                        parsed.counterpartyName(),
                        parsed.counterpartyAccount(),
                        "12.34",
                        result.results().getFirst().note(),
                        BankStatements.entryKeys(BankStatementParser.parse(file).getFirst())
                                .getFirst());
        assertThat(parsed.structuredRefs()).contains("RE\"F2", "{x,y}", "NULL");
        assertThat(parsed.remittance()).contains("\\", "\"");
    }

    @Test
    void a_refused_file_stores_nothing() {
        long before = jdbc.sql("SELECT count(*) FROM bank_statement")
                .query(Long.class)
                .single();
        byte[] good = camt("S11-" + x, List.of(Line.outgoing("R11-" + x, DAY, eur("1.00"), "A", "b")));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 30);

        assertThatThrownBy(() -> statements.importStatement(truncated, FINANCE)).isInstanceOf(ProblemException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM bank_statement")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void every_sample_file_imports_without_error() throws Exception {
        for (String path : List.of(
                "genkgo_camt/camt053.v2.multi.statement.xml",
                "genkgo_camt/camt054.v8.xml",
                "hbci4java/test-camt-ruecklastschrift.xml",
                "php_mt940/Bunq_sample.mt940",
                "wolph_mt940/betterplace_sepa_snippet.sta",
                "php_mt940/Rabo_sample.mt940")) {
            BankStatementResult result =
                    statements.importStatement(BankStatementParserTests.sample(path), Caller.SYSTEM);
            assertThat(result.entries()).as(path).isEqualTo(result.results().size());
        }
    }
}

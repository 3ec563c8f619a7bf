package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class ImportsIntegrationTests {

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    /** Tests share one database: every key carries this run's suffix. */
    String x;

    @BeforeEach
    void suffix() {
        x = UUID.randomUUID().toString().substring(0, 8);
    }

    static ByteArrayInputStream csv(String... lines) {
        return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    ImportResult run(ImportKind kind, String... lines) {
        return imports.importCsv(kind, csv(lines), Caller.SYSTEM);
    }

    List<Violation> rejected(ImportKind kind, Caller caller, String... lines) {
        List<Violation> violations = new ArrayList<>();
        assertThatThrownBy(() -> imports.importCsv(kind, csv(lines), caller))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
                    violations.addAll(e.violations());
                });
        return violations;
    }

    List<Violation> rejected(ImportKind kind, String... lines) {
        return rejected(kind, Caller.SYSTEM, lines);
    }

    void customers(String... codesInArea) {
        List<String> lines = new ArrayList<>();
        lines.add("code,name,area,businessGroup,paymentTermDays,currency");
        for (String codeAndArea : codesInArea) {
            String[] parts = codeAndArea.split("@");
            lines.add("%s,%s Ltd,%s,VOLUME,30,CNY".formatted(parts[0], parts[0], parts.length > 1 ? parts[1] : "EAST"));
        }
        run(ImportKind.CUSTOMERS, lines.toArray(String[]::new));
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    BigDecimal openAmount(String invoiceNo) {
        return jdbc.sql("SELECT open_amount FROM collections_invoice WHERE invoice_no = :no")
                .param("no", invoiceNo)
                .query(BigDecimal.class)
                .single();
    }

    BigDecimal unapplied(String paymentNo) {
        return jdbc.sql("SELECT unapplied FROM payment WHERE payment_no = :no")
                .param("no", paymentNo)
                .query(BigDecimal.class)
                .single();
    }

    // Customers -----------------------------------------------------------------------------

    @Test
    void customers_import_creates_customers_with_their_phones_bank_accounts_and_people() {
        ImportResult result = run(
                ImportKind.CUSTOMERS,
                "code,name,registrationNo,establishedOn,area,businessGroup,salesRep,paymentTermDays,currency,address,phones,email,bankAccounts,people",
                "A" + x + ",\"Acme, Inc.\",91310000X,2010-05-01,NORTH-" + x
                        + ",VALUE_ADDED,rep-" + x + ",45,CNY,\"1 Road\",021-1;021-2,ar@acme.cn,6222 01;6222 02,"
                        + "LEGAL_REPRESENTATIVE:Zhang San:110101;DIRECTOR:Li Si");

        assertThat(result).isEqualTo(new ImportResult(1, 0, List.of()));
        assertThat(jdbc.sql("""
                        SELECT name || '|' || area_code || '|' || sales_rep || '|' || payment_term_days || '|' || established_on
                        FROM customer WHERE code = :code""").param("code", "A" + x).query(String.class).single())
                .isEqualTo("Acme, Inc.|NORTH-" + x + "|rep-" + x + "|45|2010-05-01");
        assertThat(jdbc.sql("""
                        SELECT string_agg(p.role || ':' || p.name || ':' || coalesce(p.id_no, '-'), ';' ORDER BY p.position)
                        FROM customer_person p JOIN customer c ON c.id = p.customer_id WHERE c.code = :code""").param("code", "A" + x).query(String.class).single())
                .isEqualTo("LEGAL_REPRESENTATIVE:Zhang San:110101;DIRECTOR:Li Si:-");
        assertThat(count(
                        "SELECT count(*) FROM customer_phone p JOIN customer c ON c.id = p.customer_id WHERE c.code = 'A"
                                + x + "'"))
                .isEqualTo(2);
        assertThat(count("SELECT count(*) FROM area WHERE code = 'NORTH-" + x + "'"))
                .isEqualTo(1);
    }

    @Test
    void customers_import_is_an_upsert_changed_rows_count_as_imported_identical_as_unchanged() {
        String header = "code,name,area,businessGroup,paymentTermDays,phones";
        run(ImportKind.CUSTOMERS, header, "U1" + x + ",One,EAST,VOLUME,30,111", "U2" + x + ",Two,EAST,VOLUME,30,222");

        ImportResult second = run(
                ImportKind.CUSTOMERS,
                header,
                "U1" + x + ",One,EAST,VOLUME,30,111",
                "U2" + x + ",Two,EAST,VOLUME,60,333;444");

        assertThat(second).isEqualTo(new ImportResult(1, 1, List.of()));
        assertThat(count("SELECT payment_term_days FROM customer WHERE code = 'U2" + x + "'"))
                .isEqualTo(60);
        assertThat(jdbc.sql("""
                        SELECT string_agg(phone, ';' ORDER BY position) FROM customer_phone p
                        JOIN customer c ON c.id = p.customer_id WHERE c.code = :code""").param("code", "U2" + x).query(String.class).single())
                .isEqualTo("333;444");
    }

    @Test
    void a_customers_file_names_and_re_keys_only_the_customers_it_inserted_or_changed() {
        String header = "code,name,area,businessGroup,paymentTermDays,phones";
        run(
                ImportKind.CUSTOMERS,
                header,
                "K1" + x + ",One,EAST,VOLUME,30,13800138000",
                "K2" + x + ",Two,EAST,VOLUME,30,");
        events.clear();

        ImportResult second = run(
                ImportKind.CUSTOMERS,
                header,
                "K1" + x + ",One,EAST,VOLUME,30,13800138000",
                "K2" + x + ",Two,EAST,VOLUME,30, 139 0013 9000 ; ;");

        assertThat(second).isEqualTo(new ImportResult(1, 1, List.of()));
        long changed = count("SELECT id FROM customer WHERE code = 'K2" + x + "'");
        assertThat(events.stream(ImportCompleted.class))
                .singleElement()
                .satisfies(e -> assertThat(e.customerIds()).containsExactly(changed));
        assertThat(jdbc.sql("""
                        SELECT c.code || ' ' || k.value FROM party_key k JOIN customer c ON c.id = k.customer_id
                        WHERE c.code IN (:codes) AND k.attribute = 'PHONE' ORDER BY c.code""")
                        .param("codes", List.of("K1" + x, "K2" + x))
                        .query(String.class)
                        .list())
                .containsExactly("K1" + x + " +8613800138000", "K2" + x + " +8613900139000");
    }

    @Test
    void customers_rows_with_bad_values_are_all_listed() {
        List<Violation> violations = rejected(
                ImportKind.CUSTOMERS,
                "code,name,area,businessGroup,paymentTermDays,establishedOn,people",
                "B1" + x + ",Ok,EAST,VOLUME,30,2001-01-01,DIRECTOR:Wang",
                "B2" + x + ",,EAST,BIG,x,2001-13-01,BOSS:Wang",
                "B1" + x + ",Again,EAST,VOLUME,30,,");

        assertThat(violations)
                .extracting(Violation::line, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "code"),
                        org.assertj.core.groups.Tuple.tuple(3L, "name"),
                        org.assertj.core.groups.Tuple.tuple(3L, "establishedOn"),
                        org.assertj.core.groups.Tuple.tuple(3L, "businessGroup"),
                        org.assertj.core.groups.Tuple.tuple(3L, "paymentTermDays"),
                        org.assertj.core.groups.Tuple.tuple(3L, "people"),
                        org.assertj.core.groups.Tuple.tuple(4L, "code"));
        assertThat(count("SELECT count(*) FROM customer WHERE code = 'B1" + x + "'"))
                .isZero();
    }

    // Header and line numbers ---------------------------------------------------------------

    @Test
    void unknown_and_missing_required_columns_are_refused_at_line_1() {
        List<Violation> violations = rejected(
                ImportKind.INVOICES, "invoiceNo,customerCode,issueDate,amount,colour", "I1,C1,2024-01-01,10,red");

        assertThat(violations).allSatisfy(v -> assertThat(v.line()).isEqualTo(1L));
        assertThat(violations)
                .extracting(Violation::field, Violation::message)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("dueDate", "required column is missing"),
                        org.assertj.core.groups.Tuple.tuple(
                                "colour",
                                "unknown column; expected invoiceNo,customerCode,orderNo,issueDate,dueDate,amount,currency,productLine"));
    }

    @Test
    void line_numbers_are_physical_lines_counting_line_breaks_inside_quotes() {
        customers("L" + x);
        List<Violation> violations = rejected(
                ImportKind.ORDERS,
                "orderNo,customerCode,orderDate,amount,contractNo",
                "O1" + x + ",L" + x + ",2024-01-05,100.00,\"contract\nwith\nthree lines\"",
                "O2" + x + ",L" + x + ",2024-02-30,100.00,",
                "",
                "O3" + x + ",L" + x + ",2024-02-01,12.345,",
                "O4" + x + ",L" + x + ",2024-02-01,10");

        assertThat(violations)
                .extracting(Violation::line, Violation::field, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2L,
                                "contractNo",
                                "'contract\\u000Awith\\u000Athree lines' may only hold letters A-Z, digits and - _ ."
                                        + " (starting with a letter or digit)"),
                        org.assertj.core.groups.Tuple.tuple(5L, "orderDate", "'2024-02-30' is not a date yyyy-MM-dd"),
                        org.assertj.core.groups.Tuple.tuple(
                                7L, "amount", "'12.345' is not an amount with at most 2 decimals"),
                        org.assertj.core.groups.Tuple.tuple(8L, null, "has 4 fields, the header has 5"));
    }

    // Invoices ------------------------------------------------------------------------------

    @Test
    void a_bad_row_at_the_end_of_the_file_leaves_nothing_written() {
        customers("E" + x);
        long invoicesBefore = count("SELECT count(*) FROM invoice");
        long runsBefore = count("SELECT count(*) FROM import_run");
        List<String> lines = new ArrayList<>();
        lines.add("invoiceNo,customerCode,issueDate,dueDate,amount,productLine");
        for (int i = 1; i <= 500; i++) {
            lines.add("E%s-%d,E%s,2024-01-01,2024-02-01,%d.50,PL-%s".formatted(x, i, x, i, x));
        }
        lines.add("E%s-bad,E%s,2024-03-01,2024-02-01,10.00,PL-%s".formatted(x, x, x));

        List<Violation> violations = rejected(ImportKind.INVOICES, lines.toArray(String[]::new));

        assertThat(violations).containsExactly(Violation.line(502, "dueDate", "is before the issue date"));
        assertThat(count("SELECT count(*) FROM invoice")).isEqualTo(invoicesBefore);
        assertThat(count("SELECT count(*) FROM import_run")).isEqualTo(runsBefore);
        assertThat(count("SELECT count(*) FROM product_line WHERE code = 'PL-" + x + "'"))
                .isZero();
    }

    @Test
    void every_bad_row_is_listed_with_its_line_and_reason() {
        customers("V" + x);
        List<Violation> violations = rejected(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount,currency",
                "V1" + x + ",V" + x + ",2024-01-01,2024-02-01,100.00,CNY",
                "V2" + x + ",NOBODY" + x + ",2024-01-01,2024-02-01,100.00,CNY",
                "V3" + x + ",V" + x + ",01/02/2024,2024-02-01,0,XYZ",
                "V1" + x + ",V" + x + ",2024-01-01,2024-02-01,-5,CNY",
                ",V" + x + ",2024-01-01,2024-02-01,abc,");

        assertThat(violations)
                .extracting(Violation::line, Violation::field, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2L, "invoiceNo", "invoice V1" + x + " appears more than once in the file"),
                        org.assertj.core.groups.Tuple.tuple(3L, "customerCode", "unknown customer NOBODY" + x),
                        org.assertj.core.groups.Tuple.tuple(4L, "issueDate", "'01/02/2024' is not a date yyyy-MM-dd"),
                        org.assertj.core.groups.Tuple.tuple(4L, "amount", "must be positive"),
                        org.assertj.core.groups.Tuple.tuple(
                                4L, "currency", "'XYZ' is not a currency the company has enabled"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L, "invoiceNo", "invoice V1" + x + " appears more than once in the file"),
                        org.assertj.core.groups.Tuple.tuple(
                                5L, "amount", "'-5' is not an amount with at most 2 decimals"),
                        org.assertj.core.groups.Tuple.tuple(6L, "invoiceNo", "is required"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "amount", "'abc' is not an amount with at most 2 decimals"));
    }

    @Test
    void a_date_of_digits_and_dashes_in_the_wrong_places_is_refused_by_line_not_an_error() {
        // import_date() let '2023-1-123' through to its CAST, which raised (a 500 for the whole file)
        customers("G" + x);
        List<Violation> violations = rejected(
                ImportKind.PAYMENTS,
                "paymentNo,customerCode,receivedOn,amount,method",
                "G1" + x + ",G" + x + ",2023-1-123,10.00,CASH",
                "G2" + x + ",G" + x + ",2-00-01101,10.00,CASH");

        assertThat(violations)
                .extracting(Violation::line, Violation::field, Violation::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, "receivedOn", "'2023-1-123' is not a date yyyy-MM-dd"),
                        org.assertj.core.groups.Tuple.tuple(3L, "receivedOn", "'2-00-01101' is not a date yyyy-MM-dd"));
    }

    @Test
    void the_same_file_twice_imports_nothing_the_second_time() {
        customers("T" + x);
        String[] file = {
            "invoiceNo,customerCode,issueDate,dueDate,amount",
            "T1" + x + ",T" + x + ",2024-01-01,2024-02-01,100.00",
            "T2" + x + ",T" + x + ",2024-01-02,2024-02-02,200.00",
            "T3" + x + ",T" + x + ",2024-01-03,2024-02-03,300"
        };
        events.clear();

        assertThat(run(ImportKind.INVOICES, file)).isEqualTo(new ImportResult(3, 0, List.of()));
        assertThat(run(ImportKind.INVOICES, file)).isEqualTo(new ImportResult(0, 3, List.of()));
        assertThat(events.stream(ImportCompleted.class))
                .extracting(
                        ImportCompleted::kind,
                        ImportCompleted::imported,
                        e -> e.customerIds().size())
                .containsExactly(tuple(ImportKind.INVOICES, 3, 1), tuple(ImportKind.INVOICES, 0, 1));
        assertThat(count("SELECT count(*) FROM import_run WHERE kind = 'INVOICES' AND rows_read = 3"))
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_stored_invoice_with_other_content_rejects_the_line() {
        customers("K" + x);
        run(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount",
                "K1" + x + ",K" + x + ",2024-01-01,2024-02-01,100.00");

        List<Violation> violations = rejected(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount",
                "K1" + x + ",K" + x + ",2024-01-01,2024-02-01,999.00");

        assertThat(violations)
                .containsExactly(
                        Violation.line(2, "invoiceNo", "invoice K1" + x + " already exists with different content"));
        assertThat(openAmount("K1" + x)).isEqualByComparingTo("100.00");
    }

    @Test
    void an_invoice_naming_an_order_marks_the_order_invoiced() {
        customers("N" + x);
        assertThat(run(
                        ImportKind.ORDERS,
                        "orderNo,customerCode,orderDate,amount,productLine",
                        "N1" + x + ",N" + x + ",2024-01-01,500.00,PL-" + x))
                .isEqualTo(new ImportResult(1, 0, List.of()));
        assertThat(jdbc.sql("SELECT status FROM sales_order WHERE order_no = 'N1" + x + "'")
                        .query(String.class)
                        .single())
                .isEqualTo("RELEASED");

        run(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,orderNo,issueDate,dueDate,amount,productLine",
                "NI" + x + ",N" + x + ",N1" + x + ",2024-01-10,2024-02-10,500.00,PL-" + x);

        assertThat(jdbc.sql("SELECT status FROM sales_order WHERE order_no = 'N1" + x + "'")
                        .query(String.class)
                        .single())
                .isEqualTo("INVOICED");
    }

    @Test
    void an_area_scoped_caller_may_only_import_rows_of_customers_in_their_areas() {
        customers("S1" + x + "@SOUTH-" + x, "S2" + x + "@WEST-" + x);
        Caller southRep = new Caller("rep", Set.of(Role.SALES_REP), Set.of("SOUTH-" + x));

        List<Violation> violations = rejected(
                ImportKind.INVOICES,
                southRep,
                "invoiceNo,customerCode,issueDate,dueDate,amount",
                "S1" + x + "-1,S1" + x + ",2024-01-01,2024-02-01,10.00",
                "S2" + x + "-1,S2" + x + ",2024-01-01,2024-02-01,10.00");

        assertThat(violations).containsExactly(Violation.line(3, "customerCode", "unknown customer S2" + x));
        assertThat(rejected(
                        ImportKind.CUSTOMERS,
                        southRep,
                        "code,name,area,businessGroup,paymentTermDays",
                        "S3" + x + ",New,WEST-" + x + ",VOLUME,30"))
                .containsExactly(Violation.line(2, "area", "area WEST-" + x + " is outside your areas"));
    }

    @Test
    void an_auditor_may_not_import() {
        Caller auditor = new Caller("audit", Set.of(Role.AUDITOR), Set.of());
        assertThatThrownBy(() -> imports.importCsv(ImportKind.CUSTOMERS, csv("code"), auditor))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN));
    }

    // Payments ------------------------------------------------------------------------------

    @Test
    void payment_naming_an_invoice_settles_it_up_to_its_open_amount_and_keeps_the_rest_unapplied() {
        customers("P" + x);
        run(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount",
                "PA" + x + ",P" + x + ",2024-01-01,2024-02-01,100.00",
                "PB" + x + ",P" + x + ",2024-03-01,2024-04-01,50.00");

        ImportResult result = run(
                ImportKind.PAYMENTS,
                "paymentNo,customerCode,receivedOn,amount,method,invoiceNo",
                "PP1" + x + ",P" + x + ",2024-05-01,30.00,BANK_TRANSFER,PB" + x,
                "PP2" + x + ",P" + x + ",2024-05-02,40.00,CASH,PB" + x);

        assertThat(result).isEqualTo(new ImportResult(2, 0, List.of()));
        assertThat(openAmount("PA" + x)).isEqualByComparingTo("100.00");
        assertThat(openAmount("PB" + x)).isEqualByComparingTo("0.00");
        assertThat(unapplied("PP1" + x)).isEqualByComparingTo("0.00");
        assertThat(unapplied("PP2" + x)).isEqualByComparingTo("20.00");
        assertThat(count(
                        "SELECT count(*) FROM allocation a JOIN payment p ON p.id = a.payment_id WHERE p.payment_no LIKE 'PP_"
                                + x + "'"))
                .isEqualTo(2);
    }

    @Test
    void payment_without_invoice_settles_oldest_invoices_first() {
        customers("O" + x);
        run(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount",
                "OC" + x + ",O" + x + ",2024-03-01,2024-04-01,300.00",
                "OA" + x + ",O" + x + ",2024-01-01,2024-02-01,100.00",
                "OB" + x + ",O" + x + ",2024-01-15,2024-02-01,200.00");

        run(
                ImportKind.PAYMENTS,
                "paymentNo,customerCode,receivedOn,amount,method",
                "OP2" + x + ",O" + x + ",2024-05-02,250.00,CHEQUE",
                "OP1" + x + ",O" + x + ",2024-05-01,150.00,BANK_TRANSFER");

        // OP1 (received first) pays OA 100 and OB 50; OP2 pays OB 150 and OC 100.
        assertThat(openAmount("OA" + x)).isEqualByComparingTo("0");
        assertThat(openAmount("OB" + x)).isEqualByComparingTo("0");
        assertThat(openAmount("OC" + x)).isEqualByComparingTo("200.00");
        assertThat(allocations("O" + x))
                .containsExactlyInAnyOrder(
                        "OP1" + x + ">OA" + x + "=100.00",
                        "OP1" + x + ">OB" + x + "=50.00",
                        "OP2" + x + ">OB" + x + "=150.00",
                        "OP2" + x + ">OC" + x + "=100.00");
        assertThat(SettlementCopies.notCarryingTheirInvoice(jdbc, "O" + x))
                .as("each settlement carries its invoice's customer, dates and currency (V73)")
                .isZero();
        assertThat(run(
                        ImportKind.PAYMENTS,
                        "paymentNo,customerCode,receivedOn,amount,method",
                        "OP2" + x + ",O" + x + ",2024-05-02,250.00,CHEQUE",
                        "OP1" + x + ",O" + x + ",2024-05-01,150.00,BANK_TRANSFER"))
                .isEqualTo(new ImportResult(0, 2, List.of()));
        assertThat(openAmount("OC" + x)).isEqualByComparingTo("200.00");
    }

    List<String> allocations(String customerCode) {
        return jdbc.sql("""
                        SELECT p.payment_no || '>' || i.invoice_no || '=' || a.amount
                        FROM allocation a
                        JOIN payment p ON p.id = a.payment_id
                        JOIN invoice i ON i.id = a.invoice_id
                        JOIN customer c ON c.id = a.customer_id
                        WHERE c.code = :code""").param("code", customerCode).query(String.class).list();
    }

    record Inv(String no, LocalDate due, LocalDate issued, BigDecimal amount) {}

    record Pay(String no, LocalDate received, BigDecimal amount) {}

    @Test
    void oldest_first_allocation_of_an_imported_file_equals_settling_payment_by_payment() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<String> customerCodes = new ArrayList<>();
        for (int c = 0; c < 4; c++) customerCodes.add("R" + c + x);
        customers(customerCodes.toArray(String[]::new));
        LocalDate start = LocalDate.of(2024, 1, 1);

        List<String> invoiceLines = new ArrayList<>(List.of("invoiceNo,customerCode,issueDate,dueDate,amount"));
        List<String> paymentLines = new ArrayList<>(List.of("paymentNo,customerCode,receivedOn,amount,method"));
        Map<String, List<Inv>> invoices = new LinkedHashMap<>();
        Map<String, List<Pay>> payments = new LinkedHashMap<>();
        for (String code : customerCodes) {
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                LocalDate issued = start.plusDays(random.nextInt(20));
                // few distinct due dates, so the issue date and number must break ties
                Inv inv = new Inv(
                        code + "-I" + i,
                        issued.plusDays(30 + 10L * random.nextInt(2)),
                        issued,
                        BigDecimal.valueOf(1 + random.nextInt(50_000), 2));
                invoices.computeIfAbsent(code, k -> new ArrayList<>()).add(inv);
                invoiceLines.add("%s,%s,%s,%s,%s".formatted(inv.no(), code, inv.issued(), inv.due(), inv.amount()));
            }
            for (int p = 0, n = 1 + random.nextInt(5); p < n; p++) {
                Pay pay = new Pay(
                        code + "-P" + p,
                        start.plusDays(40 + random.nextInt(3)),
                        BigDecimal.valueOf(1 + random.nextInt(40_000), 2));
                payments.computeIfAbsent(code, k -> new ArrayList<>()).add(pay);
                paymentLines.add("%s,%s,%s,%s,BANK_TRANSFER".formatted(pay.no(), code, pay.received(), pay.amount()));
            }
        }
        run(ImportKind.INVOICES, invoiceLines.toArray(String[]::new));
        run(ImportKind.PAYMENTS, paymentLines.toArray(String[]::new));

        for (String code : customerCodes) {
            Map<String, BigDecimal> open = new LinkedHashMap<>();
            invoices.get(code).stream()
                    .sorted(Comparator.comparing(Inv::due)
                            .thenComparing(Inv::issued)
                            .thenComparing(Inv::no))
                    .forEach(i -> open.put(i.no(), i.amount()));
            Map<String, BigDecimal> left = new HashMap<>();
            List<String> expected = new ArrayList<>();
            payments.get(code).stream()
                    .sorted(Comparator.comparing(Pay::received).thenComparing(Pay::no))
                    .forEach(pay -> {
                        BigDecimal rest = pay.amount();
                        for (Map.Entry<String, BigDecimal> inv : open.entrySet()) {
                            BigDecimal settled = rest.min(inv.getValue());
                            if (settled.signum() > 0) {
                                expected.add(pay.no() + ">" + inv.getKey() + "=" + settled.setScale(2));
                                inv.setValue(inv.getValue().subtract(settled));
                                rest = rest.subtract(settled);
                            }
                        }
                        left.put(pay.no(), rest);
                    });

            assertThat(allocations(code)).as("seed %d", seed).containsExactlyInAnyOrderElementsOf(expected);
            open.forEach((no, amount) ->
                    assertThat(openAmount(no)).as("seed %d, %s", seed, no).isEqualByComparingTo(amount));
            left.forEach((no, amount) ->
                    assertThat(unapplied(no)).as("seed %d, %s", seed, no).isEqualByComparingTo(amount));
        }
    }

    @Test
    void a_payment_naming_an_invoice_of_another_customer_or_currency_is_rejected() {
        customers("Y1" + x, "Y2" + x);
        run(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount,currency",
                "YI" + x + ",Y1" + x + ",2024-01-01,2024-02-01,100.00,CNY");

        List<Violation> violations = rejected(
                ImportKind.PAYMENTS,
                "paymentNo,customerCode,receivedOn,amount,currency,method,invoiceNo",
                "YP1" + x + ",Y2" + x + ",2024-05-01,10.00,CNY,CASH,YI" + x,
                "YP2" + x + ",Y1" + x + ",2024-05-01,10.00,USD,CASH,YI" + x,
                "YP3" + x + ",Y1" + x + ",2024-05-01,10.00,CNY,GOLD,NOPE" + x);

        assertThat(violations)
                .containsExactly(
                        Violation.line(2, "invoiceNo", "invoice YI" + x + " is not of customer Y2" + x),
                        Violation.line(3, "invoiceNo", "invoice YI" + x + " is in CNY, the payment in USD"),
                        Violation.line(
                                4, "method", "'GOLD' is not one of BANK_TRANSFER, CHEQUE, CASH, BANK_ACCEPTANCE"),
                        Violation.line(4, "invoiceNo", "unknown invoice NOPE" + x));
        assertThat(count("SELECT count(*) FROM payment WHERE payment_no LIKE 'YP_" + x + "'"))
                .isZero();
    }
}

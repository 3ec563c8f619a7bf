package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.creditdesk.imports.BankStatement.Entry;
import org.creditdesk.imports.BankStatement.StatementFormat;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every sample under src/test/resources/bank (copied from shared/data/bank with their licences). */
class BankStatementParserTests {

    static byte[] sample(String path) {
        try (InputStream in = BankStatementParserTests.class.getResourceAsStream("/bank/" + path)) {
            return Objects.requireNonNull(in, path).readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<BankStatement> parse(String path) {
        return BankStatementParser.parse(sample(path));
    }

    static List<Entry> entries(String path) {
        return parse(path).stream().flatMap(s -> s.entries().stream()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "genkgo_camt/camt052.v4.xml, CAMT_052, 1, 0",
        "genkgo_camt/camt053.v2.minimal.xml, CAMT_053, 1, 1",
        "genkgo_camt/camt053.v2.multi.statement.xml, CAMT_053, 2, 2",
        "genkgo_camt/camt053.v3.xml, CAMT_053, 1, 1",
        "genkgo_camt/camt053.v4.xml, CAMT_053, 1, 1",
        "genkgo_camt/camt053.v8.xml, CAMT_053, 1, 1",
        "genkgo_camt/camt054.v2.xml, CAMT_054, 1, 1",
        "genkgo_camt/camt054.v4.xml, CAMT_054, 1, 1",
        "genkgo_camt/camt054.v8.xml, CAMT_054, 1, 1",
        "hbci4java/test-camt-parse-05200102.xml, CAMT_052, 1, 2",
        "hbci4java/test-camt-parse-05200108.xml, CAMT_052, 1, 1",
        "hbci4java/test-camt-ruecklastschrift.xml, CAMT_052, 1, 1",
        "hbci4java/test-mt940-001.sta, MT940, 1, 2",
        "hbci4java/test-mt940-002.sta, MT940, 1, 2",
        "php_mt940/Abn_sample.mt940, MT940, 4, 5",
        "php_mt940/Asn_sample.mt940, MT940, 7, 3",
        "php_mt940/Bunq_sample.mt940, MT940, 1, 111",
        "php_mt940/Hsbc_sample.mt940, MT940, 1, 1",
        "php_mt940/Ing_sample.mt940, MT940, 1, 7",
        "php_mt940/Kbs_sample.mt940, MT940, 1, 3",
        "php_mt940/Knab_sample.mt940, MT940, 1, 5",
        "php_mt940/Penta_sample.mt940, MT940, 1, 30",
        "php_mt940/Rabo_sample.mt940, MT940, 39, 39",
        "php_mt940/Spk_sample.mt940, MT940, 4, 10",
        "php_mt940/Triodos_sample.mt940, MT940, 2, 8",
        "php_mt940/Zetb_sample.mt940, MT940, 1, 8",
        "wolph_mt940/betterplace_sepa_snippet.sta, MT940, 2, 11",
        "wolph_mt940/cmxl_mt940.sta, MT940, 3, 16",
        "wolph_mt940/jejik_abnamro.sta, MT940, 2, 10",
        "wolph_mt940/jejik_ing.sta, MT940, 1, 7",
        "wolph_mt940/jejik_knab.sta, MT940, 2, 3",
        "wolph_mt940/jejik_postfinance.sta, MT940, 2, 4",
        "wolph_mt940/jejik_rabobank-iban.sta, MT940, 2, 4",
        "wolph_mt940/jejik_rabobank.sta, MT940, 4, 5",
        "wolph_mt940/jejik_sns.sta, MT940, 2, 2",
        "wolph_mt940/jejik_triodos.sta, MT940, 1, 2",
    })
    void every_sample_parses_with_its_statements_and_entries(
            String path, StatementFormat format, int statements, int entries) {
        List<BankStatement> parsed = parse(path);
        assertThat(parsed).hasSize(statements).allSatisfy(s -> {
            assertThat(s.format()).isEqualTo(format);
            assertThat(s.account()).isNotBlank();
            assertThat(s.statementRef()).isNotBlank();
        });
        List<Entry> all = parsed.stream().flatMap(s -> s.entries().stream()).toList();
        assertThat(all).hasSize(entries).allSatisfy(e -> {
            assertThat(e.amount()).isNotNegative();
            assertThat(e.currency()).matches("[A-Z]{3}");
            assertThat(e.bookedOn()).isNotNull();
            assertThat(e.location()).isNotBlank();
        });
        if (format == StatementFormat.MT940) {
            assertThat(parsed).allSatisfy(s -> assertThat(s.opening()).isNotNull());
        }
    }

    @Test
    void mt940_balances_close_with_the_entries_of_each_statement() {
        for (String path : List.of(
                "hbci4java/test-mt940-001.sta",
                "php_mt940/Abn_sample.mt940",
                "php_mt940/Bunq_sample.mt940",
                "php_mt940/Spk_sample.mt940")) {
            for (BankStatement s : parse(path)) {
                BigDecimal moved = s.entries().stream()
                        .map(e -> e.credit() ? e.amount() : e.amount().negate())
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(s.opening().amount().add(moved))
                        .as("%s %s", path, s.statementRef())
                        .isEqualByComparingTo(s.closing().amount());
            }
        }
    }

    @Test
    void camt053_v2_reads_balances_entry_party_remittance_and_code() {
        List<BankStatement> statements = parse("genkgo_camt/camt053.v2.multi.statement.xml");
        BankStatement first = statements.getFirst();
        assertThat(first.account()).isEqualTo("NL26VAYB8060476890");
        assertThat(first.opening().amount()).isEqualByComparingTo("18.15");
        assertThat(first.closing().amount()).isEqualByComparingTo("27.00");
        Entry entry = first.entries().getFirst();
        assertThat(entry.credit()).isTrue();
        assertThat(entry.amount()).isEqualByComparingTo("8.85");
        assertThat(entry.bookedOn()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(entry.valueOn()).isEqualTo(LocalDate.of(2015, 1, 2));
        assertThat(entry.endToEndId()).isEqualTo("000000001");
        assertThat(entry.counterpartyName()).isEqualTo("Company Name 1");
        assertThat(entry.counterpartyAccount()).isEqualTo("NL56AGDH9619008421");
        assertThat(entry.remittance()).isEqualTo("Transaction Description 1");
        assertThat(statements.get(1).entries().getFirst().credit()).isFalse();
    }

    @Test
    void camt053_v8_reads_the_status_code_and_the_domain_family_subfamily_code() {
        Entry entry = entries("genkgo_camt/camt053.v8.xml").getFirst();
        assertThat(entry.bankCode()).isEqualTo("PMNT/RCDT/BOOK");
        assertThat(entry.bankReference()).isEqualTo("AAAASESS-FP-CN_98765/01");
        assertThat(entry.structuredRefs()).containsExactly("4654654654654654");
    }

    @Test
    void camt054_reads_structured_references_and_every_unstructured_line() {
        Entry entry = entries("genkgo_camt/camt054.v8.xml").getFirst();
        assertThat(entry.credit()).isFalse();
        assertThat(entry.amount()).isEqualByComparingTo("200000");
        assertThat(entry.currency()).isEqualTo("SEK");
        assertThat(entry.structuredRefs()).contains("ISR ref number V1", "Ref number V3 block 2");
        assertThat(entry.remittance()).contains("Unstructured Remittance Information V1");
    }

    @Test
    void returned_direct_debit_keeps_its_reason_code_and_the_bank_charge() {
        Entry entry = entries("hbci4java/test-camt-ruecklastschrift.xml").getFirst();
        assertThat(entry.credit()).isFalse();
        assertThat(entry.returned()).isTrue();
        assertThat(entry.returnReason()).isEqualTo("MS03");
        assertThat(entry.amount()).isEqualByComparingTo("53.00");
        assertThat(entry.charges()).isEqualByComparingTo("3.00");
        assertThat(entry.takesBackACredit()).isTrue();
    }

    @Test
    void german_mt940_subfields_give_payer_account_name_and_purpose() {
        Entry entry = entries("php_mt940/Spk_sample.mt940").get(1);
        assertThat(entry.counterpartyName()).isEqualTo("SOMEONEELSE");
        assertThat(entry.counterpartyAccount()).isEqualTo("0012345679");
        assertThat(entry.remittance()).startsWith("Gutschrift PARTNERKEY");
        assertThat(entry.bankCode()).isEqualTo("N051");
        assertThat(entry.bankReference()).isEqualTo("0000234982341123");
    }

    @Test
    void sepa_mt940_retoure_is_a_return_and_eref_the_end_to_end_id() {
        List<Entry> all = entries("wolph_mt940/betterplace_sepa_snippet.sta");
        assertThat(all).filteredOn(Entry::returned).hasSize(4);
        Entry debitReturn =
                all.stream().filter(Entry::takesBackACredit).findFirst().orElseThrow();
        assertThat(debitReturn.amount()).isEqualByComparingTo("0.08");
        assertThat(debitReturn.returnReason()).isEqualTo("RETOURE");
        assertThat(all.get(1).endToEndId()).isEqualTo("TFNR 0300300004");
        assertThat(all.get(1).counterpartyName()).isEqualTo("Quentin Quast");
    }

    @Test
    void rabobank_dot_decimals_and_trailing_ctrl_z_are_read() {
        List<BankStatement> statements = parse("php_mt940/Rabo_sample.mt940");
        assertThat(statements.getLast().closing().amount()).isEqualByComparingTo("5500.00");
        assertThat(statements.stream().flatMap(s -> s.entries().stream()))
                .anySatisfy(e -> assertThat(e.amount()).isEqualByComparingTo("40310.50"));
    }

    @Test
    void cheque_transaction_type_gives_a_cheque_with_its_number() {
        Entry entry = entries("wolph_mt940/cmxl_mt940.sta").getFirst();
        assertThat(entry.cheque()).isTrue();
        assertThat(entry.chequeNo()).isEqualTo("16703074");
        assertThat(entry.bankCode()).isEqualTo("NCHK");
    }

    @Test
    void dutch_structured_information_gives_iban_name_and_remittance() {
        Entry entry = entries("php_mt940/Asn_sample.mt940").getFirst();
        assertThat(entry.credit()).isFalse();
        assertThat(entry.amount()).isEqualByComparingTo("2000.00");
        assertThat(entry.bookedOn()).isEqualTo(LocalDate.of(2020, 1, 2));
    }

    // ---- bad input: each refused with the line or element, never an exception of another kind ----

    static List<Violation> refused(byte[] content) {
        ProblemException[] caught = new ProblemException[1];
        assertThatThrownBy(() -> BankStatementParser.parse(content))
                .isInstanceOfSatisfying(ProblemException.class, e -> caught[0] = e);
        assertThat(caught[0].kind().status).isBetween(400, 499);
        return caught[0].violations();
    }

    @Test
    void truncated_camt_names_the_line_where_it_breaks() {
        String xml = new String(sample("genkgo_camt/camt053.v4.xml"), StandardCharsets.UTF_8);
        String cut = xml.substring(0, xml.indexOf("<Ntry>") + 40);
        List<Violation> violations = refused(cut.getBytes(StandardCharsets.UTF_8));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(cut.lines().count());
            assertThat(v.field()).isEqualTo("XML");
        });
    }

    @Test
    void unknown_camt_version_is_refused_naming_the_document_element() {
        String xml = new String(sample("genkgo_camt/camt053.v4.xml"), StandardCharsets.UTF_8)
                .replace("camt.053.001.04", "camt.053.001.99");
        assertThat(refused(xml.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("Document");
                    assertThat(v.message()).contains("camt.053.001.99");
                });
    }

    @Test
    void doctype_with_an_external_entity_is_refused_before_anything_is_resolved() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&xxe;</BkToCstmrStmt></Document>
                """;
        assertThat(refused(xml.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("DOCTYPE");
                    assertThat(v.line()).isEqualTo(2L);
                    assertThat(v.message()).doesNotContain("root:");
                });
    }

    @Test
    void non_utf8_mt940_with_an_umlaut_names_its_line() {
        String text = new String(sample("hbci4java/test-mt940-001.sta"), StandardCharsets.UTF_8)
                .replace("Max Mustermann", "Max M\u00fcller");
        byte[] latin1 = text.getBytes(StandardCharsets.ISO_8859_1);
        long line = text.lines().takeWhile(l -> !l.contains("M\u00fcller")).count() + 1;
        assertThat(refused(latin1)).singleElement().satisfies(v -> {
            assertThat(v.line()).isEqualTo(line);
            assertThat(v.message()).contains("0xFC").contains("UTF-8");
        });
    }

    @Test
    void truncated_mt940_without_closing_balance_is_refused() {
        String text = new String(sample("hbci4java/test-mt940-001.sta"), StandardCharsets.UTF_8);
        String cut = text.substring(0, text.indexOf(":62F:"));
        assertThat(refused(cut.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo(":62F:"));
    }

    @Test
    void bad_amount_in_a_camt_entry_names_the_element() {
        String xml = new String(sample("genkgo_camt/camt053.v4.xml"), StandardCharsets.UTF_8)
                .replaceFirst("(<Ntry>\\s*(?:<NtryRef>[^<]*</NtryRef>\\s*)?<Amt Ccy=\"EUR\">)[^<]*", "$1abc");
        assertThat(refused(xml.getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("BkToCstmrStmt/Stmt[1]/Ntry[1]/Amt"));
    }

    @Test
    void other_content_is_refused_as_unknown_format() {
        assertThat(refused("hello,world\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> assertThat(v.line()).isEqualTo(1L));
        assertThat(refused("<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>"
                        .getBytes(StandardCharsets.UTF_8)))
                .singleElement()
                .satisfies(v -> assertThat(v.message()).contains("not a camt"));
    }

    @Test
    void escaped_characters_keep_the_whole_remittance_text() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                <Ntry><Amt Ccy="EUR">10.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
                <BookgDt><Dt>2026-03-02</Dt></BookgDt><NtryDtls><TxDtls><RltdPties><Dbtr><Nm>M&amp;S Ltd</Nm></Dbtr></RltdPties>
                <RmtInf><Ustrd>INV-1 &amp; INV-2 &lt;paid&gt;</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                </Stmt></BkToCstmrStmt></Document>
                """;
        Entry entry = BankStatementParser.parse(xml.getBytes(StandardCharsets.UTF_8))
                .getFirst()
                .entries()
                .getFirst();
        assertThat(entry.remittance()).isEqualTo("INV-1 & INV-2 <paid>");
        assertThat(entry.counterpartyName()).isEqualTo("M&S Ltd");
    }

    @Test
    void a_statement_of_thousands_of_entries_reads_each_in_order_with_its_location() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>M2</MsgId><CreDtTm>2026-03-02T18:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>S2</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                """);
        int n = 5_000;
        for (int i = 1; i <= n; i++) {
            xml.append("<Ntry><Amt Ccy=\"EUR\">%d.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>".formatted(i))
                    .append("<BookgDt><Dt>2026-03-02</Dt></BookgDt><AcctSvcrRef>R%d</AcctSvcrRef>".formatted(i))
                    .append("<NtryDtls><TxDtls><RmtInf><Strd><RfrdDocInf><Nb>INV-%d</Nb></RfrdDocInf></Strd>"
                            .formatted(i))
                    .append("</RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        xml.append("</Stmt></BkToCstmrStmt></Document>\n");
        List<Entry> entries = BankStatementParser.parse(xml.toString().getBytes(StandardCharsets.UTF_8))
                .getFirst()
                .entries();
        assertThat(entries).hasSize(n);
        for (int i = 1; i <= n; i += 997) {
            Entry e = entries.get(i - 1);
            assertThat(e.amount()).isEqualByComparingTo(BigDecimal.valueOf(i));
            assertThat(e.bankReference()).isEqualTo("R" + i);
            assertThat(e.structuredRefs()).containsExactly("INV-" + i);
            assertThat(e.location()).isEqualTo("BkToCstmrStmt/Stmt[1]/Ntry[%d]".formatted(i));
        }
    }
}

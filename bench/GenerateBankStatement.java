import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes customers.csv (each with a bank account), invoices.csv (three open invoices each) and one
 * camt.053.001.02 statement.xml with ENTRIES credits paying them: 60 % from the customer's account
 * naming the invoice in the structured remittance, 25 % from an unknown account naming it in the
 * free text, 10 % naming only the customer code, 5 % from nobody known (unmatched). Seed 42.
 * Usage: java bench/GenerateBankStatement.java DIR ENTRIES CUSTOMERS
 *
 * <p>Against an existing portfolio (no customers or invoices written):
 * java bench/GenerateBankStatement.java DIR ENTRIES --open-invoices FILE [LABEL [IBAN]], where FILE holds one open
 * invoice a line, tab-separated: customer code, the customer's bank account, invoice number, open
 * amount, currency (as bench/run bank-statements-portfolio exports them, at most one line per
 * invoice, in the order they are to be paid). The entries pay the first ENTRIES lines with the same
 * mix of matching kinds and seed; an optional LABEL (default P) makes the statement id and the
 * bank references distinct, so a second file for the next lines is not a duplicate; an optional IBAN is
 * the statement's account (default DE02120300000000202051).
 */
public class GenerateBankStatement {

    static final String ACCOUNT = "DE02120300000000202051";

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        if ("--open-invoices".equals(args[2])) {
            fromPortfolio(
                    dir,
                    entries,
                    Path.of(args[3]),
                    args.length > 4 ? args[4] : "P",
                    args.length > 5 ? args[5] : ACCOUNT);
            return;
        }
        int customers = Integer.parseInt(args[2]);
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            out.write("code,name,area,businessGroup,paymentTermDays,currency,bankAccounts\n");
            for (int c = 0; c < customers; c++) {
                out.write("BB%06d,Bench Bank Customer %d Ltd,EAST,VOLUME,30,EUR,DE%02d 5001 0517 %010d\n"
                        .formatted(c, c, c % 100, c));
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("invoices.csv"), StandardCharsets.UTF_8)) {
            out.write("invoiceNo,customerCode,issueDate,dueDate,amount,currency\n");
            for (int c = 0; c < customers; c++) {
                for (int k = 0; k < 3; k++) {
                    out.write("BBI%06d-%d,BB%06d,2026-01-0%d,2026-02-0%d,%d.00,EUR\n"
                            .formatted(c, k, c, k + 1, k + 1, 100 + (c * 7 + k) % 900));
                }
            }
        }
        LocalDate day = LocalDate.of(2026, 3, 2);
        try (BufferedWriter out = Files.newBufferedWriter(dir.resolve("statement.xml"), StandardCharsets.UTF_8)) {
            out.write(header(String.valueOf(entries), day, "EUR", ACCOUNT));
            for (int e = 0; e < entries; e++) {
                // Entry e pays invoice (e / customers) % 3 of customer e % customers: never twice the same.
                int c = e % customers;
                int k = (e / customers) % 3;
                String invoice = "BBI%06d-%d".formatted(c, k);
                int amount = 100 + (c * 7 + k) % 900;
                String payer = mixed(
                        random.nextInt(100),
                        e,
                        "Bench Bank Customer %d Ltd".formatted(c),
                        "DE%02d50010517%010d".formatted(c % 100, c),
                        invoice,
                        "BB%06d".formatted(c));
                out.write(entry(amount + ".00", "EUR", day, String.valueOf(e), payer));
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
    }

    /** One credit per open invoice of FILE (code, account, invoice, open amount, currency), same mix as above. */
    static void fromPortfolio(Path dir, int entries, Path openInvoices, String label, String iban)
            throws IOException {
        Random random = new Random(42);
        LocalDate day = LocalDate.of(2026, 12, 6);
        int written = 0;
        String accountCurrency;
        try (var first = Files.lines(openInvoices, StandardCharsets.UTF_8)) {
            accountCurrency = first.findFirst().map(l -> l.split("\t", -1)[4]).orElse("EUR");
        }
        try (var lines = Files.newBufferedReader(openInvoices, StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(dir.resolve("statement.xml"), StandardCharsets.UTF_8)) {
            out.write(header(label + "-" + entries, day, accountCurrency, iban));
            String line;
            while (written < entries && (line = lines.readLine()) != null) {
                String[] f = line.split("\t", -1);
                String code = f[0];
                String account = f[1].replaceAll("[^A-Za-z0-9]", "");
                String invoice = f[2];
                String amount = f[3];
                String currency = f[4];
                int e = written++;
                String payer = mixed(random.nextInt(100), e, "Customer " + code, account, invoice, code);
                out.write(entry(amount, currency, day, label + e, payer));
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
        if (written < entries) {
            throw new IllegalStateException("only %d open invoices in %s for %d entries".formatted(written, openInvoices, entries));
        }
    }

    static String header(String id, LocalDate day, String currency, String iban) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                <GrpHdr><MsgId>BENCH-%1$s</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                <Stmt><Id>BENCH-%1$s</Id><ElctrncSeqNb>1</ElctrncSeqNb>
                <FrToDt><FrDtTm>%2$sT00:00:00</FrDtTm><ToDtTm>%2$sT23:59:59</ToDtTm></FrToDt>
                <Acct><Id><IBAN>%4$s</IBAN></Id><Ccy>%3$s</Ccy></Acct>
                """.formatted(id, day, currency, iban);
    }

    /**
     * The related parties and remittance of one credit by KIND (0-99): below 60 from the customer's
     * ACCOUNT naming the invoice in Strd (without an account: as below 85), below 85 from an unknown
     * payer naming it in Ustrd, below 95 naming only the customer CODE, else from nobody known.
     */
    static String mixed(int kind, int e, String name, String account, String invoice, String code) {
        if (kind < 60 && !account.isEmpty()) {
            return "<RltdPties><Dbtr><Nm>%s</Nm></Dbtr><DbtrAcct><Id><Othr><Id>%s</Id></Othr></Id></DbtrAcct></RltdPties><RmtInf><Strd><RfrdDocInf><Nb>%s</Nb></RfrdDocInf></Strd></RmtInf>"
                    .formatted(name, account, invoice);
        } else if (kind < 85) {
            return "<RltdPties><Dbtr><Nm>Payer %d</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Invoice %s thank you</Ustrd></RmtInf>"
                    .formatted(e, invoice);
        } else if (kind < 95) {
            return "<RltdPties><Dbtr><Nm>Payer %d</Nm></Dbtr></RltdPties><RmtInf><Ustrd>Customer %s</Ustrd></RmtInf>"
                    .formatted(e, code);
        }
        return "<RltdPties><Dbtr><Nm>Somebody %d</Nm></Dbtr></RltdPties><RmtInf><Ustrd>goods</Ustrd></RmtInf>".formatted(e);
    }

    static String entry(String amount, String currency, LocalDate day, String ref, String payer) {
        return "<Ntry><Amt Ccy=\"%s\">%s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>B%s</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>%s</TxDtls></NtryDtls></Ntry>\n"
                .formatted(currency, amount, day, ref, payer);
    }
}

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
 */
public class GenerateBankStatement {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int entries = Integer.parseInt(args[1]);
        int customers = Integer.parseInt(args[2]);
        Random random = new Random(42);
        Files.createDirectories(dir);
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
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
                    <GrpHdr><MsgId>BENCH-%1$d</MsgId><CreDtTm>%2$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt><Id>BENCH-%1$d</Id><ElctrncSeqNb>1</ElctrncSeqNb>
                    <FrToDt><FrDtTm>%2$sT00:00:00</FrDtTm><ToDtTm>%2$sT23:59:59</ToDtTm></FrToDt>
                    <Acct><Id><IBAN>DE02120300000000202051</IBAN></Id><Ccy>EUR</Ccy></Acct>
                    """.formatted(entries, day));
            for (int e = 0; e < entries; e++) {
                // Entry e pays invoice (e / customers) % 3 of customer e % customers: never twice the same.
                int c = e % customers;
                int k = (e / customers) % 3;
                String invoice = "BBI%06d-%d".formatted(c, k);
                int amount = 100 + (c * 7 + k) % 900;
                int kind = random.nextInt(100);
                String party;
                String remittance;
                if (kind < 60) {
                    party = "<Dbtr><Nm>Bench Bank Customer %d Ltd</Nm></Dbtr><DbtrAcct><Id><Othr><Id>DE%02d50010517%010d</Id></Othr></Id></DbtrAcct>"
                            .formatted(c, c % 100, c);
                    remittance = "<Strd><RfrdDocInf><Nb>%s</Nb></RfrdDocInf></Strd>".formatted(invoice);
                } else if (kind < 85) {
                    party = "<Dbtr><Nm>Payer %d</Nm></Dbtr>".formatted(e);
                    remittance = "<Ustrd>Invoice %s thank you</Ustrd>".formatted(invoice);
                } else if (kind < 95) {
                    party = "<Dbtr><Nm>Payer %d</Nm></Dbtr>".formatted(e);
                    remittance = "<Ustrd>Customer BB%06d</Ustrd>".formatted(c);
                } else {
                    party = "<Dbtr><Nm>Somebody %d</Nm></Dbtr>".formatted(e);
                    remittance = "<Ustrd>goods</Ustrd>";
                }
                out.write("<Ntry><Amt Ccy=\"EUR\">%d.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>%s</Dt></BookgDt><AcctSvcrRef>B%d</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls><RltdPties>%s</RltdPties><RmtInf>%s</RmtInf></TxDtls></NtryDtls></Ntry>\n"
                        .formatted(amount, day, e, party, remittance));
            }
            out.write("</Stmt></BkToCstmrStmt></Document>\n");
        }
    }
}

package org.creditdesk.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes ISO 20022 camt.053.001.02 account statements: for the demo's month of bank statements, the
 * import benchmark and the tests. Streams to a {@link Writer}, so 100,000 entries need no memory.
 */
public final class Camt053Writer {

    /** One booked entry; {@code code} is "domain/family/subfamily", e.g. PMNT/RCDT/ESCT. */
    public record Line(
            String reference,
            LocalDate bookedOn,
            BigDecimal amount,
            boolean credit,
            boolean reversal,
            String code,
            @Nullable String payerName,
            @Nullable String payerIban,
            @Nullable String endToEndId,
            @Nullable String chequeNo,
            @Nullable String remittance,
            List<String> invoiceNos,
            @Nullable String returnReason,
            @Nullable BigDecimal charges) {

        public Line {
            invoiceNos = List.copyOf(invoiceNos);
        }

        /** A customer's transfer naming invoices in the structured remittance. */
        public static Line transfer(
                String reference,
                LocalDate on,
                BigDecimal amount,
                @Nullable String payerName,
                @Nullable String payerIban,
                @Nullable String remittance,
                List<String> invoiceNos) {
            return new Line(
                    reference,
                    on,
                    amount,
                    true,
                    false,
                    "PMNT/RCDT/ESCT",
                    payerName,
                    payerIban,
                    "E2E-" + reference,
                    null,
                    remittance,
                    invoiceNos,
                    null,
                    null);
        }

        /** A cheque paid in. */
        public static Line cheque(
                String reference,
                LocalDate on,
                BigDecimal amount,
                @Nullable String payerName,
                @Nullable String payerIban,
                String chequeNo,
                @Nullable String remittance) {
            return new Line(
                    reference,
                    on,
                    amount,
                    true,
                    false,
                    "PMNT/RCHQ/BCHQ",
                    payerName,
                    payerIban,
                    null,
                    chequeNo,
                    remittance,
                    List.of(),
                    null,
                    null);
        }

        /** The bank returns an unpaid cheque: a debit with the return reason and a charge. */
        public static Line returnedCheque(
                String reference,
                LocalDate on,
                BigDecimal amount,
                @Nullable String payerIban,
                String chequeNo,
                String reason,
                @Nullable BigDecimal charges) {
            BigDecimal total = charges == null ? amount : amount.add(charges);
            return new Line(
                    reference,
                    on,
                    total,
                    false,
                    false,
                    "PMNT/RCHQ/UPCQ",
                    null,
                    payerIban,
                    null,
                    chequeNo,
                    "UNPAID CHEQUE " + chequeNo,
                    List.of(),
                    reason,
                    charges);
        }

        /** A returned transfer (SEPA return): a debit naming the original end-to-end id. */
        public static Line returnedTransfer(
                String reference,
                LocalDate on,
                BigDecimal amount,
                @Nullable String payerIban,
                String originalEndToEndId,
                String reason) {
            return new Line(
                    reference,
                    on,
                    amount,
                    false,
                    false,
                    "PMNT/RCDT/RRTN",
                    null,
                    payerIban,
                    originalEndToEndId,
                    null,
                    "RETURN " + reason,
                    List.of(),
                    reason,
                    null);
        }

        /** A payment of ours (a debit that is not a return). */
        public static Line outgoing(String reference, LocalDate on, BigDecimal amount, String payee, String text) {
            return new Line(
                    reference,
                    on,
                    amount,
                    false,
                    false,
                    "PMNT/ICDT/ESCT",
                    payee,
                    null,
                    null,
                    null,
                    text,
                    List.of(),
                    null,
                    null);
        }
    }

    private Camt053Writer() {}

    public static void write(
            Writer out,
            String statementId,
            String account,
            String currency,
            LocalDate from,
            LocalDate to,
            BigDecimal opening,
            List<Line> lines) {
        try {
            BigDecimal closing = opening;
            for (Line l : lines) closing = l.credit() ? closing.add(l.amount()) : closing.subtract(l.amount());
            out.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                    <BkToCstmrStmt>
                    <GrpHdr><MsgId>%1$s</MsgId><CreDtTm>%3$sT18:00:00</CreDtTm></GrpHdr>
                    <Stmt><Id>%1$s</Id><ElctrncSeqNb>1</ElctrncSeqNb><CreDtTm>%3$sT18:00:00</CreDtTm>
                    <FrToDt><FrDtTm>%2$sT00:00:00</FrDtTm><ToDtTm>%3$sT23:59:59</ToDtTm></FrToDt>
                    <Acct><Id><IBAN>%4$s</IBAN></Id><Ccy>%5$s</Ccy></Acct>
                    """.formatted(xml(statementId), from, to, xml(account), currency));
            balance(out, "OPBD", opening, currency, from);
            balance(out, "CLBD", closing, currency, to);
            for (Line l : lines) entry(out, l, currency);
            out.write("</Stmt>\n</BkToCstmrStmt>\n</Document>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void balance(Writer out, String type, BigDecimal amount, String currency, LocalDate on)
            throws IOException {
        out.write(
                "<Bal><Tp><CdOrPrtry><Cd>%s</Cd></CdOrPrtry></Tp><Amt Ccy=\"%s\">%s</Amt><CdtDbtInd>%s</CdtDbtInd><Dt><Dt>%s</Dt></Dt></Bal>\n"
                        .formatted(
                                type,
                                currency,
                                amount.abs().toPlainString(),
                                amount.signum() < 0 ? "DBIT" : "CRDT",
                                on));
    }

    private static void entry(Writer out, Line l, String currency) throws IOException {
        String[] code = l.code().split("/");
        StringBuilder s = new StringBuilder(640);
        s.append("<Ntry><NtryRef>")
                .append(xml(l.reference()))
                .append("</NtryRef>")
                .append("<Amt Ccy=\"")
                .append(currency)
                .append("\">")
                .append(l.amount().toPlainString())
                .append("</Amt>")
                .append("<CdtDbtInd>")
                .append(l.credit() ? "CRDT" : "DBIT")
                .append("</CdtDbtInd>");
        if (l.reversal()) s.append("<RvslInd>true</RvslInd>");
        s.append("<Sts>BOOK</Sts><BookgDt><Dt>")
                .append(l.bookedOn())
                .append("</Dt></BookgDt>")
                .append("<ValDt><Dt>")
                .append(l.bookedOn())
                .append("</Dt></ValDt>")
                .append("<AcctSvcrRef>")
                .append(xml(l.reference()))
                .append("</AcctSvcrRef>")
                .append("<BkTxCd><Domn><Cd>")
                .append(code[0])
                .append("</Cd><Fmly><Cd>")
                .append(code[1])
                .append("</Cd><SubFmlyCd>")
                .append(code[2])
                .append("</SubFmlyCd></Fmly></Domn></BkTxCd>");
        if (l.charges() != null && l.charges().signum() > 0) {
            s.append("<Chrgs><Amt Ccy=\"")
                    .append(currency)
                    .append("\">")
                    .append(l.charges().toPlainString())
                    .append("</Amt></Chrgs>");
        }
        s.append("<NtryDtls><TxDtls><Refs>");
        if (l.endToEndId() != null)
            s.append("<EndToEndId>").append(xml(l.endToEndId())).append("</EndToEndId>");
        if (l.chequeNo() != null) s.append("<ChqNb>").append(xml(l.chequeNo())).append("</ChqNb>");
        s.append("</Refs>");
        if (l.payerName() != null || l.payerIban() != null) {
            String party = l.credit() ? "Dbtr" : "Cdtr";
            s.append("<RltdPties>");
            if (l.payerName() != null)
                s.append('<')
                        .append(party)
                        .append("><Nm>")
                        .append(xml(l.payerName()))
                        .append("</Nm></")
                        .append(party)
                        .append('>');
            if (l.payerIban() != null) {
                // An IBAN as such; a domestic account number (with its bank's prefix) as another id.
                boolean iban = l.payerIban().matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}");
                s.append('<')
                        .append(party)
                        .append("Acct><Id>")
                        .append(iban ? "<IBAN>" : "<Othr><Id>")
                        .append(xml(l.payerIban()))
                        .append(iban ? "</IBAN>" : "</Id></Othr>")
                        .append("</Id></")
                        .append(party)
                        .append("Acct>");
            }
            s.append("</RltdPties>");
        }
        if (l.remittance() != null || !l.invoiceNos().isEmpty()) {
            s.append("<RmtInf>");
            if (l.remittance() != null)
                s.append("<Ustrd>").append(xml(l.remittance())).append("</Ustrd>");
            for (String no : l.invoiceNos()) {
                s.append("<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>")
                        .append(xml(no))
                        .append("</Nb></RfrdDocInf></Strd>");
            }
            s.append("</RmtInf>");
        }
        if (l.returnReason() != null) {
            s.append("<RtrInf><Rsn><Cd>").append(xml(l.returnReason())).append("</Cd></Rsn></RtrInf>");
        }
        s.append("</TxDtls></NtryDtls></Ntry>\n");
        out.write(s.toString());
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

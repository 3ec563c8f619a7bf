package org.creditdesk.imports;

import com.prowidesoftware.swift.model.MxNode;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.creditdesk.imports.BankStatement.Balance;
import org.creditdesk.imports.BankStatement.Entry;
import org.creditdesk.imports.BankStatement.StatementFormat;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * ISO 20022 camt.052, camt.053 and camt.054 in every schema version 001.02 to 001.13. The file is
 * read once by a StAX reader that supports no DTD and no external entity, which refuses a DOCTYPE
 * and reports the line of any well-formedness error; the elements are kept as Prowide's
 * version-independent {@link MxNode} trees, one entry at a time, from which the statements are
 * taken by element name.
 */
final class CamtReader {

    private static final Pattern NAMESPACE =
            Pattern.compile("urn:iso:std:iso:20022:tech:xsd:camt\\.(05[234])\\.001\\.(\\d{2})");
    static final int OLDEST_VERSION = 2;
    static final int NEWEST_VERSION = 13;
    private static final Set<String> CHEQUE_FAMILIES = Set.of("RCHQ", "ICHQ", "CCHQ", "DRFT");
    private static final Set<String> RETURN_SUBFAMILIES = Set.of("UPCQ", "RRTN", "ARET", "UPDD", "RPCR", "CQRV");
    private static final Set<String> OPENING = Set.of("OPBD", "PRCD", "ITBD");
    private static final Set<String> CLOSING = Set.of("CLBD", "CLAV");

    private CamtReader() {}

    static List<BankStatement> read(byte[] xml) {
        // The JDK's own StAX implementation, whatever other one is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            return new StatementStream(reader).statements();
        } catch (XMLStreamException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw ProblemException.malformed(
                            "The XML file is not well-formed (truncated or damaged?)",
                            List.of(Violation.line(Math.max(line, 1), "XML", cleanMessage(e.getMessage()))))
                    .withKey("problem.text.theXMLFileIsNotWellFormed");
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing held
                }
            }
        }
    }

    /**
     * One pass over the file that refuses DTDs and entity references as it meets them and keeps in
     * memory only the element being read: the group header, one statement's header and one entry at a
     * time, each as a Prowide {@link MxNode} tree. An entry is turned into an {@link Entry} when its
     * element ends and its tree dropped, so a statement of 100,000 entries never stands as one tree.
     * A file that turns out not well-formed further on is refused as a whole (nothing is stored
     * before the whole file is read).
     */
    private static final class StatementStream {

        private final XMLStreamReader reader;
        private final List<MxNode> open = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private final List<BankStatement> statements = new ArrayList<>();
        private @Nullable StatementFormat format;
        private String block = "";
        private @Nullable String messageName;
        private @Nullable String messageId;
        private boolean groupHeaderRead;
        private @Nullable MxNode statement;
        private String statementPath = "";
        private @Nullable String accountCurrency;
        private List<Entry> entries = new ArrayList<>();
        private int ntries;

        StatementStream(XMLStreamReader reader) {
            this.reader = reader;
        }

        List<BankStatement> statements() throws XMLStreamException {
            int depth = 0;
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(++depth);
                    case XMLStreamConstants.END_ELEMENT -> end(depth--);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty() && open.getLast() != null)
                            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
                    }
                    case XMLStreamConstants.DTD ->
                        throw ProblemException.malformed(
                                        "The XML file declares a DOCTYPE",
                                        List.of(
                                                Violation.line(
                                                        reader.getLocation().getLineNumber(),
                                                        "DOCTYPE",
                                                        "a bank statement must not declare a DOCTYPE or entities (refused, nothing read)")))
                                .withKey("problem.text.theXMLFileDeclaresADOCTYPE");
                    case XMLStreamConstants.ENTITY_REFERENCE ->
                        throw ProblemException.malformed(
                                        "The XML file refers to an entity",
                                        List.of(Violation.line(
                                                reader.getLocation().getLineNumber(),
                                                "&" + reader.getLocalName() + ";",
                                                "entity references are not allowed")))
                                .withKey("problem.text.theXMLFileRefersToAnEntity");
                    default -> {}
                }
            }
            if (format == null) throw refused("Document", "the file has no root element");
            if (messageName == null) throw refused("Document", "has no message element");
            if (statements.isEmpty()) throw refused(messageName, "has no %s element".formatted(block));
            return statements;
        }

        private void start(int depth) {
            text.setLength(0);
            String name = reader.getLocalName();
            MxNode parent = open.isEmpty() ? null : open.getLast();
            MxNode node = null;
            if (depth == 1) {
                format = format(reader);
                block = switch (format) {
                    case CAMT_052 -> "Rpt";
                    case CAMT_053 -> "Stmt";
                    default -> "Ntfctn";
                };
            } else if (depth == 2) {
                if (messageName == null) {
                    messageName = name;
                    node = new MxNode(null, name);
                }
            } else if (depth == 3) {
                if (parent != null) {
                    if (name.equals(block)) {
                        node = statement = new MxNode(null, name);
                        statementPath = "%s/%s[%d]".formatted(messageName, block, statements.size() + 1);
                        entries = new ArrayList<>();
                        accountCurrency = null;
                        ntries = 0;
                    } else if ("GrpHdr".equals(name) && !groupHeaderRead) {
                        node = new MxNode(null, name);
                    }
                }
            } else if (parent != null) {
                if (depth == 4 && parent == statement && "Ntry".equals(name)) {
                    if (ntries == 0) accountCurrency = header(statement, statementPath);
                    node = new MxNode(null, name);
                } else {
                    node = new MxNode(parent, name);
                }
            }
            if (node != null) {
                for (int i = 0; i < reader.getAttributeCount(); i++)
                    node.addAttribute(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
            }
            open.add(node);
        }

        private void end(int depth) {
            MxNode node = open.removeLast();
            if (node == null) return;
            if (!text.isEmpty()) node.setValue(text.toString());
            text.setLength(0);
            if (depth == 3 && node == statement) {
                statements.add(CamtReader.statement(format, messageId, node, statementPath, entries));
                statement = null;
            } else if (depth == 3 && "GrpHdr".equals(node.getLocalName())) {
                messageId = text(node, "MsgId");
                groupHeaderRead = true;
            } else if (depth == 4 && node.getParent() == null && "Ntry".equals(node.getLocalName())) {
                ntries++;
                Entry entry = entry(node, ntries, "%s/Ntry[%d]".formatted(statementPath, ntries), accountCurrency);
                if (entry != null) entries.add(entry);
            }
        }
    }

    /** The statement's account currency; refuses a statement without id or account. */
    private static @Nullable String header(MxNode stmt, String path) {
        if (text(stmt, "Id") == null) throw refused(path + "/Id", "is required");
        MxNode acct = kid(stmt, "Acct");
        if (acct == null || account(acct) == null)
            throw refused(path + "/Acct/Id", "names no account (IBAN or Othr/Id)");
        return text(acct, "Ccy");
    }

    private static StatementFormat format(XMLStreamReader reader) {
        String namespace = reader.getNamespaceURI();
        long line = reader.getLocation().getLineNumber();
        Matcher m = NAMESPACE.matcher(namespace == null ? "" : namespace);
        if (!"Document".equals(reader.getLocalName()) || !m.matches()) {
            throw ProblemException.ruleViolation(
                            "Not an ISO 20022 camt.052/053/054 document",
                            List.of(Violation.line(
                                    line,
                                    reader.getLocalName(),
                                    "root element %s in namespace %s is not a camt.052, camt.053 or camt.054 Document"
                                            .formatted(reader.getLocalName(), namespace))))
                    .withKey("problem.text.notAnISO20022Camt052053");
        }
        int version = Integer.parseInt(m.group(2));
        if (version < OLDEST_VERSION || version > NEWEST_VERSION) {
            throw ProblemException.ruleViolation(
                            "Unknown camt version",
                            List.of(Violation.line(
                                    line,
                                    "Document",
                                    "camt.%s.001.%s is not a known schema version; supported: 001.%02d to 001.%02d"
                                            .formatted(m.group(1), m.group(2), OLDEST_VERSION, NEWEST_VERSION))))
                    .withKey("problem.text.unknownCamtVersion");
        }
        return switch (m.group(1)) {
            case "052" -> StatementFormat.CAMT_052;
            case "053" -> StatementFormat.CAMT_053;
            default -> StatementFormat.CAMT_054;
        };
    }

    private static String cleanMessage(@Nullable String message) {
        if (message == null) return "not well-formed";
        int at = message.indexOf("Message: ");
        return at >= 0 ? message.substring(at + 9).strip() : message.strip();
    }

    private static BankStatement statement(
            @Nullable StatementFormat format,
            @Nullable String messageId,
            MxNode stmt,
            String path,
            List<Entry> entries) {
        String currency = header(stmt, path);
        String id = text(stmt, "Id");
        MxNode acct = kid(stmt, "Acct");
        String account = acct == null ? null : account(acct);
        if (format == null || id == null || account == null) throw new IllegalStateException("checked by header");
        String sequence = text(stmt, "ElctrncSeqNb");
        if (sequence == null) sequence = text(stmt, "LglSeqNb");
        LocalDate from = dateOf(text(stmt, "FrToDt", "FrDtTm"), path + "/FrToDt/FrDtTm");
        LocalDate to = dateOf(text(stmt, "FrToDt", "ToDtTm"), path + "/FrToDt/ToDtTm");
        if (from == null && to == null) {
            from = to = dateOf(text(stmt, "CreDtTm"), path + "/CreDtTm");
        }
        Balance opening = null;
        Balance closing = null;
        List<MxNode> balances = kids(stmt, "Bal");
        for (int i = 0; i < balances.size(); i++) {
            MxNode bal = balances.get(i);
            String where = "%s/Bal[%d]".formatted(path, i + 1);
            String type = text(bal, "Tp", "CdOrPrtry", "Cd");
            if (type == null) type = text(bal, "Tp", "CdOrPrtry", "Prtry");
            MxNode amt = kid(bal, "Amt");
            if (amt == null) throw refused(where + "/Amt", "is required");
            BigDecimal amount = amount(amt, where + "/Amt");
            if ("DBIT".equals(text(bal, "CdtDbtInd"))) amount = amount.negate();
            LocalDate date = dateOf(dateOrDateTime(kid(bal, "Dt")), where + "/Dt");
            Balance balance =
                    new Balance(type == null ? "" : type, amount, currencyOf(amt, where + "/Amt", currency), date);
            if (type != null && OPENING.contains(type) && opening == null) opening = balance;
            if (type != null && CLOSING.contains(type) && closing == null) closing = balance;
        }
        return new BankStatement(
                format, messageId, id, sequence, account, currency, opening, closing, from, to, entries);
    }

    /** Null for an entry that is not booked (pending or information only): it moved no money yet. */
    private static @Nullable Entry entry(MxNode ntry, int position, String path, @Nullable String accountCurrency) {
        String status = text(ntry, "Sts");
        if (status == null) status = text(ntry, "Sts", "Cd");
        if (status != null && !"BOOK".equals(status)) return null;
        MxNode amt = kid(ntry, "Amt");
        if (amt == null) throw refused(path + "/Amt", "is required");
        BigDecimal amount = amount(amt, path + "/Amt");
        String indicator = text(ntry, "CdtDbtInd");
        if (!"CRDT".equals(indicator) && !"DBIT".equals(indicator)) {
            throw refused(path + "/CdtDbtInd", "must be CRDT or DBIT, not " + indicator);
        }
        boolean credit = "CRDT".equals(indicator);
        boolean reversal = "true".equalsIgnoreCase(text(ntry, "RvslInd"));
        LocalDate booked = dateOf(dateOrDateTime(kid(ntry, "BookgDt")), path + "/BookgDt");
        LocalDate value = dateOf(dateOrDateTime(kid(ntry, "ValDt")), path + "/ValDt");
        if (booked == null) booked = value;
        if (booked == null) throw refused(path + "/BookgDt", "is required (or ValDt)");
        String reference = text(ntry, "AcctSvcrRef");
        if (reference == null || "NONREF".equalsIgnoreCase(reference)) reference = text(ntry, "NtryRef");
        MxNode code = kid(ntry, "BkTxCd");
        String domain = code == null ? null : text(code, "Domn", "Cd");
        String family = code == null ? null : text(code, "Domn", "Fmly", "Cd");
        String subFamily = code == null ? null : text(code, "Domn", "Fmly", "SubFmlyCd");
        String proprietary = code == null ? null : text(code, "Prtry", "Cd");

        List<String> remittance = new ArrayList<>();
        Set<String> refs = new LinkedHashSet<>();
        String endToEnd = null;
        String chequeNo = null;
        String name = null;
        String counterAccount = null;
        String returnReason = null;
        boolean returned = false;
        BigDecimal charges = chargesOf(ntry, path);
        for (MxNode details : kids(ntry, "NtryDtls")) {
            for (MxNode tx : kids(details, "TxDtls")) {
                if (endToEnd == null) endToEnd = nonRef(text(tx, "Refs", "EndToEndId"));
                if (chequeNo == null) chequeNo = text(tx, "Refs", "ChqNb");
                if (domain == null && family == null) {
                    MxNode txCode = kid(tx, "BkTxCd");
                    if (txCode != null) {
                        domain = text(txCode, "Domn", "Cd");
                        family = text(txCode, "Domn", "Fmly", "Cd");
                        subFamily = text(txCode, "Domn", "Fmly", "SubFmlyCd");
                        if (proprietary == null) proprietary = text(txCode, "Prtry", "Cd");
                    }
                }
                MxNode parties = kid(tx, "RltdPties");
                if (parties != null && name == null) {
                    String party = credit ? "Dbtr" : "Cdtr";
                    name = partyName(parties, party);
                    counterAccount = partyAccount(parties, party + "Acct");
                    if (name == null && counterAccount == null) {
                        String other = credit ? "Cdtr" : "Dbtr";
                        name = partyName(parties, other);
                        counterAccount = partyAccount(parties, other + "Acct");
                    }
                }
                MxNode rmt = kid(tx, "RmtInf");
                if (rmt != null) {
                    for (MxNode u : kids(rmt, "Ustrd")) {
                        if (u.getValue() != null && !u.getValue().isBlank())
                            remittance.add(u.getValue().strip());
                    }
                    for (MxNode strd : kids(rmt, "Strd")) {
                        for (MxNode doc : kids(strd, "RfrdDocInf")) {
                            String nb = text(doc, "Nb");
                            if (nb != null) refs.add(nb);
                        }
                        String creditorRef = text(strd, "CdtrRefInf", "Ref");
                        if (creditorRef != null) refs.add(creditorRef);
                        for (MxNode info : kids(strd, "AddtlRmtInf")) {
                            if (info.getValue() != null)
                                remittance.add(info.getValue().strip());
                        }
                    }
                }
                MxNode rtr = kid(tx, "RtrInf");
                if (rtr != null) {
                    returned = true;
                    String reason = text(rtr, "Rsn", "Cd");
                    if (reason == null) reason = text(rtr, "Rsn", "Prtry");
                    if (reason == null) reason = text(rtr, "AddtlInf");
                    if (returnReason == null) returnReason = reason;
                }
            }
        }
        String additional = text(ntry, "AddtlNtryInf");
        if (additional != null) remittance.add(additional);
        if (subFamily != null && RETURN_SUBFAMILIES.contains(subFamily)) returned = true;
        if (returned && returnReason == null) returnReason = subFamily != null ? subFamily : "RETURNED";
        if (reversal && returnReason == null) returnReason = "REVERSAL";
        boolean cheque = family != null && CHEQUE_FAMILIES.contains(family) || chequeNo != null;
        String bankCode = domain != null
                ? String.join("/", domain, family == null ? "" : family, subFamily == null ? "" : subFamily)
                : proprietary == null ? "" : proprietary;
        return new Entry(
                position,
                path,
                reference,
                booked,
                value,
                amount,
                currencyOf(amt, path + "/Amt", accountCurrency),
                credit,
                reversal,
                returned,
                returnReason,
                bankCode,
                cheque,
                chequeNo,
                endToEnd,
                name,
                counterAccount,
                String.join(" ", remittance),
                List.copyOf(refs),
                charges);
    }

    /** Charges the bank took on the entry: v2 {@code Chrgs/Amt}, v3+ {@code Chrgs/Rcrd/Amt}, entry or details level. */
    private static BigDecimal chargesOf(MxNode ntry, String path) {
        BigDecimal total = BigDecimal.ZERO;
        List<MxNode> charges = new ArrayList<>(kids(ntry, "Chrgs"));
        for (MxNode details : kids(ntry, "NtryDtls")) {
            for (MxNode tx : kids(details, "TxDtls")) charges.addAll(kids(tx, "Chrgs"));
        }
        for (MxNode c : charges) {
            List<MxNode> amounts = new ArrayList<>(kids(c, "Amt"));
            for (MxNode record : kids(c, "Rcrd")) amounts.addAll(kids(record, "Amt"));
            for (MxNode amt : amounts) total = total.add(amount(amt, path + "/Chrgs/Amt"));
        }
        return total;
    }

    private static @Nullable String partyName(MxNode parties, String role) {
        MxNode party = kid(parties, role);
        if (party == null) return null;
        String name = text(party, "Nm");
        return name != null ? name : text(party, "Pty", "Nm");
    }

    private static @Nullable String partyAccount(MxNode parties, String role) {
        MxNode acct = kid(parties, role);
        return acct == null ? null : account(acct);
    }

    private static @Nullable String account(MxNode acct) {
        String iban = text(acct, "Id", "IBAN");
        return iban != null ? iban : text(acct, "Id", "Othr", "Id");
    }

    private static @Nullable String nonRef(@Nullable String value) {
        return value == null || "NOTPROVIDED".equalsIgnoreCase(value) || "NONREF".equalsIgnoreCase(value)
                ? null
                : value;
    }

    private static @Nullable String dateOrDateTime(@Nullable MxNode node) {
        if (node == null) return null;
        String date = text(node, "Dt");
        return date != null ? date : text(node, "DtTm");
    }

    private static @Nullable LocalDate dateOf(@Nullable String value, String path) {
        if (value == null) return null;
        try {
            if (value.length() == 10) return LocalDate.parse(value);
            if (value.length() > 10 && value.charAt(10) == 'T') {
                try {
                    return OffsetDateTime.parse(value).toLocalDate();
                } catch (DateTimeParseException noOffset) {
                    return LocalDate.parse(value.substring(0, 10));
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw refused(path, "'%s' is not an ISO date or date-time".formatted(value));
    }

    private static BigDecimal amount(MxNode amt, String path) {
        String value = amt.getValue();
        try {
            BigDecimal amount = new BigDecimal(value == null ? "" : value.strip());
            if (amount.signum() < 0) throw refused(path, "must not be negative: " + value);
            return amount;
        } catch (NumberFormatException e) {
            throw refused(path, "'%s' is not an amount".formatted(value));
        }
    }

    private static String currencyOf(MxNode amt, String path, @Nullable String fallback) {
        String ccy = amt.getAttribute("Ccy");
        if (ccy != null && ccy.length() == 3 && ccy.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z')) return ccy;
        if (fallback != null) return fallback.toUpperCase(Locale.ROOT);
        throw refused(path, "has no Ccy attribute");
    }

    private static ProblemException refused(String element, String message) {
        return ProblemException.ruleViolation(
                        "The camt statement cannot be read", List.of(Violation.field(element, message)))
                .withKey("problem.text.theCamtStatementCannotBeRead");
    }

    static List<MxNode> kids(MxNode node, String name) {
        List<MxNode> found = new ArrayList<>();
        for (MxNode child : node.getChildren()) {
            if (name.equals(child.getLocalName())) found.add(child);
        }
        return found;
    }

    static @Nullable MxNode kid(MxNode node, String name) {
        for (MxNode child : node.getChildren()) {
            if (name.equals(child.getLocalName())) return child;
        }
        return null;
    }

    /** The trimmed text at the path of child names, null when absent or empty. */
    static @Nullable String text(MxNode node, String... path) {
        MxNode at = node;
        for (String name : path) {
            at = kid(at, name);
            if (at == null) return null;
        }
        String value = at.getValue();
        return value == null || value.isBlank() ? null : value.strip();
    }
}

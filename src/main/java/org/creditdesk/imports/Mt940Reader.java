package org.creditdesk.imports;

import com.prowidesoftware.swift.model.field.Field;
import com.prowidesoftware.swift.model.field.Field61;
import com.prowidesoftware.swift.model.mt.mt9xx.MT940;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditdesk.imports.BankStatement.Balance;
import org.creditdesk.imports.BankStatement.Entry;
import org.creditdesk.imports.BankStatement.StatementFormat;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;

/**
 * SWIFT MT940, as banks deliver it: one or more messages, each from {@code :20:} to {@code -} or
 * the next {@code :20:}, with or without SWIFT block headers or bank-specific lines around them.
 * Each message is handed to Prowide's {@link MT940} parser; what Prowide leaves as free text (the
 * {@code :86:} information, German {@code ?nn} subfields, Dutch {@code /TAG/} structures) is read
 * here. The file must be UTF-8: a byte that is not names its line.
 */
final class Mt940Reader {

    private static final Pattern TAG = Pattern.compile("^:(\\d{2}[A-Z]?):");
    /** Rabobank writes {@code .} as the decimal mark in {@code :61:}; SWIFT wants {@code ,}. */
    private static final Pattern DOT_AMOUNT = Pattern.compile("^(:61:\\d{6}(?:\\d{4})?R?[CD][A-Z]?)(\\d+)\\.(\\d*)");

    private static final Pattern GERMAN_SUBFIELD = Pattern.compile("\\?(\\d{2})");
    private static final Pattern DUTCH_TAG =
            Pattern.compile("/(TRTP|IBAN|BIC|NAME|REMI|EREF|RTRN|CSID|MARF|ORDP|BENM|ID)/");
    private static final Pattern IBAN = Pattern.compile("\\b([A-Z]{2}\\d{2}[A-Z0-9]{10,30})\\b");
    private static final Pattern EREF = Pattern.compile(
            "EREF\\+\\s*(.*?)\\s*(?=(?:SVWZ|KREF|MREF|CRED|DEBT|ABWA|ABWE|IBAN|BIC|COAM|OAMT|SQTP|PURP)\\+|MTLG:|$)");
    private static final Pattern SEPA_REASON = Pattern.compile(
            "\\b(AC01|AC04|AC06|AC13|AG01|AG02|AM04|AM05|BE05|CNOR|DNOR|FF01|MD01|MD02|MD06|MD07|MS02|MS03|RC01|RR01|RR02|RR03|RR04|SL01|FOCR|DUPL|TECH|FRAD|CUST|UPAY)\\b");
    private static final Set<String> CHEQUE_TYPES = Set.of("CHK", "CHQ");
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private Mt940Reader() {}

    static boolean looksLikeMt940(String start) {
        return start.contains(":20:") && (start.contains(":25:") || start.contains(":60F:") || start.contains(":61:"));
    }

    static List<BankStatement> read(byte[] bytes) {
        List<String> lines = lines(bytes);
        List<Message> messages = split(lines);
        if (messages.isEmpty()) {
            throw refused(1, ":20:", "no MT940 message found (expected a line starting with :20:)");
        }
        List<BankStatement> statements = new ArrayList<>();
        for (Message message : messages) statements.add(statement(message));
        return statements;
    }

    /** Strict UTF-8, line by line, so a stray ISO-8859-1 umlaut names its line. */
    private static List<String> lines(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> lines = new ArrayList<>();
        int start = 0;
        int offset = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB ? 3 : 0;
        start = offset;
        for (int i = offset; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i;
                if (end > start && bytes[end - 1] == '\r') end--;
                try {
                    lines.add(decoder.decode(ByteBuffer.wrap(bytes, start, end - start))
                            .toString());
                } catch (CharacterCodingException e) {
                    int bad = firstBadByte(bytes, start, end);
                    throw refused(
                            lines.size() + 1,
                            "encoding",
                            "byte 0x%02X at column %d is not UTF-8 (an ISO-8859-1 umlaut?); send the file in UTF-8"
                                    .formatted(bytes[bad] & 0xff, bad - start + 1));
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static int firstBadByte(byte[] bytes, int start, int end) {
        for (int i = start; i < end; i++) {
            if ((bytes[i] & 0x80) != 0) {
                CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
                int len = (bytes[i] & 0xE0) == 0xC0
                        ? 2
                        : (bytes[i] & 0xF0) == 0xE0 ? 3 : (bytes[i] & 0xF8) == 0xF0 ? 4 : 1;
                try {
                    decoder.decode(ByteBuffer.wrap(bytes, i, Math.min(len, end - i)));
                    i += len - 1;
                } catch (CharacterCodingException e) {
                    return i;
                }
            }
        }
        return start;
    }

    /** One message's lines (tag lines and their continuations) and the file line each starts on. */
    private record Message(List<String> lines, List<Integer> lineNumbers) {

        int firstLine() {
            return lineNumbers.getFirst();
        }

        /** The file line of the n-th (0-based) occurrence of the tag. */
        int lineOf(String tag, int n) {
            int seen = 0;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith(":" + tag + ":") && seen++ == n) return lineNumbers.get(i);
            }
            return firstLine();
        }

        boolean has(String tag) {
            return lines.stream().anyMatch(l -> l.startsWith(":" + tag + ":"));
        }
    }

    private static List<Message> split(List<String> lines) {
        List<Message> messages = new ArrayList<>();
        List<String> current = null;
        List<Integer> numbers = null;
        for (int i = 0; i < lines.size(); i++) {
            // A DOS end-of-file mark (Ctrl-Z) or a blank line carries nothing.
            String line = lines.get(i).replace("\u001A", "");
            if (line.isBlank()) continue;
            if (line.startsWith(":20:")) {
                if (current != null) messages.add(new Message(current, numbers));
                current = new ArrayList<>();
                numbers = new ArrayList<>();
            } else if (current == null) {
                continue;
            } else if (line.strip().equals("-") || line.startsWith("-}") || line.startsWith("{")) {
                messages.add(new Message(current, numbers));
                current = null;
                continue;
            }
            String fixed = DOT_AMOUNT.matcher(line).replaceFirst("$1$2,$3");
            current.add(fixed);
            numbers.add(i + 1);
        }
        if (current != null) messages.add(new Message(current, numbers));
        return messages;
    }

    private static BankStatement statement(Message message) {
        if (!message.has("25")) throw refused(message.firstLine(), ":25:", "the statement names no account (:25:)");
        if (!message.has("60F") && !message.has("60M")) {
            throw refused(message.firstLine(), ":60F:", "the statement has no opening balance (:60F: or :60M:)");
        }
        if (!message.has("62F") && !message.has("62M")) {
            throw refused(
                    message.lineNumbers().getLast(),
                    ":62F:",
                    "the statement starting on line %d has no closing balance (:62F: or :62M:): truncated?"
                            .formatted(message.firstLine()));
        }
        MT940 mt;
        try {
            mt = MT940.parse("{1:F01XXXXXXXXAXXX0000000000}{2:I940XXXXXXXXXXXXN}{4:\n"
                    + String.join("\n", message.lines()) + "\n-}");
        } catch (RuntimeException e) {
            throw refused(message.firstLine(), ":20:", "the message cannot be read: " + e.getMessage());
        }
        if (mt == null || mt.getField20() == null) {
            throw refused(message.firstLine(), ":20:", "the message cannot be read");
        }
        String reference = mt.getField20().getValue().strip();
        String account = mt.getField25() != null
                ? mt.getField25().getValue()
                : mt.getField25P() != null ? mt.getField25P().getValue() : "";
        account = account.strip();
        String sequence =
                mt.getField28C() == null ? null : mt.getField28C().getValue().strip();
        Balance opening = balance(mt.getField60F() != null ? mt.getField60F() : mt.getField60M(), "60F", message);
        Balance closing = balance(mt.getField62F() != null ? mt.getField62F() : mt.getField62M(), "62F", message);
        String currency = opening != null ? opening.currency() : closing != null ? closing.currency() : null;
        String accountCurrency = currency;
        if (account.length() > 3
                && account.substring(account.length() - 3).matches("[A-Z]{3}")
                && account.matches(".*[0-9 ]EUR|.*[0-9 ][A-Z]{3}")) {
            account = account.substring(0, account.length() - 3).strip();
        }
        List<Field61> lines61 = mt.getField61();
        List<String> info = infoPerEntry(message);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines61.size(); i++) {
            int line = message.lineOf("61", i);
            entries.add(entry(lines61.get(i), i < info.size() ? info.get(i) : "", i + 1, line, accountCurrency));
        }
        LocalDate from = opening == null ? null : opening.date();
        LocalDate to = closing == null ? null : closing.date();
        return new BankStatement(
                StatementFormat.MT940,
                null,
                reference,
                sequence,
                account,
                currency,
                opening,
                closing,
                from,
                to,
                entries);
    }

    /** The :86: text that follows each :61: (an entry without one gets ""). */
    private static List<String> infoPerEntry(Message message) {
        List<String> info = new ArrayList<>();
        StringBuilder current = null;
        boolean afterEntry = false;
        for (String line : message.lines()) {
            Matcher tag = TAG.matcher(line);
            if (tag.find()) {
                if (current != null) {
                    info.set(info.size() - 1, current.toString());
                    current = null;
                }
                String name = tag.group(1);
                if (name.equals("61")) {
                    info.add("");
                    afterEntry = true;
                } else if (name.equals("86") && afterEntry) {
                    current = new StringBuilder(line.substring(tag.end()));
                    afterEntry = false;
                } else {
                    afterEntry = false;
                }
            } else if (current != null) {
                current.append('\n').append(line);
            }
        }
        if (current != null) info.set(info.size() - 1, current.toString());
        return info;
    }

    private static @Nullable Balance balance(@Nullable Field field, String tag, Message message) {
        if (field == null) return null;
        // 60F/62F: mark (C/D), date YYMMDD, currency, amount
        String mark = field.getComponent(1);
        String date = field.getComponent(2);
        String currency = field.getComponent(3);
        String amount = field.getComponent(4);
        int line = message.lineOf(tag, 0);
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw refused(line, ":" + tag + ":", "has no currency: " + field.getValue());
        }
        BigDecimal value = amount(amount, line, ":" + tag + ":");
        return new Balance(
                tag.startsWith("60") ? "OPBD" : "CLBD",
                "D".equals(mark) ? value.negate() : value,
                currency,
                date(date, line, ":" + tag + ":"));
    }

    private static Entry entry(Field61 f, String info, int position, int line, @Nullable String currency) {
        String mark = f.getDebitCreditMark();
        if (mark == null || !Set.of("C", "D", "RC", "RD", "EC", "ED").contains(mark)) {
            throw refused(line, ":61:", "debit/credit mark must be C, D, RC or RD: " + f.getValue());
        }
        LocalDate value = date(f.getValueDate(), line, ":61:");
        LocalDate booked = value;
        String entryDate = f.getEntryDate();
        if (entryDate != null && entryDate.matches("\\d{4}")) {
            try {
                booked = LocalDate.of(
                        value.getYear(),
                        Integer.parseInt(entryDate.substring(0, 2)),
                        Integer.parseInt(entryDate.substring(2)));
                if (booked.isBefore(value.minusMonths(6))) booked = booked.plusYears(1);
                if (booked.isAfter(value.plusMonths(6))) booked = booked.minusYears(1);
            } catch (java.time.DateTimeException e) {
                throw refused(line, ":61:", "entry date %s is not a date".formatted(entryDate));
            }
        }
        BigDecimal amount = amount(f.getAmount(), line, ":61:");
        if (currency == null) throw refused(line, ":61:", "the statement's balances name no currency");
        // RC: reversal of a credit (booked as a debit); RD: reversal of a debit (booked as a credit).
        boolean reversal = mark.startsWith("R");
        boolean credit = mark.equals("C") || mark.equals("RD") || mark.equals("EC");
        String type = f.getIdentificationCode() == null
                ? ""
                : f.getIdentificationCode().strip();
        String code = ((f.getTransactionType() == null ? "" : f.getTransactionType()) + type).strip();
        Parsed parsed = parse86(info);
        String text = parsed.remittance();
        boolean returned = (parsed.posting().toUpperCase(Locale.ROOT).contains("RETOURE")
                || text.toUpperCase(Locale.ROOT).startsWith("RETOURE")
                || text.contains("/RTRN/")
                || text.toUpperCase(Locale.ROOT).contains("RUECKLASTSCHRIFT")
                || text.toUpperCase(Locale.ROOT).contains("RÜCKLASTSCHRIFT"));
        String reason = null;
        if (returned || reversal) {
            Matcher rtrn = Pattern.compile("/RTRN/([A-Z0-9]{2,4})").matcher(text);
            Matcher sepa = SEPA_REASON.matcher(text);
            reason = rtrn.find() ? rtrn.group(1) : sepa.find() ? sepa.group(1) : returned ? "RETOURE" : "REVERSAL";
        }
        String ownerRef = blankToNull(f.getReferenceForTheAccountOwner());
        String bankRef = blankToNull(f.getReferenceOfTheAccountServicingInstitution());
        String reference = bankRef != null ? bankRef : ownerRef == null || "NONREF".equals(ownerRef) ? null : ownerRef;
        boolean cheque = CHEQUE_TYPES.contains(type.length() >= 3 ? type.substring(0, 3) : type);
        return new Entry(
                position,
                "line " + line,
                reference,
                booked,
                value,
                amount,
                currency,
                credit,
                reversal,
                returned,
                reason,
                code,
                cheque,
                cheque ? ownerRef : null,
                parsed.endToEnd(),
                parsed.name(),
                parsed.account(),
                parsed.remittance(),
                List.copyOf(parsed.refs()),
                BigDecimal.ZERO);
    }

    private record Parsed(
            String posting,
            String remittance,
            @Nullable String name,
            @Nullable String account,
            @Nullable String endToEnd,
            Set<String> refs) {}

    /** Reads German {@code ?nn} subfields, Dutch {@code /TAG/value} structures, or plain text. */
    static Parsed parse86(String lines) {
        // German ?nn subfields run on across fixed-width lines; other dialects break between words.
        String text = GERMAN_SUBFIELD.matcher(lines).find() && lines.indexOf('?') <= 4
                ? lines.replace("\n", "")
                : lines.replace('\n', ' ');
        Set<String> refs = new LinkedHashSet<>();
        String posting = "";
        String name = null;
        String account = null;
        String remittance;
        if (text.length() > 3 && GERMAN_SUBFIELD.matcher(text).find() && text.indexOf('?') <= 4) {
            StringBuilder purpose = new StringBuilder();
            StringBuilder names = new StringBuilder();
            Matcher m = GERMAN_SUBFIELD.matcher(text);
            List<int[]> marks = new ArrayList<>();
            while (m.find()) marks.add(new int[] {m.start(), m.end(), Integer.parseInt(m.group(1))});
            for (int i = 0; i < marks.size(); i++) {
                int[] mark = marks.get(i);
                String value = text.substring(mark[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length());
                int key = mark[2];
                if (key == 0) posting = value.strip();
                else if ((key >= 20 && key <= 29) || (key >= 60 && key <= 63)) purpose.append(value);
                else if (key == 31) account = value.strip();
                else if (key == 32 || key == 33) names.append(value);
            }
            remittance = (posting + " " + purpose).strip();
            if (text.contains("/RTRN/")) remittance = text;
            name = names.isEmpty() ? null : names.toString().strip();
        } else if (DUTCH_TAG.matcher(text).find()) {
            Matcher m = DUTCH_TAG.matcher(text);
            List<int[]> marks = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            while (m.find()) {
                marks.add(new int[] {m.start(), m.end()});
                keys.add(m.group(1));
            }
            StringBuilder rest = new StringBuilder();
            for (int i = 0; i < marks.size(); i++) {
                String value = text.substring(
                                marks.get(i)[1], i + 1 < marks.size() ? marks.get(i + 1)[0] : text.length())
                        .strip();
                switch (keys.get(i)) {
                    case "IBAN" -> account = value;
                    case "NAME" -> name = value;
                    case "TRTP" -> posting = value;
                    case "REMI" -> rest.append(value).append(' ');
                    case "EREF", "MARF" -> rest.append(value).append(' ');
                    default -> {}
                }
            }
            remittance = (posting + " " + rest).strip();
        } else {
            remittance = text.strip();
            Matcher iban = IBAN.matcher(text);
            while (account == null && iban.find()) {
                if (isIban(iban.group(1))) account = iban.group(1);
            }
        }
        Matcher eref = EREF.matcher(remittance);
        String endToEnd = null;
        if (eref.find() && !"NOTPROVIDED".equals(eref.group(1))) endToEnd = eref.group(1);
        return new Parsed(posting, remittance, blankToNull(name), blankToNull(account), endToEnd, refs);
    }

    /** ISO 13616 check digits: the rearranged number, letters as 10..35, is 1 modulo 97. */
    static boolean isIban(String candidate) {
        String rearranged = candidate.substring(4) + candidate.substring(0, 4);
        int remainder = 0;
        for (char c : rearranged.toCharArray()) {
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }

    private static BigDecimal amount(@Nullable String value, int line, String tag) {
        try {
            String v = value == null ? "" : value.strip().replace(',', '.');
            if (v.endsWith(".")) v = v + "0";
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw refused(line, tag, "'%s' is not an amount".formatted(value));
        }
    }

    private static LocalDate date(@Nullable String yymmdd, int line, String tag) {
        try {
            if (yymmdd == null) throw new DateTimeParseException("missing", "", 0);
            return LocalDate.parse(yymmdd, YYMMDD);
        } catch (DateTimeParseException e) {
            throw refused(line, tag, "'%s' is not a date (YYMMDD)".formatted(yymmdd));
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static ProblemException refused(long line, String tag, String message) {
        return ProblemException.ruleViolation(
                        "The MT940 statement cannot be read", List.of(Violation.line(line, tag, message)))
                .withKey("problem.text.theMT940StatementCannotBeRead");
    }
}

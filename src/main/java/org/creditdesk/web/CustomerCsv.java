package org.creditdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.customers.CustomerSummary;
import org.jspecify.annotations.Nullable;

/**
 * The customer list as CSV (RFC 4180, CRLF, UTF-8): plain numbers with a dot, so a spreadsheet reads
 * them as numbers. A text field a spreadsheet would take for a formula gets a leading apostrophe.
 */
final class CustomerCsv {

    static final List<String> HEADER = List.of(
            "code",
            "name",
            "area",
            "businessGroup",
            "salesRep",
            "currency",
            "creditState",
            "creditLimit",
            "exposure",
            "overdueAmount",
            "maxDaysOverdue",
            "escalationLevel",
            "riskClass");

    private CustomerCsv() {}

    static void writeHeader(Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write("\r\n");
    }

    static void write(Writer out, CustomerSummary c) throws IOException {
        List<String> texts = List.of(
                c.code(),
                c.name(),
                c.area(),
                c.businessGroup().name(),
                text(c.salesRep()),
                c.currency(),
                c.creditState().name());
        StringBuilder line = new StringBuilder(160);
        for (String field : texts) {
            if (!line.isEmpty()) line.append(',');
            line.append(quoted(field));
        }
        line.append(',').append(number(c.creditLimit()));
        line.append(',').append(number(c.exposure()));
        line.append(',').append(number(c.overdueAmount()));
        line.append(',').append(c.maxDaysOverdue());
        line.append(',').append(c.escalationLevel());
        line.append(',').append(quoted(text(c.riskClass())));
        out.write(line.append("\r\n").toString());
    }

    static String quoted(String field) {
        String safe = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        boolean quote =
                safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0;
        return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
    }

    private static String number(@Nullable BigDecimal amount) {
        return amount == null ? "" : amount.toPlainString();
    }

    private static String text(@Nullable String text) {
        return text == null ? "" : text;
    }
}

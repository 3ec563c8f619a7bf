package org.creditdesk.monitoring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.creditdesk.shared.SpreadsheetText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The aging report as CSV or Excel, with the same columns as the page (the buckets, the total, and the
 * part of it under dispute apart). Text that a spreadsheet would read as a formula (a customer
 * named "=HYPERLINK(...)") gets a leading apostrophe, in both formats, because a CSV opened in a
 * spreadsheet is as dangerous as a workbook.
 */
final class AgingExport {

    private AgingExport() {}

    static void csv(AgingReport report, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(line(header(report)));
            for (AgingRow row : rows(report)) {
                List<String> cells = new ArrayList<>();
                cells.add(quoted(SpreadsheetText.neutralise(row.key())));
                cells.add(quoted(SpreadsheetText.neutralise(row.name())));
                cells.add(quoted(SpreadsheetText.neutralise(row.currency())));
                row.amounts().values().forEach(amount -> cells.add(amount.toPlainString()));
                cells.add(row.total().toPlainString());
                cells.add(row.disputed().toPlainString());
                writer.write(String.join(",", cells) + "\r\n");
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void xlsx(AgingReport report, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "CreditDesk", "1.0");
            Worksheet sheet = workbook.newWorksheet("Aging " + report.asOf());
            List<String> header = header(report);
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (AgingRow row : rows(report)) {
                int c = 0;
                sheet.value(r, c++, SpreadsheetText.neutralise(row.key()));
                sheet.value(r, c++, SpreadsheetText.neutralise(row.name()));
                sheet.value(r, c++, SpreadsheetText.neutralise(row.currency()));
                for (var amount : row.amounts().values()) {
                    sheet.value(r, c++, amount);
                }
                sheet.value(r, c++, row.total());
                sheet.value(r, c, row.disputed());
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(AgingReport report) {
        List<String> header = new ArrayList<>(List.of(report.groupBy(), "name", "currency"));
        report.buckets().forEach(b -> header.add(b.label()));
        header.add("total");
        header.add("disputed");
        return header;
    }

    /** The group rows, then one total row per currency. */
    private static List<AgingRow> rows(AgingReport report) {
        List<AgingRow> rows = new ArrayList<>(report.rows());
        report.totals()
                .forEach(t ->
                        rows.add(new AgingRow("TOTAL", "Total", t.currency(), t.amounts(), t.total(), t.disputed())));
        return rows;
    }

    private static String line(List<String> cells) {
        return String.join(
                        ",",
                        cells.stream()
                                .map(c -> quoted(SpreadsheetText.neutralise(c)))
                                .toList()) + "\r\n";
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

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
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The aging report as CSV, Excel or JSON, written row by row as the rows come ({@link AgingWriter}), with the same
 * columns as the page (the buckets, the total, and the part of it under dispute apart). Text that a spreadsheet
 * would read as a formula (a customer named "=HYPERLINK(...)") gets a leading apostrophe, in both spreadsheet
 * formats, because a CSV opened in a spreadsheet is as dangerous as a workbook. The JSON is the report record's
 * own serialisation, its rows written one at a time.
 */
final class AgingExport {

    /** Excel rows kept in memory before they are written out. */
    private static final int XLSX_FLUSH_ROWS = 1_000;

    private AgingExport() {}

    static AgingWriter csv(OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        return new AgingWriter() {
            private AgingReport head;

            @Override
            public void start(AgingReport head) {
                this.head = head;
                write(line(header(head)));
            }

            @Override
            public void row(AgingRow row) {
                List<String> cells = new ArrayList<>();
                cells.add(quoted(SpreadsheetText.neutralise(row.key())));
                cells.add(quoted(SpreadsheetText.neutralise(row.name())));
                cells.add(quoted(SpreadsheetText.neutralise(row.currency())));
                row.amounts().values().forEach(amount -> cells.add(amount.toPlainString()));
                cells.add(row.total().toPlainString());
                cells.add(row.disputed().toPlainString());
                write(String.join(",", cells) + "\r\n");
            }

            @Override
            public void finish() {
                totals(head).forEach(this::row);
                try {
                    writer.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void write(String text) {
                try {
                    writer.write(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    static AgingWriter xlsx(OutputStream out) {
        return new AgingWriter() {
            private AgingReport head;
            private Workbook workbook;
            private Worksheet sheet;
            private int r;

            @Override
            public void start(AgingReport head) {
                this.head = head;
                workbook = new Workbook(out, "CreditDesk", "1.0");
                sheet = workbook.newWorksheet("Aging " + head.asOf());
                List<String> header = header(head);
                for (int c = 0; c < header.size(); c++) {
                    sheet.value(0, c, header.get(c));
                    sheet.style(0, c).bold().set();
                }
                r = 1;
            }

            @Override
            public void row(AgingRow row) {
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
                if (r % XLSX_FLUSH_ROWS == 0) {
                    try {
                        sheet.flush();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void finish() {
                totals(head).forEach(this::row);
                try {
                    workbook.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The fields of {@link AgingReport} in its record order, as the mapper writes the record itself. */
    static AgingWriter json(JsonMapper mapper, OutputStream out) {
        return new AgingWriter() {
            private AgingReport head;
            private JsonGenerator json;

            @Override
            public void start(AgingReport head) {
                this.head = head;
                json = mapper.createGenerator(out);
                json.writeStartObject();
                json.writePOJOProperty("asOf", head.asOf());
                json.writePOJOProperty("groupBy", head.groupBy());
                json.writePOJOProperty("buckets", head.buckets());
                json.writeName("rows");
                json.writeStartArray();
            }

            @Override
            public void row(AgingRow row) {
                json.writePOJO(row);
            }

            @Override
            public void finish() {
                json.writeEndArray();
                json.writePOJOProperty("totals", head.totals());
                json.writePOJOProperty("source", head.source());
                json.writeEndObject();
                json.close();
            }
        };
    }

    private static List<String> header(AgingReport report) {
        List<String> header = new ArrayList<>(List.of(report.groupBy(), "name", "currency"));
        report.buckets().forEach(b -> header.add(b.label()));
        header.add("total");
        header.add("disputed");
        return header;
    }

    /** After the group rows, one total row per currency. */
    private static List<AgingRow> totals(AgingReport report) {
        return report.totals().stream()
                .map(t -> new AgingRow("TOTAL", "Total", t.currency(), t.amounts(), t.total(), t.disputed()))
                .toList();
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

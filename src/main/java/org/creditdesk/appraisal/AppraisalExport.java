package org.creditdesk.appraisal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.creditdesk.shared.SpreadsheetText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * A period's appraisal for payroll as CSV or Excel, one row per rep. Text a spreadsheet would read as a
 * formula gets a leading apostrophe in both formats (as monitoring's aging export does). The export of a
 * closed period is built from the frozen revision only, so it is the same whatever the ledger does later.
 */
final class AppraisalExport {

    private static final List<String> HEADER = List.of(
            "period",
            "revision",
            "salesRep",
            "name",
            "area",
            "invoiced",
            "collected",
            "collectedOnTimeShare",
            "overdueAmount",
            "overdueShare",
            "dso",
            "writtenOff",
            "brokenPromises",
            "bouncedChequeStops",
            "releasedOrdersLater60Overdue",
            "kpiScore",
            "responsibility",
            "execution",
            "communication",
            "experience",
            "attitude",
            "ability",
            "grade",
            "gradeStreak",
            "actions",
            "commission",
            "note");

    private AppraisalExport() {}

    /** The cells of one row: text cells are Strings, numbers BigDecimal, missing values null. */
    private static List<@Nullable Object> cells(AppraisalSheet sheet, RepAppraisal r) {
        RepKpis k = r.kpis();
        Rating rating = r.rating();
        Assessment a = r.assessment();
        List<@Nullable Object> cells = new ArrayList<>();
        cells.add(sheet.period());
        cells.add(sheet.revision() == null ? "OPEN" : sheet.revision().toString());
        cells.add(k.salesRep());
        cells.add(k.name());
        cells.add(k.area());
        cells.add(k.invoiced());
        cells.add(k.collected());
        cells.add(k.collectedOnTimeShare());
        cells.add(k.overdueAmount());
        cells.add(k.overdueShare());
        cells.add(k.dso());
        cells.add(k.writtenOff());
        cells.add(BigDecimal.valueOf(k.brokenPromises()));
        cells.add(BigDecimal.valueOf(k.bouncedChequeStops()));
        cells.add(BigDecimal.valueOf(k.releasedOrdersLater60Overdue()));
        cells.add(r.score().value());
        cells.add(rating == null ? null : BigDecimal.valueOf(rating.responsibility()));
        cells.add(rating == null ? null : BigDecimal.valueOf(rating.execution()));
        cells.add(rating == null ? null : BigDecimal.valueOf(rating.communication()));
        cells.add(rating == null ? null : BigDecimal.valueOf(rating.experience()));
        cells.add(a == null ? null : a.attitude());
        cells.add(a == null ? null : a.ability());
        cells.add(a == null ? null : a.grade().name());
        cells.add(a == null ? null : BigDecimal.valueOf(a.streak()));
        cells.add(
                a == null
                        ? null
                        : a.actions().stream().map(AppraisalExport::action).collect(Collectors.joining("; ")));
        cells.add(r.commission());
        cells.add(rating == null ? null : rating.note());
        return cells;
    }

    static String action(Measure m) {
        if (m.amount() != null) return m.action() + " " + m.amount().toPlainString();
        if (m.share() != null) return m.action() + " " + m.share().toPlainString();
        return m.action();
    }

    static void csv(AppraisalSheet sheet, OutputStream out) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write(HEADER.stream().map(AppraisalExport::quoted).collect(Collectors.joining(",")) + "\r\n");
            for (RepAppraisal r : sheet.reps()) {
                writer.write(cells(sheet, r).stream()
                                .map(c -> switch (c) {
                                    case null -> "";
                                    case BigDecimal n -> n.toPlainString();
                                    default -> quoted(SpreadsheetText.neutralise(c.toString()));
                                })
                                .collect(Collectors.joining(","))
                        + "\r\n");
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void xlsx(AppraisalSheet sheet, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "CreditDesk", "1.0");
            Worksheet ws = workbook.newWorksheet("Appraisal " + sheet.period());
            for (int c = 0; c < HEADER.size(); c++) {
                ws.value(0, c, HEADER.get(c));
                ws.style(0, c).bold().set();
            }
            int row = 1;
            for (RepAppraisal r : sheet.reps()) {
                List<@Nullable Object> cells = cells(sheet, r);
                for (int c = 0; c < cells.size(); c++) {
                    switch (cells.get(c)) {
                        case null -> {}
                        case BigDecimal n -> ws.value(row, c, n);
                        case Object o -> ws.value(row, c, SpreadsheetText.neutralise(o.toString()));
                    }
                }
                row++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}

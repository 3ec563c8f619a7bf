package org.creditdesk.planning;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.creditdesk.shared.SpreadsheetText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * Plan against actual as an Excel workbook. Text a spreadsheet would read as a formula (a customer
 * named "=HYPERLINK(...)") gets a leading apostrophe, as in monitoring's aging export.
 */
final class PlanExport {

    private static final List<String> HEADER = List.of(
            "key",
            "productLine",
            "area",
            "customerCode",
            "customerName",
            "plannedAmount",
            "actualReceivables",
            "averageReceivables",
            "targetDays",
            "actualDays",
            "simpleDays",
            "capitalCost",
            "salesInPeriod",
            "marginAfterCapitalCost",
            "impliedSalesCapacity",
            "lastYearSales",
            "overPlan");

    private PlanExport() {}

    static void xlsx(PlanStatusReport report, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "CreditDesk", "1.0");
            Worksheet sheet = workbook.newWorksheet("Plan " + report.year() + " " + report.asOf());
            for (int c = 0; c < HEADER.size(); c++) {
                sheet.value(0, c, HEADER.get(c));
                sheet.style(0, c).bold().set();
            }
            int r = 1;
            for (PlanNodeStatus n : report.nodes()) {
                int c = 0;
                sheet.value(r, c++, SpreadsheetText.neutralise(n.key()));
                sheet.value(r, c++, SpreadsheetText.neutralise(n.productLine()));
                sheet.value(r, c++, SpreadsheetText.neutralise(n.area()));
                sheet.value(r, c++, SpreadsheetText.neutralise(n.customerCode()));
                sheet.value(r, c++, SpreadsheetText.neutralise(n.customerName()));
                number(sheet, r, c++, n.plannedAmount());
                number(sheet, r, c++, n.actualReceivables());
                number(sheet, r, c++, n.averageReceivables());
                if (n.targetDays() != null) sheet.value(r, c, n.targetDays());
                c++;
                number(sheet, r, c++, n.actualDays());
                number(sheet, r, c++, n.simpleDays());
                number(sheet, r, c++, n.capitalCost());
                number(sheet, r, c++, n.salesInPeriod());
                number(sheet, r, c++, n.marginAfterCapitalCost());
                number(sheet, r, c++, n.impliedSalesCapacity());
                number(sheet, r, c++, n.lastYearSales());
                sheet.value(r, c, n.overPlan());
                r++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Worksheet sheet, int r, int c, @Nullable BigDecimal value) {
        if (value != null) sheet.value(r, c, value);
    }
}

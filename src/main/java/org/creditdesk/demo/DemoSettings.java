package org.creditdesk.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.creditdesk.monitoring.Staffing;
import org.creditdesk.monitoring.StaffingNorm;
import org.creditdesk.monitoring.StaffingReport;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Letterheads;
import org.springframework.stereotype.Component;

/** The demo seller's company settings: its name and letterhead, and a staffing norm that fits its book. */
@Component
class DemoSettings {

    static final String COMPANY = "Huadong Industrial Supply Co., Ltd. 华东工业供应有限公司";

    private final Staffing staffing;
    private final Letterheads letterheads;
    private final BusinessCalendar calendar;

    DemoSettings(Staffing staffing, Letterheads letterheads, BusinessCalendar calendar) {
        this.staffing = staffing;
        this.letterheads = letterheads;
        this.calendar = calendar;
    }

    void apply(LocalDate asOf) {
        calendar.update(COMPANY, calendar.baseCurrency(), calendar.settings().timeZone());
        letterheads.change(
                "Building 3, 1288 Zhangjiang Road, Pudong, Shanghai 201203 · 上海市浦东新区张江路1288号3号楼",
                "+86 21 5080 1288",
                "credit@huadong-supply.example",
                null,
                DemoStory.GENERAL_MANAGER.username(),
                "Letterhead of the demo company");
        fitStaffingNorm(asOf);
    }

    /**
     * DESIGN.md's norm (2–3 supervisors per 20 million or per 50–60 customers) is for small tickets;
     * this book's customers buy far more each, so the company sets its sales unit to the turnover of
     * 55 of its customers, and both measures of the norm agree.
     */
    private void fitStaffingNorm(LocalDate asOf) {
        StaffingReport report = staffing.report(asOf, DemoStory.GENERAL_MANAGER);
        BigDecimal sales = report.areas().stream()
                .map(StaffingReport.AreaStaffing::annualSales)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        int customers = report.areas().stream()
                .mapToInt(StaffingReport.AreaStaffing::customers)
                .sum();
        if (customers == 0 || sales.signum() <= 0) return;
        BigDecimal unit = sales.multiply(BigDecimal.valueOf(55))
                .divide(BigDecimal.valueOf(customers), -6, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.UNNECESSARY);
        if (unit.signum() <= 0) return;
        staffing.changeNorm(
                new StaffingNorm(2, 3, unit, 50, 60),
                "Sales unit set to the turnover of 55 of our customers",
                DemoStory.GENERAL_MANAGER);
    }
}

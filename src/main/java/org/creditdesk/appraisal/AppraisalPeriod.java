package org.creditdesk.appraisal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An appraisal period: a month ({@code 2026-07}), a quarter ({@code 2026-Q3}) or a year ({@code 2026}). */
public record AppraisalPeriod(String key, Kind kind, LocalDate start, LocalDate end) {

    public enum Kind {
        MONTH,
        QUARTER,
        YEAR
    }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static Optional<AppraisalPeriod> parse(String text) {
        Matcher m;
        if ((m = MONTH.matcher(text)).matches()) {
            return Optional.of(month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)))));
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            return Optional.of(quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        if ((m = YEAR.matcher(text)).matches()) {
            int year = Integer.parseInt(m.group(1));
            return Optional.of(
                    new AppraisalPeriod(text, Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
        }
        return Optional.empty();
    }

    static AppraisalPeriod month(YearMonth month) {
        return new AppraisalPeriod(month.toString(), Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    static AppraisalPeriod quarter(int year, int quarter) {
        LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
        return new AppraisalPeriod(
                year + "-Q" + quarter, Kind.QUARTER, start, start.plusMonths(3).minusDays(1));
    }

    /** The quarter a date falls in. */
    public static AppraisalPeriod quarterOf(LocalDate date) {
        return quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    /** The period of the same kind just before this one. */
    public AppraisalPeriod previous() {
        LocalDate day = start.minusDays(1);
        return switch (kind) {
            case MONTH -> month(YearMonth.from(day));
            case QUARTER -> quarterOf(day);
            case YEAR -> parse(String.valueOf(day.getYear())).orElseThrow();
        };
    }

    /** This quarter and the seven before it, oldest first (for trends). */
    List<AppraisalPeriod> eightQuartersTo() {
        List<AppraisalPeriod> quarters = new ArrayList<>();
        AppraisalPeriod q = quarterOf(end);
        for (int i = 0; i < 8; i++) {
            quarters.addFirst(q);
            q = q.previous();
        }
        return quarters;
    }

    public boolean isOverOn(LocalDate date) {
        return date.isAfter(end);
    }
}

package org.creditdesk.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.credit.CreditLimitRequest;
import org.creditdesk.credit.CreditLimits;
import org.creditdesk.credit.NewLimitRequest;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.monitoring.DailyRun;
import org.creditdesk.monitoring.Escalation;
import org.creditdesk.monitoring.Escalations;
import org.creditdesk.monitoring.LegalCaseChange;
import org.creditdesk.monitoring.LegalCases;
import org.creditdesk.shared.ProblemException;
import org.springframework.stereotype.Service;

/**
 * After the demo book is imported, plays what a credit team would have done with it, through the
 * modules' own facades: limits requested by the supervisor and approved by a second pair of eyes
 * (a few raises still waiting for the credit manager), the daily runs and scorings of the history
 * replayed (month-ends, then every business day of the last weeks), the lawyers' settled cases, the
 * company's settings (see {@link DemoSettings}), and orders waiting in the blocked queue today.
 */
@Service
class DemoStory {

    static final Caller SUPERVISOR = new Caller("supervisor", Set.of(Role.CREDIT_SUPERVISOR), Set.of());
    static final Caller CREDIT_MANAGER = new Caller("creditmanager", Set.of(Role.CREDIT_MANAGER), Set.of());
    static final Caller GENERAL_MANAGER = new Caller("gm", Set.of(Role.GENERAL_MANAGER), Set.of());
    static final Caller SALES_MANAGER = new Caller("salesmanager", Set.of(Role.SALES_MANAGER), Set.of(DemoLogins.AREA));
    static final Caller LAWYER = new Caller("lawyer", Set.of(Role.LEGAL), Set.of());

    /** Every business day of these last weeks is replayed; before them, month-ends only. */
    static final int DAILY_WEEKS = 4;

    /** Customers granted their limits at the same time (independent transactions). */
    static final int LIMIT_WORKERS = 4;

    /** One customer in this many of the East area asks for a raise the credit manager has not decided yet. */
    private static final int PENDING_RAISE_EVERY = 12;

    private final CreditLimits limits;
    private final DailyRun dailyRun;
    private final LegalCases legalCases;
    private final DemoSettings settings;
    private final Escalations escalations;
    private final DemoOrders orders;
    private final PrintStream console = System.out;

    DemoStory(
            CreditLimits limits,
            DailyRun dailyRun,
            LegalCases legalCases,
            DemoSettings settings,
            Escalations escalations,
            DemoOrders orders) {
        this.limits = limits;
        this.dailyRun = dailyRun;
        this.legalCases = legalCases;
        this.settings = settings;
        this.escalations = escalations;
        this.orders = orders;
    }

    void tell(PortfolioSpec spec, GeneratedPortfolio files) {
        Map<String, String> areaOf = column(files.file(GeneratedPortfolio.CUSTOMERS), "code", "area");
        // Each request and approval in its own transaction, as users would: one transaction for all
        // 2,400 was measured slower (755 s against 41 s on the loaded machine; docs/performance.md).
        grantLimits(files.file(GeneratedPortfolio.CREDIT_LIMITS), areaOf);
        replay(spec);
        long started = System.nanoTime();
        settlePaidCases(spec.asOf());
        settings.apply(spec.asOf());
        orders.placeToday(files, areaOf);
        console.printf(Locale.ROOT, "Settled legal cases, settings and today's orders in %.1f s%n", seconds(started));
    }

    /**
     * Four eyes: the supervisor requests, the credit manager approves (the general manager above his
     * ceiling). Customers are independent of each other, so {@link #LIMIT_WORKERS} of them are granted at a
     * time, each request and approval still in its own transaction: the commits (durable, fsync) overlap
     * instead of waiting one after another. Which customers ask for a raise is decided in file order first.
     */
    private void grantLimits(Path file, Map<String, String> areaOf) {
        long started = System.nanoTime();
        List<Map<String, String>> grants = rows(file);
        Set<String> raising = new java.util.HashSet<>();
        int eastSeen = 0;
        for (Map<String, String> row : grants) {
            if (DemoLogins.AREA.equals(areaOf.get(row.get("customerCode"))) && eastSeen++ % PENDING_RAISE_EVERY == 0) {
                raising.add(row.get("customerCode"));
            }
        }
        try (var workers = java.util.concurrent.Executors.newFixedThreadPool(LIMIT_WORKERS)) {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (Map<String, String> row : grants) {
                done.add(workers.submit(() -> grant(row, raising.contains(row.get("customerCode")))));
            }
            for (var each : done) each.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Granting the demo limits was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Granting a demo limit failed", e.getCause());
        }
        console.printf(
                Locale.ROOT,
                "Granted %,d credit limits (four eyes), %,d raises waiting for approval, in %.1f s%n",
                grants.size(),
                raising.size(),
                seconds(started));
    }

    private void grant(Map<String, String> row, boolean raise) {
        String code = row.get("customerCode");
        BigDecimal amount = new BigDecimal(row.get("amount"));
        CreditLimitRequest request = limits.request(
                code,
                new NewLimitRequest(
                        amount,
                        row.get("currency"),
                        LocalDate.parse(row.get("validFrom")),
                        LocalDate.parse(row.get("validUntil")),
                        LocalDate.parse(row.get("reviewOn")),
                        row.get("reason"),
                        null),
                SUPERVISOR);
        approve(request, "Within the customer's turnover and payment record");
        if (raise) {
            BigDecimal raised = amount.multiply(new BigDecimal("1.3")).setScale(-4, RoundingMode.UP);
            limits.request(
                    code,
                    new NewLimitRequest(
                            raised,
                            row.get("currency"),
                            null,
                            LocalDate.parse(row.get("validUntil")),
                            null,
                            "Customer asks for more room ahead of the year-end season",
                            null),
                    SALES_MANAGER);
        }
    }

    private void approve(CreditLimitRequest request, String comment) {
        try {
            limits.approve(request.id(), comment, CREDIT_MANAGER);
        } catch (ProblemException beyondCeiling) {
            limits.approve(request.id(), comment + "; above the credit manager's ceiling", GENERAL_MANAGER);
        }
    }

    /** The daily runs of the history, oldest first; each one's scoring follows it as in production. */
    private void replay(PortfolioSpec spec) {
        long started = System.nanoTime();
        List<LocalDate> dates = replayDates(spec.asOf(), spec.months());
        Caller runner = new Caller("daily-run", Set.of(Role.ADMIN), Set.of());
        for (LocalDate date : dates) {
            dailyRun.run(date, runner);
        }
        console.printf(
                Locale.ROOT,
                "Replayed %d daily runs (%s to %s) in %.1f s%n",
                dates.size(),
                dates.getFirst(),
                dates.getLast(),
                seconds(started));
    }

    /**
     * Month-ends from the second month of the history (the first has nothing overdue yet), then every
     * business day (Monday to Friday) of the last {@link #DAILY_WEEKS} weeks up to the as-of date.
     */
    static List<LocalDate> replayDates(LocalDate asOf, int months) {
        LocalDate dailyFrom = asOf.minusWeeks(DAILY_WEEKS);
        List<LocalDate> dates = new ArrayList<>();
        for (LocalDate month = asOf.minusMonths(months - 1L).withDayOfMonth(1);
                month.isBefore(dailyFrom);
                month = month.plusMonths(1)) {
            LocalDate end = month.withDayOfMonth(month.lengthOfMonth());
            if (end.isBefore(dailyFrom)) dates.add(end);
        }
        for (LocalDate day = dailyFrom; !day.isAfter(asOf); day = day.plusDays(1)) {
            if (day.getDayOfWeek().getValue() <= 5 || day.equals(asOf)) dates.add(day);
        }
        return dates;
    }

    /**
     * Chronic late payers reach level 4 and pay after the case was opened: the lawyer settles those
     * cases, and moves the rest along so that the legal page shows every stage.
     */
    private void settlePaidCases(LocalDate asOf) {
        int settled = 0;
        int moved = 0;
        Set<String> stillLevel4 = escalations.escalations(asOf, 4, GENERAL_MANAGER).stream()
                .map(Escalation::customerCode)
                .collect(Collectors.toSet());
        for (var legalCase : legalCases.list(null, LAWYER)) {
            if (legalCase.status().closed()) continue;
            Caller lawyer = new Caller(
                    legalCase.lawyer() == null ? LAWYER.username() : legalCase.lawyer(), Set.of(Role.LEGAL), Set.of());
            if (!stillLevel4.contains(legalCase.customerCode())) {
                legalCases.changeStatus(
                        legalCase.id(),
                        new LegalCaseChange("SETTLED", "Paid in full after our demand", legalCase.amountClaimed()),
                        lawyer);
                settled++;
            } else if (moved++ % 3 != 0) {
                String next = moved % 3 == 1 ? "DEMAND_LETTER_SENT" : "FILED";
                legalCases.changeStatus(
                        legalCase.id(), new LegalCaseChange(next, "Demand letter by registered mail", null), lawyer);
            }
        }
        console.printf(Locale.ROOT, "Lawyers settled %d paid cases%n", settled);
    }

    static List<Map<String, String>> rows(Path file) {
        List<List<String>> rows;
        try (var reader = Files.newBufferedReader(file)) {
            rows = Csv.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> header = rows.getFirst();
        List<Map<String, String>> result = new ArrayList<>(rows.size() - 1);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, String> named = new HashMap<>();
            for (int i = 0; i < header.size(); i++) named.put(header.get(i), i < row.size() ? row.get(i) : "");
            result.add(named);
        }
        return result;
    }

    private static Map<String, String> column(Path file, String key, String value) {
        Map<String, String> map = new HashMap<>();
        rows(file).forEach(row -> map.put(row.get(key), row.get(value)));
        return map;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}

package org.creditdesk.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Thin-file companies for checking the score on default: customers without invoices, a financial
 * statement for every year, and a default recorded on a date for the companies that fail.
 * Deterministic for a seed.
 *
 * <p>Health h follows h(t) = 0.85 h(t-1) + N(0, 0.5) from N(0, 1); the statement of year t is drawn
 * from h(t) and the company's own turnover and leverage, with heavy-tailed noise (Student's t, 3
 * degrees of freedom). The default of year t + 1 is drawn from that statement as it really was: losses,
 * debts beyond 60 % of assets, little working capital or retained earnings, a small size and a slow
 * turnover each raise its probability, plus a shock no statement shows ({@link #hazard}; about 4-5 %
 * a year). Figures are left empty one in thirty for a sound company, more often the nearer it is to
 * failing. Session 7 (issue 16): until then defaults followed the hidden health alone and the
 * statements were its noisy echo, so even the latent truth ranked the test window's defaults with an
 * AUC of only 0.81-0.82 (the "oracle"; see docs/risk-model.md). Each company keeps its true yearly
 * hazards ({@link Company#trueDefaultProbability}) for that comparison. Files: {@code
 * thin-customers.csv} (the customers import), {@code financial-statements.csv} (the statements
 * import) and {@code customer-outcomes.csv}.
 */
public final class ThinFileBook {

    public static final String CUSTOMERS = "thin-customers.csv";
    public static final String STATEMENTS = "financial-statements.csv";
    public static final String OUTCOMES = "customer-outcomes.csv";

    /** One year's figures, in cents; null = left empty. */
    public record Statement(int year, @Nullable Long[] cents) {}

    /**
     * A generated company; {@code hazard[i]} is the true probability that it defaults in year {@code
     * firstYear + i} (0 for the first year), known only to the generator: the latent truth an oracle
     * would score by.
     */
    public record Company(
            String code,
            LocalDate establishedOn,
            String group,
            List<Statement> statements,
            @Nullable LocalDate defaultedOn,
            int firstYear,
            double[] hazard) {

        /**
         * The true probability, as the generator draws it, that the company defaults in (date, date +
         * months], given it had not by the date: the oracle's score (higher = worse).
         */
        public double trueDefaultProbability(LocalDate date, int months) {
            LocalDate until = date.plusMonths(months);
            double survive = 1;
            for (int year = date.getYear(); year <= until.getYear(); year++) {
                double p = hazard(year);
                LocalDate start = LocalDate.of(year, 1, 1), next = start.plusYears(1);
                double days = start.until(next, java.time.temporal.ChronoUnit.DAYS);
                LocalDate from = year == date.getYear() ? date : start.minusDays(1);
                LocalDate to = year == until.getYear() ? until : next.minusDays(1);
                double covered = Math.max(0, from.until(to, java.time.temporal.ChronoUnit.DAYS)) / days;
                // Not defaulted by the date in its own year: the year's default, if any, is still ahead.
                double before =
                        year == date.getYear() ? start.until(date, java.time.temporal.ChronoUnit.DAYS) / days : 0;
                double q = p * covered / (1 - p * before);
                survive *= 1 - q;
            }
            return 1 - survive;
        }

        private double hazard(int year) {
            int i = year - firstYear;
            if (i < 0) return 0;
            // After the last year drawn (the company failed before), its last hazard stands.
            return hazard[Math.min(i, hazard.length - 1)];
        }
    }

    private ThinFileBook() {}

    /** Companies with statements for the years {@code firstYear} to {@code lastYear}; defaults up to {@code lastYear + 1}. */
    public static List<Company> generate(int companies, long seed, int firstYear, int lastYear) {
        Random random = new Random(seed);
        List<Company> book = new ArrayList<>(companies);
        for (int c = 0; c < companies; c++) {
            double health = random.nextGaussian();
            double assets = Math.exp(15.5 + random.nextGaussian());
            // The company's own business: how much it sells per unit of assets, how much it borrows.
            double turnover = 0.9 * Math.exp(0.45 * random.nextGaussian());
            double leverage = 0.1 * random.nextGaussian();
            LocalDate established = LocalDate.of(firstYear, 1, 1).minusDays((long)
                    (365 * (1 + -Math.log(1 - random.nextDouble()) * 8)));
            List<Statement> statements = new ArrayList<>();
            LocalDate defaulted = null;
            double[] hazard = new double[lastYear + 2 - firstYear];
            double next = 0;
            for (int year = firstYear; year <= lastYear + 1 && defaulted == null; year++) {
                if (year > firstYear) {
                    hazard[year - firstYear] = next;
                    if (random.nextDouble() < next) {
                        defaulted = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                        break;
                    }
                    health = 0.85 * health + 0.5 * random.nextGaussian();
                    assets *= Math.exp(0.05 + 0.05 * health + 0.1 * random.nextGaussian());
                }
                if (year <= lastYear) {
                    double[] figures = figures(health, assets, turnover, leverage, random);
                    next = hazard(figures, random.nextGaussian());
                    statements.add(new Statement(year, withGaps(figures, next, random)));
                }
            }
            // A company that failed has no hazard drawn after: its last one stands (the oracle's view).
            for (int i = 1; i < hazard.length; i++) if (hazard[i] == 0) hazard[i] = hazard[i - 1];
            book.add(new Company(
                    "TF%06d".formatted(c + 1),
                    established,
                    random.nextDouble() < 0.7 ? "VOLUME" : "VALUE_ADDED",
                    statements,
                    defaulted,
                    firstYear,
                    hazard));
        }
        return book;
    }

    // Figure positions, in the statements import's column order.
    private static final int REVENUE = 0, NET_INCOME = 1, EBIT = 2, CURRENT_ASSETS = 3, CURRENT_LIABILITIES = 4;
    private static final int TOTAL_ASSETS = 5, TOTAL_LIABILITIES = 6, RETAINED = 7;

    /**
     * One year's figures drawn from the health, with heavy-tailed noise (Student's t, 3 degrees of
     * freedom) as real ratios have: a few companies show a current ratio of 15, a margin of -300 %.
     */
    private static double[] figures(double h, double assets, double turnover, double leverage, Random random) {
        double debt = clamp(0.55 + leverage - 0.15 * h + 0.1 * t3(random), 0.02, 1.6);
        double currentShare = clamp(0.45 + 0.1 * random.nextGaussian(), 0.05, 0.95);
        double currentRatio = clamp(Math.exp(Math.log(1.4) + 0.25 * h + 0.25 * t3(random)), 0.1, 20);
        double ebit = (0.06 + 0.05 * h + 0.035 * t3(random)) * assets;
        double revenue = turnover * Math.exp(0.1 * h + 0.15 * t3(random)) * assets;
        double liabilities = debt * assets;
        double currentAssets = currentShare * assets;
        double currentLiabilities = Math.min(currentAssets / currentRatio, liabilities);
        double netIncome = 0.75 * ebit - 0.04 * liabilities;
        double retained = (0.15 + 0.12 * h + 0.08 * t3(random)) * assets;
        return new double[] {
            revenue,
            netIncome,
            ebit,
            currentAssets,
            currentLiabilities,
            assets,
            liabilities,
            retained,
            assets - liabilities
        };
    }

    /**
     * The probability of defaulting the next year, from the year's statement as it really was (before
     * figures went missing) and a shock no statement shows: losses, debts beyond 60 % of assets, little
     * working capital, a small size and a slow turnover each raise it (size and turnover are not in
     * Altman's Z''). About 5 % a year.
     */
    static double hazard(double[] f, double shock) {
        double assets = f[TOTAL_ASSETS];
        double roa = clamp(f[NET_INCOME] / assets, -0.25, 0.25);
        double debt = f[TOTAL_LIABILITIES] / assets;
        double workingCapital = clamp((f[CURRENT_ASSETS] - f[CURRENT_LIABILITIES]) / assets, -0.5, 0.8);
        double retained = clamp(f[RETAINED] / assets, -0.5, 0.6);
        double z = -4.0
                - 22 * roa
                + 5 * Math.max(0, debt - 0.6)
                - 2.5 * workingCapital
                - 3 * retained
                - 1.6 * (Math.log10(assets) - 6.7)
                - 1.3 * Math.log(clamp(f[REVENUE] / assets, 0.05, 10) / 0.9)
                + 1.0 * shock;
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The figures in cents with some left empty: one in thirty for a sound company, more the nearer it
     * is to failing (a failing company files late and partly). Total assets are always given: without
     * them no ratio is defined.
     */
    private static @Nullable Long[] withGaps(double[] figures, double hazard, Random random) {
        Long[] cents = new Long[figures.length];
        double gap = 0.03 + 0.4 * hazard;
        for (int i = 0; i < figures.length; i++) {
            cents[i] = i != TOTAL_ASSETS && random.nextDouble() < gap ? null : Math.round(figures[i] * 100);
        }
        return cents;
    }

    /** Student's t with 3 degrees of freedom, capped at 10 (sd about 1.7). */
    private static double t3(Random random) {
        double chi = 0;
        for (int i = 0; i < 3; i++) chi += Math.pow(random.nextGaussian(), 2);
        return clamp(random.nextGaussian() / Math.sqrt(chi / 3), -10, 10);
    }

    /** Generates the book and writes its three CSV files into the directory; returns how many companies defaulted. */
    public static int write(int companies, long seed, int firstYear, int lastYear, Path directory) throws IOException {
        List<Company> book = generate(companies, seed, firstYear, lastYear);
        writeCsv(book, directory);
        return (int) book.stream().filter(c -> c.defaultedOn() != null).count();
    }

    /** Writes the three CSV files into the directory. */
    static void writeCsv(List<Company> book, Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Writer customers = Files.newBufferedWriter(directory.resolve(CUSTOMERS), StandardCharsets.UTF_8);
                Writer statements = Files.newBufferedWriter(directory.resolve(STATEMENTS), StandardCharsets.UTF_8);
                Writer outcomes = Files.newBufferedWriter(directory.resolve(OUTCOMES), StandardCharsets.UTF_8)) {
            customers.write("code,name,establishedOn,area,businessGroup,paymentTermDays,currency\n");
            statements.write("customerCode,year,currency,revenue,netIncome,ebit,currentAssets,currentLiabilities,"
                    + "totalAssets,totalLiabilities,retainedEarnings,bookEquity\n");
            outcomes.write("customerCode,type,on\n");
            for (Company c : book) {
                customers.write("%s,Thin-file company %s Ltd,%s,EAST,%s,30,CNY\n"
                        .formatted(c.code(), c.code(), c.establishedOn(), c.group()));
                for (Statement s : c.statements()) {
                    StringBuilder line = new StringBuilder(c.code())
                            .append(',')
                            .append(s.year())
                            .append(",CNY");
                    for (Long cents : s.cents()) {
                        line.append(',');
                        if (cents != null)
                            line.append(BigDecimal.valueOf(cents, 2).setScale(2, RoundingMode.UNNECESSARY));
                    }
                    statements.write(line.append('\n').toString());
                }
                if (c.defaultedOn() != null) outcomes.write(c.code() + ",DEFAULT," + c.defaultedOn() + "\n");
            }
        }
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}

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
 * statement for every year whose figures carry the company's hidden health (with noise), and a
 * default recorded on a date for the companies that fail. Deterministic for a seed.
 *
 * <p>Health h follows h(t) = 0.85 h(t-1) + N(0, 0.5) from N(0, 1); the statement of year t is drawn
 * from h(t): debt ratio, current ratio, EBIT and retained earnings over assets move with h, revenue and
 * the asset size do not. A company defaults in year t with probability 1 / (1 + e^(3.4 + 1.5 h(t-1)))
 * (about 5 % a year), on a day of that year, and nothing is drawn for it after. One figure in twenty
 * is left empty (a partial statement). Files: {@code thin-customers.csv} (the customers import),
 * {@code financial-statements.csv} (the statements import) and {@code customer-outcomes.csv}.
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
                double before = year == date.getYear() ? start.until(date, java.time.temporal.ChronoUnit.DAYS) / days : 0;
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
            LocalDate established = LocalDate.of(firstYear, 1, 1).minusDays((long)
                    (365 * (1 + -Math.log(1 - random.nextDouble()) * 8)));
            List<Statement> statements = new ArrayList<>();
            LocalDate defaulted = null;
            double[] hazard = new double[lastYear + 2 - firstYear];
            for (int year = firstYear; year <= lastYear + 1 && defaulted == null; year++) {
                if (year > firstYear) {
                    double p = 1 / (1 + Math.exp(3.4 + 1.5 * health));
                    hazard[year - firstYear] = p;
                    if (random.nextDouble() < p) {
                        defaulted = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                        break;
                    }
                    health = 0.85 * health + 0.5 * random.nextGaussian();
                    assets *= Math.exp(0.05 + 0.05 * health + 0.1 * random.nextGaussian());
                }
                if (year <= lastYear) statements.add(statement(year, health, assets, random));
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

    private static Statement statement(int year, double h, double assets, Random random) {
        double debt = clamp(0.55 - 0.18 * h + 0.12 * random.nextGaussian(), 0.05, 1.4);
        double currentShare = clamp(0.45 + 0.1 * random.nextGaussian(), 0.1, 0.9);
        double currentRatio = clamp(1.5 + 0.45 * h + 0.3 * random.nextGaussian(), 0.2, 5);
        double ebit = (0.06 + 0.05 * h + 0.04 * random.nextGaussian()) * assets;
        double revenue = Math.max(0.1, 0.9 + 0.3 * random.nextGaussian()) * assets;
        double liabilities = debt * assets;
        double currentAssets = currentShare * assets;
        double currentLiabilities = Math.min(currentAssets / currentRatio, liabilities);
        double netIncome = 0.75 * ebit - 0.04 * liabilities;
        double retained = (0.15 + 0.12 * h + 0.08 * random.nextGaussian()) * assets;
        double[] figures = {
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
        Long[] cents = new Long[figures.length];
        for (int i = 0; i < figures.length; i++) {
            // Total assets are always given: without them no ratio is defined.
            cents[i] = i != 5 && random.nextInt(20) == 0 ? null : Math.round(figures[i] * 100);
        }
        return new Statement(year, cents);
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

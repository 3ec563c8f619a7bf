package org.creditdesk.demo;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * A short-lateness book for checking the score on "paid late": every invoice is paid, never more than
 * 45 days after its due date, and each customer keeps its own habit. Half pay on time (mean lateness
 * -2..2 days), three in ten a few days late (3..10, the payment run), one in seven slowly (10..25), and
 * one in twenty drifts from on time to about 35 days late from a month of its own. Each invoice's
 * lateness is the habit plus noise of the customer's own spread (2..6 days). One to four invoices a
 * month on 30-day terms; an invoice whose pay date lies after the as-of date is still open. Files in the
 * import formats: {@code customers.csv}, {@code invoices.csv}, {@code payments.csv}. Deterministic for a
 * seed.
 */
public final class ShortLatenessBook {

    public static final String CUSTOMERS = "customers.csv";
    public static final String INVOICES = "invoices.csv";
    public static final String PAYMENTS = "payments.csv";

    private ShortLatenessBook() {}

    /** Writes the book; returns the number of invoices. */
    public static int write(int customers, int months, long seed, LocalDate asOf, Path directory) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        LocalDate start = asOf.minusMonths(months).withDayOfMonth(1);
        int invoiceCount = 0;
        try (Writer c = Files.newBufferedWriter(directory.resolve(CUSTOMERS), StandardCharsets.UTF_8);
                Writer i = Files.newBufferedWriter(directory.resolve(INVOICES), StandardCharsets.UTF_8);
                Writer p = Files.newBufferedWriter(directory.resolve(PAYMENTS), StandardCharsets.UTF_8)) {
            c.write("code,name,establishedOn,area,businessGroup,paymentTermDays,currency\n");
            i.write("invoiceNo,customerCode,issueDate,dueDate,amount,currency\n");
            p.write("paymentNo,customerCode,receivedOn,amount,currency,method,invoiceNo\n");
            for (int n = 1; n <= customers; n++) {
                String code = "SL%05d".formatted(n);
                c.write("%s,Short-lateness customer %s Ltd,%s,EAST,VOLUME,30,CNY\n"
                        .formatted(code, code, start.minusYears(2 + random.nextInt(20))));
                double kind = random.nextDouble();
                double habit = kind < 0.5
                        ? -2 + 4 * random.nextDouble()
                        : kind < 0.8 ? 3 + 7 * random.nextDouble() : kind < 0.95 ? 10 + 15 * random.nextDouble() : 0;
                boolean drifting = kind >= 0.95;
                LocalDate driftFrom = start.plusDays(random.nextInt(Math.max(1, months * 30)));
                double spread = 2 + 4 * random.nextDouble();
                for (LocalDate month = start; month.isBefore(asOf); month = month.plusMonths(1)) {
                    int count = 1 + random.nextInt(4);
                    for (int k = 0; k < count; k++) {
                        LocalDate issued = month.plusDays(random.nextInt(28));
                        if (issued.isAfter(asOf)) continue;
                        LocalDate due = issued.plusDays(30);
                        double mean = habit;
                        if (drifting && due.isAfter(driftFrom)) {
                            mean = Math.min(35, (due.toEpochDay() - driftFrom.toEpochDay()) / 6.0);
                        }
                        long late = Math.max(-5, Math.min(45, Math.round(mean + spread * random.nextGaussian())));
                        BigDecimal amount =
                                BigDecimal.valueOf(Math.round(Math.exp(9 + random.nextGaussian()) * 100), 2);
                        String invoiceNo = "SLI%07d".formatted(++invoiceCount);
                        i.write("%s,%s,%s,%s,%s,CNY\n".formatted(invoiceNo, code, issued, due, amount.toPlainString()));
                        LocalDate paid = due.plusDays(late);
                        if (!paid.isAfter(asOf)) {
                            p.write("SLP%07d,%s,%s,%s,CNY,BANK_TRANSFER,%s\n"
                                    .formatted(invoiceCount, code, paid, amount.toPlainString(), invoiceNo));
                        }
                    }
                }
            }
        }
        return invoiceCount;
    }
}

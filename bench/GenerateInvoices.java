import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Writes the benchmark's input, deterministically (seed 42): customers.csv and invoices.csv in
 * the CSV layout of POST /api/v1/imports/{customers,invoices}.
 *
 * <p>Usage: {@code java bench/GenerateInvoices.java OUT_DIR [CUSTOMERS] [INVOICES]}
 */
public class GenerateInvoices {

    static final String[] AREAS = {"EAST", "WEST", "NORTH", "SOUTH", "CENTRAL"};
    static final String[] PRODUCT_LINES = {"PUMPS", "VALVES", "PIPES", "MOTORS", "SPARES"};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int invoices = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Files.createDirectories(out);
        Random random = new Random(42);

        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("customers.csv"))) {
            w.write("code,name,area,businessGroup,salesRep,paymentTermDays,currency,phones,people\n");
            for (int c = 1; c <= customers; c++) {
                String area = AREAS[c % AREAS.length];
                w.write("C%06d,\"Customer %d Trading Co., Ltd.\",%s,%s,REP-%s-%d,%d,CNY,021-%08d,LEGAL_REPRESENTATIVE:Person %d:ID%010d\n"
                        .formatted(
                                c, c, area, c % 3 == 0 ? "VALUE_ADDED" : "VOLUME", area, c % 7,
                                30 + 15 * (c % 4), c, c, c));
            }
        }

        LocalDate first = LocalDate.of(2024, 1, 1);
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("invoices.csv"))) {
            w.write("invoiceNo,customerCode,orderNo,issueDate,dueDate,amount,currency,productLine\n");
            StringBuilder line = new StringBuilder(128);
            for (int i = 1; i <= invoices; i++) {
                int customer = 1 + random.nextInt(customers);
                LocalDate issued = first.plusDays(random.nextInt(540));
                long cents = 1_000 + (long) random.nextInt(5_000_000);
                line.setLength(0);
                line.append("INV").append(String.format("%09d", i)).append(',')
                        .append(String.format("C%06d", customer)).append(",,")
                        .append(issued).append(',')
                        .append(issued.plusDays(30 + 15 * (customer % 4))).append(',')
                        .append(cents / 100).append('.').append(String.format("%02d", cents % 100)).append(",CNY,")
                        .append(PRODUCT_LINES[random.nextInt(PRODUCT_LINES.length)]).append('\n');
                w.append(line);
            }
        }
    }
}

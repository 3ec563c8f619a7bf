package org.creditdesk.collections.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.demo.DemoDisputeHistory;
import org.creditdesk.demo.GeneratedPortfolio;
import org.creditdesk.demo.PortfolioGenerator;
import org.creditdesk.demo.PortfolioSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the demo's generated history makes the prediction signals matter as in life, so the payment
 * model fitted on it beats the naive baseline ("the customer's average days late") out of time on both
 * AUC and MAE. The same fit as {@code PaymentPredictions.fit}, on the demo generator's files read the way
 * the ledger would settle them (payments and credit notes by invoice; bounced cheques do not settle) and
 * the disputes the demo records for its quality credit notes ({@link DemoDisputeHistory}), without a
 * database. The figures are printed for docs/risk-model.md.
 */
class DemoHistoryFitTests {

    static final LocalDate AS_OF = LocalDate.of(2026, 12, 4);
    static final int GRACE = 7;

    @TempDir
    Path temp;

    @Test
    void the_model_fitted_on_the_demo_history_beats_the_customers_average_days_late_out_of_time() throws IOException {
        for (long seed : new long[] {42, 7}) {
            PaymentModelFit.Outcome outcome = fit(new PortfolioSpec(1_200, 24, seed, AS_OF, true));
            System.out.printf(
                    "seed %d: train %d, test %d (late share %.3f); model AUC %.3f MAE %.2f days; baseline AUC %.3f"
                            + " MAE %.2f days; snap to pay day %s%n",
                    seed,
                    outcome.trainObservations(),
                    outcome.testObservations(),
                    outcome.testLateShare(),
                    outcome.modelTest().auc(),
                    outcome.modelTest().maeDays(),
                    outcome.baselineTest().auc(),
                    outcome.baselineTest().maeDays(),
                    outcome.model().snapToPayDay());
            assertThat(outcome.modelTest().auc())
                    .as("seed %d AUC", seed)
                    .isGreaterThan(outcome.baselineTest().auc());
            assertThat(outcome.modelTest().maeDays())
                    .as("seed %d MAE", seed)
                    .isLessThan(outcome.baselineTest().maeDays());
        }
    }

    private PaymentModelFit.Outcome fit(PortfolioSpec spec) throws IOException {
        Path dir = temp.resolve("seed-" + spec.seed());
        GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, dir);
        Map<String, Long> customerIds = new HashMap<>();
        Map<String, InvoiceRow> invoices = new HashMap<>();
        for (Map<String, String> row : rows(files.file(GeneratedPortfolio.INVOICES))) {
            long customerId = customerIds.computeIfAbsent(row.get("customerCode"), c -> (long) customerIds.size());
            invoices.put(
                    row.get("invoiceNo"),
                    new InvoiceRow(
                            invoices.size(),
                            customerId,
                            LocalDate.parse(row.get("issueDate")),
                            LocalDate.parse(row.get("dueDate")),
                            new BigDecimal(row.get("amount"))));
        }
        Map<String, BigDecimal> settled = new HashMap<>();
        Map<String, LocalDate> lastOn = new HashMap<>();
        java.util.Set<String> bounced = new java.util.HashSet<>();
        for (Map<String, String> row : rows(files.file(GeneratedPortfolio.BOUNCED_CHEQUES))) {
            bounced.add(row.get("paymentNo"));
        }
        List<Map<String, String>> settlements = new ArrayList<>();
        for (Map<String, String> p : rows(files.file(GeneratedPortfolio.PAYMENTS))) {
            if (!bounced.contains(p.get("paymentNo")))
                settlements.add(
                        Map.of("invoiceNo", p.get("invoiceNo"), "on", p.get("receivedOn"), "amount", p.get("amount")));
        }
        for (Map<String, String> p : rows(files.file(GeneratedPortfolio.REPLACEMENT_PAYMENTS))) {
            settlements.add(
                    Map.of("invoiceNo", p.get("invoiceNo"), "on", p.get("receivedOn"), "amount", p.get("amount")));
        }
        List<PredictionRepository.Dispute> disputes = new ArrayList<>();
        for (Map<String, String> n : rows(files.file(GeneratedPortfolio.CREDIT_NOTES))) {
            settlements.add(
                    Map.of("invoiceNo", n.get("invoiceNo"), "on", n.get("issueDate"), "amount", n.get("amount")));
            InvoiceRow invoice = invoices.get(n.get("invoiceNo"));
            if (DemoDisputeHistory.recordsDispute(n.get("reason"))) {
                disputes.add(new PredictionRepository.Dispute(
                        invoice.id(),
                        DemoDisputeHistory.raisedOn(invoice.issueDate(), invoice.dueDate()),
                        LocalDate.parse(n.get("issueDate"))));
            }
        }
        for (Map<String, String> s : settlements) {
            LocalDate on = LocalDate.parse(s.get("on"));
            if (on.isAfter(AS_OF)) continue;
            settled.merge(s.get("invoiceNo"), new BigDecimal(s.get("amount")), BigDecimal::add);
            lastOn.merge(s.get("invoiceNo"), on, (a, b) -> a.isAfter(b) ? a : b);
        }
        record Paid(InvoiceRow invoice, PaidInvoice paid) {}
        List<Paid> paid = new ArrayList<>();
        invoices.forEach((no, invoice) -> {
            if (settled.getOrDefault(no, BigDecimal.ZERO).compareTo(invoice.amount()) >= 0) {
                paid.add(new Paid(invoice, new PaidInvoice(invoice.dueDate(), lastOn.get(no), invoice.amount())));
            }
        });
        paid.sort(java.util.Comparator.comparing((Paid p) -> p.paid().paidOn())
                .thenComparing(p -> p.paid().dueDate())
                .thenComparing(p -> p.invoice().id()));
        Map<Long, List<PaidInvoice>> byCustomer = new HashMap<>();
        for (Paid p : paid) {
            byCustomer
                    .computeIfAbsent(p.invoice().customerId(), k -> new ArrayList<>())
                    .add(p.paid());
        }
        CollectorFacts facts = new CollectorFacts(disputes, List.of(), List.of());
        LocalDate testUntil = AS_OF.minusDays(PaymentPredictions.TEST_SETTLE_DAYS);
        LocalDate testFrom = testUntil.minusDays(PaymentPredictions.TEST_DAYS);
        LocalDate trainFrom = testFrom.minusDays(PaymentPredictions.TRAIN_DAYS);
        List<PaymentModelFit.Observation> train = new ArrayList<>();
        List<PaymentModelFit.Observation> test = new ArrayList<>();
        for (Paid p : paid) {
            LocalDate due = p.paid().dueDate();
            if (due.isBefore(trainFrom) || !due.isBefore(testUntil)) continue;
            var observation = new PaymentModelFit.Observation(
                    PaymentPredictions.historyBefore(byCustomer.get(p.invoice().customerId()), due),
                    facts.at(
                            p.invoice().customerId(),
                            p.invoice().id(),
                            due,
                            p.paid().amount(),
                            due),
                    p.paid().paidOn());
            (due.isBefore(testFrom) ? train : test).add(observation);
        }
        return PaymentModelFit.fit(train, test, GRACE);
    }

    record InvoiceRow(long id, long customerId, LocalDate issueDate, LocalDate dueDate, BigDecimal amount) {}

    /** The generator's CSV: a header row, fields quoted when they hold a comma, a quote or a line break. */
    static List<Map<String, String>> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = fields(lines.getFirst());
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) continue;
            List<String> values = fields(line);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) row.put(header.get(i), i < values.size() ? values.get(i) : "");
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else field.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else field.append(c);
        }
        fields.add(field.toString());
        return fields;
    }
}

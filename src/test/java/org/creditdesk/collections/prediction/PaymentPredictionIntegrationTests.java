package org.creditdesk.collections.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.creditdesk.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Predictions end to end on the shared test database, in years no other test uses: the baseline in the
 * open items, the fit refused on too little history, a fit on a generated history with the signals of
 * life that beats the baseline, its audited adoption, and the weekly cash forecast.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PaymentPredictionIntegrationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PaymentPredictions predictions;

    @Autowired
    CashForecasts forecasts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void until_a_model_is_adopted_an_open_invoice_is_predicted_from_the_customers_recent_average_days_late() {
        retireAdopted();
        String area = area();
        String code = customer(area, "Average Payer");
        LocalDate start = LocalDate.of(2070, 1, 10);
        // paid 10, 20, 0 and 2 days late (average 8; two of four beyond the 7 grace days)
        int[] late = {10, 20, 0, 2};
        List<Invoice> invoices = new ArrayList<>();
        for (int i = 0; i < late.length; i++) {
            LocalDate due = start.plusMonths(i);
            invoices.add(new Invoice(code, due, due.plusDays(late[i]), new BigDecimal("1000.00"), false));
        }
        load(invoices);
        String open = openInvoice(code, LocalDate.of(2070, 8, 10), "5000.00");

        predictions.predict(LocalDate.of(2070, 7, 20), Caller.SYSTEM);

        assertThat(mvc.get()
                        .uri("/api/v1/customers/{code}/open-items?asOf=2070-07-20", code)
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$[0].invoiceNo").isEqualTo(open);
                    assertThat(json).extractingPath("$[0].predictedPayDate").isEqualTo("2070-08-18");
                    assertThat(json).extractingPath("$[0].lateProbability").isEqualTo(0.5);
                });
        assertThat(jdbc.sql("""
                        SELECT predicted_pay_date FROM customer_predicted_payments(DATE '2070-07-20') p
                        JOIN customer c ON c.id = p.customer_id WHERE c.code = :code
                        """).param("code", code).query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2070, 8, 18));
    }

    @Test
    void the_scoring_runs_prediction_runs_once_per_date_and_never_puts_an_older_date_over_a_newer_one() {
        String code = customer(area(), "Once A Day");
        openInvoice(code, LocalDate.of(2075, 6, 30), "700.00");
        LocalDate day = LocalDate.of(2075, 6, 1);

        assertThat(predictions.predictOnce(day)).as("first run of the day").isPresent();
        assertThat(predictions.predictOnce(day))
                .as("second scoring run of the day")
                .isEmpty();
        assertThat(predictions.predictOnce(day.minusDays(1)))
                .as("an older date finishing late")
                .isEmpty();
        assertThat(jdbc.sql("SELECT DISTINCT as_of FROM invoice_prediction")
                        .query(LocalDate.class)
                        .list())
                .containsExactly(day);
        assertThat(predictions.predictOnce(day.plusDays(1))).as("the next day").isPresent();
        assertThat(predictions.predict(day, Caller.SYSTEM).asOf())
                .as("asked for by hand, any date is predicted again")
                .isEqualTo(day);
    }

    @Test
    void fitting_with_too_little_paid_history_is_refused_with_a_clear_message() {
        assertThat(mvc.post()
                        .uri("/api/v1/collections/payment-models")
                        .with(admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"2045-01-01\"}"))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("Too little paid history")
                .contains("at least 500");
    }

    @Test
    void a_model_fitted_on_our_history_beats_the_baseline_is_adopted_audited_and_predicts_fixed_pay_days() {
        String area = area();
        List<String> codes = new ArrayList<>();
        List<Invoice> invoices = new ArrayList<>();
        LocalDate first = LocalDate.of(2060, 3, 1);
        for (int n = 1; n <= 40; n++) {
            String code = customer(area, "Predicted " + n);
            codes.add(code);
            for (int month = 0; month < 42; month++) {
                LocalDate due = first.plusMonths(month).withDayOfMonth(1 + (n * 3 + month * 7) % 28);
                boolean disputed = (month + n) % 9 == 4;
                int days = (n % 5) * 6
                        + (n % 3 == 0 ? month / 2 : 0)
                        + (disputed ? 35 : 0)
                        + ((n * 7 + month * 13) % 7)
                        - 3;
                LocalDate paidOn = due.plusDays(days);
                if (n % 4 == 0) paidOn = next25th(paidOn);
                invoices.add(
                        new Invoice(code, due, paidOn, new BigDecimal(500 + (n * 37 + month * 11) % 4000), disputed));
            }
        }
        load(invoices);

        PaymentFitReport report = predictions.fit(LocalDate.of(2064, 1, 1), Caller.SYSTEM);

        assertThat(report.trainInvoices()).isGreaterThanOrEqualTo(500);
        assertThat(report.testInvoices()).isPositive();
        assertThat(report.model().auc()).isGreaterThan(report.baseline().auc());
        assertThat(report.model().maeDays()).isLessThan(report.baseline().maeDays());
        assertThat(report.beatsBaseline()).isTrue();
        assertThat(report.weights())
                .extracting(PaymentFitReport.Weight::feature)
                .contains("disputed", "lateTrend");

        var auditor = TestUsers.user(jdbc, Role.AUDITOR);
        assertThat(mvc.post()
                        .uri("/api/v1/collections/payment-models/{id}/adopt", report.modelId())
                        .with(auditor)
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/api/v1/collections/payment-models/{id}/adopt", report.modelId())
                        .with(admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"beats the baseline out of time\"}"))
                .hasStatusOk();
        assertThat(jdbc.sql("""
                        SELECT reason FROM audit_log WHERE action = 'PAYMENT_MODEL_ADOPTED' AND subject_id = :id
                        """)
                        .param("id", String.valueOf(report.modelId()))
                        .query(String.class)
                        .single())
                .isEqualTo("beats the baseline out of time");

        String fixedDayPayer = codes.get(3); // n = 4 pays on the 25th
        openInvoice(fixedDayPayer, LocalDate.of(2064, 1, 8), "2000.00");
        PredictionRun run = predictions.predict(LocalDate.of(2064, 1, 1), Caller.SYSTEM);
        assertThat(run.modelId()).isEqualTo(report.modelId());
        LocalDate predicted = jdbc.sql("""
                        SELECT p.predicted_pay_date FROM invoice_payment_predictions() p
                        JOIN customer c ON c.id = p.customer_id WHERE c.code = :code
                        """)
                .param("code", fixedDayPayer)
                .query(LocalDate.class)
                .single();
        if (report.snapToPayDay()) assertThat(predicted.getDayOfMonth()).isEqualTo(25);
        assertThat(predicted).isAfterOrEqualTo(LocalDate.of(2064, 1, 1));

        assertThat(mvc.get()
                        .uri("/api/v1/reports/cash-forecast?asOf=2064-01-01&weeks=8&groupBy=area")
                        .with(admin()))
                .hasStatusOk()
                .bodyJson()
                .satisfies(json -> {
                    assertThat(json).extractingPath("$.weeks.length()").isEqualTo(8);
                    assertThat(json).extractingPath("$.groups").asArray().contains(area);
                    assertThat(json).extractingPath("$.currency").isEqualTo("CNY");
                });
        retireAdopted();
    }

    @Test
    void the_weekly_forecast_counts_each_prediction_once_in_its_expected_week_and_once_in_its_due_week() {
        String area = area();
        String code = customer(area, "Forecast Payer");
        LocalDate asOf = LocalDate.of(2072, 3, 1);
        openInvoice(code, asOf.minusDays(20), "1500.00"); // overdue: due in week 0
        openInvoice(code, asOf.plusDays(9), "2250.55");
        openInvoice(code, asOf.plusDays(40), "310.10");
        openInvoice(code, asOf.plusDays(200), "99.99"); // due beyond the forecast's weeks
        predictions.predict(asOf, Caller.SYSTEM);
        int weeks = 12;

        // The same cells computed prediction by prediction from the stored rows (every area: the system caller).
        Map<String, BigDecimal[]> byPrediction = new TreeMap<>();
        jdbc.sql("""
                        SELECT c.area_code, p.predicted_pay_date, p.due_date, p.open_amount
                        FROM invoice_prediction p JOIN customer c ON c.id = p.customer_id WHERE p.currency = 'CNY'
                        """)
                .query((rs, n) -> {
                    String key = rs.getString("area_code");
                    BigDecimal amount = rs.getBigDecimal("open_amount");
                    long expectedWeek = Math.max(
                            0, ChronoUnit.DAYS.between(asOf, rs.getObject("predicted_pay_date", LocalDate.class)) / 7);
                    long dueWeek =
                            Math.max(0, ChronoUnit.DAYS.between(asOf, rs.getObject("due_date", LocalDate.class)) / 7);
                    if (expectedWeek < weeks)
                        cell(byPrediction, expectedWeek, key)[0] = cell(byPrediction, expectedWeek, key)[0].add(amount);
                    if (dueWeek < weeks)
                        cell(byPrediction, dueWeek, key)[1] = cell(byPrediction, dueWeek, key)[1].add(amount);
                    return key;
                })
                .list();

        CashForecast forecast = forecasts.forecast(asOf, weeks, "area", Caller.SYSTEM);

        Map<String, BigDecimal[]> answered = new TreeMap<>();
        for (int w = 0; w < weeks; w++) {
            for (CashForecast.Group group : forecast.weeks().get(w).byGroup()) {
                answered.put(w + "/" + group.key(), new BigDecimal[] {group.expected(), group.due()});
            }
        }
        assertThat(answered.keySet()).isEqualTo(byPrediction.keySet()).contains("0/" + area, "1/" + area);
        byPrediction.forEach((cell, sums) -> {
            assertThat(answered.get(cell)[0]).as("expected in %s", cell).isEqualByComparingTo(sums[0]);
            assertThat(answered.get(cell)[1]).as("due in %s", cell).isEqualByComparingTo(sums[1]);
        });
    }

    @Test
    void the_forecast_by_product_line_groups_by_the_line_the_prediction_carries_which_is_its_invoices() {
        String area = area();
        String code = customer(area, "Line Payer");
        String line = "PL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + " \"x\", y";
        jdbc.sql("INSERT INTO product_line (code, name) VALUES (:code, :code)")
                .param("code", line)
                .update();
        LocalDate asOf = LocalDate.of(2073, 5, 1);
        String withLine = openInvoice(code, asOf.plusDays(3), "400.00");
        openInvoice(code, asOf.minusDays(10), "125.50"); // no product line
        jdbc.sql("UPDATE invoice SET product_line = :line WHERE invoice_no = :no")
                .param("line", line)
                .param("no", withLine)
                .update();
        predictions.predict(asOf, Caller.SYSTEM);

        assertThat(jdbc.sql("""
                                SELECT count(*) FROM invoice_prediction p JOIN invoice i ON i.id = p.invoice_id
                                WHERE p.product_line IS DISTINCT FROM i.product_line
                                """).query(Integer.class).single())
                .as("every prediction carries its invoice's product line")
                .isZero();
        Map<String, BigDecimal> byInvoiceLine = new TreeMap<>();
        jdbc.sql("""
                        SELECT coalesce(i.product_line, '-') AS line, sum(p.open_amount) AS amount
                        FROM invoice_prediction p JOIN invoice i ON i.id = p.invoice_id
                        WHERE p.currency = 'CNY' AND greatest(0, (p.due_date - CAST(:asOf AS date)) / 7) < 4
                        GROUP BY 1
                        """)
                .param("asOf", asOf)
                .query((rs, n) -> byInvoiceLine.put(rs.getString("line"), rs.getBigDecimal("amount")))
                .list();
        CashForecast forecast = forecasts.forecast(asOf, 4, "productLine", Caller.SYSTEM);
        Map<String, BigDecimal> due = new TreeMap<>();
        forecast.weeks()
                .forEach(week -> week.byGroup().forEach(group -> due.merge(group.key(), group.due(), BigDecimal::add)));
        due.values().removeIf(amount -> amount.signum() == 0);
        assertThat(due.keySet()).isEqualTo(byInvoiceLine.keySet()).contains(line, "-");
        byInvoiceLine.forEach(
                (key, amount) -> assertThat(due.get(key)).as("due of %s", key).isEqualByComparingTo(amount));
    }

    /** The forecast before V152: every prediction read, its customer's area now. The stored sums must equal it. */
    private static final String PER_PREDICTION = """
            SELECT x.week || '/' || p.key || ' ' || trim_scale(coalesce(sum(x.expected), 0)) || ' '
                   || trim_scale(coalesce(sum(x.due), 0))
            FROM (SELECT CASE WHEN :byArea THEN c.area_code ELSE coalesce(p.product_line, '-') END AS key,
                         greatest(0, (p.predicted_pay_date - CAST(:asOf AS date)) / 7) AS expected_week,
                         greatest(0, (p.due_date - CAST(:asOf AS date)) / 7) AS due_week, p.open_amount
                  FROM invoice_prediction p JOIN customer c ON c.id = p.customer_id
                  WHERE p.currency = 'CNY'
                    AND (cardinality(CAST(:areas AS text[])) = 0 OR c.area_code = ANY(CAST(:areas AS text[])))) p
            CROSS JOIN LATERAL (VALUES (p.expected_week, p.open_amount, CAST(NULL AS numeric)),
                                       (p.due_week, CAST(NULL AS numeric), p.open_amount)) AS x (week, expected, due)
            WHERE x.week < :weeks
            GROUP BY x.week, p.key
            ORDER BY x.week, p.key
            """;

    @Test
    void the_forecast_from_the_stored_sums_equals_the_per_prediction_one_also_after_customers_move_area() {
        String area = area();
        String other = area();
        List<String> codes = new ArrayList<>();
        LocalDate asOf = LocalDate.of(2074, 2, 1);
        for (int n = 0; n < 4; n++) {
            String code = customer(n % 2 == 0 ? area : other, "Sums " + n);
            codes.add(code);
            openInvoice(code, asOf.minusDays(15 - n), "100.0" + n);
            openInvoice(code, asOf.plusDays(10 + 9 * n), "2" + n + "0.50");
        }
        predictions.predict(asOf, Caller.SYSTEM);
        assertSameAsPerPrediction(asOf, area, other, "after the prediction run");

        jdbc.sql("UPDATE customer SET area_code = :other WHERE code = :code")
                .param("other", other)
                .param("code", codes.get(0))
                .update();
        jdbc.sql("UPDATE customer SET area_code = :area WHERE code = :code")
                .param("area", area)
                .param("code", codes.get(1))
                .update();
        assertSameAsPerPrediction(asOf, area, other, "after two customers moved");
        jdbc.sql("UPDATE customer SET area_code = :area WHERE code = :code")
                .param("area", area)
                .param("code", codes.get(0))
                .update();
        assertSameAsPerPrediction(asOf, area, other, "after one moved back");
        predictions.predict(asOf, Caller.SYSTEM);
        assertThat(jdbc.sql("SELECT count(*) FROM cash_forecast_moved")
                        .query(Integer.class)
                        .single())
                .as("a prediction run forgets the moves it has read")
                .isZero();
        assertSameAsPerPrediction(asOf, area, other, "after the next prediction run");
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }

    private void assertSameAsPerPrediction(LocalDate asOf, String area, String other, String when) {
        for (String groupBy : List.of("area", "productLine")) {
            for (String[] areas : List.of(new String[0], new String[] {area}, new String[] {area, other})) {
                Caller caller = areas.length == 0
                        ? Caller.SYSTEM
                        : new Caller("sums-collector", java.util.Set.of(Role.COLLECTOR), java.util.Set.of(areas));
                List<String> answered = new ArrayList<>();
                CashForecast forecast = forecasts.forecast(asOf, 6, groupBy, caller);
                for (int w = 0; w < 6; w++) {
                    for (CashForecast.Group group : forecast.weeks().get(w).byGroup()) {
                        answered.add(w + "/" + group.key() + " " + plain(group.expected()) + " " + plain(group.due()));
                    }
                }
                assertThat(answered)
                        .as("%s, by %s, areas %s", when, groupBy, java.util.Arrays.toString(areas))
                        .isEqualTo(jdbc.sql(PER_PREDICTION)
                                .param("byArea", groupBy.equals("area"))
                                .param("asOf", asOf)
                                .param("weeks", 6)
                                .param("areas", areas)
                                .query(String.class)
                                .list());
            }
        }
    }

    private static BigDecimal[] cell(Map<String, BigDecimal[]> cells, long week, String key) {
        return cells.computeIfAbsent(week + "/" + key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }

    @Test
    void a_forecast_for_too_many_weeks_is_refused_naming_the_field() {
        assertThat(mvc.get().uri("/api/v1/reports/cash-forecast?weeks=99").with(admin()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("weeks");
    }

    // Fixtures ---------------------------------------------------------------------------------------

    record Invoice(String customer, LocalDate due, LocalDate paidOn, BigDecimal amount, boolean disputed) {}

    private static LocalDate next25th(LocalDate d) {
        LocalDate onDay = d.withDayOfMonth(25);
        return onDay.isBefore(d) ? onDay.plusMonths(1) : onDay;
    }

    private void retireAdopted() {
        jdbc.sql("UPDATE payment_model SET status = 'RETIRED' WHERE status = 'ADOPTED'")
                .update();
    }

    private String area() {
        String area = "PA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("INSERT INTO area (code, name) VALUES (:code, :code)")
                .param("code", area)
                .update();
        return area;
    }

    private String customer(String area, String name) {
        String code = "PC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                        INSERT INTO customer (code, name, area_code, business_group, payment_term_days, currency)
                        VALUES (:code, :name, :area, 'VOLUME', 30, 'CNY')
                        """)
                .param("code", code)
                .param("name", name)
                .param("area", area)
                .update();
        return code;
    }

    private String openInvoice(String customer, LocalDate due, String amount) {
        String no = "PO-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        jdbc.sql("""
                        WITH written AS (
                            INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                            SELECT :no, id, CAST(:due AS date) - 30, :due, :amount, 'CNY' FROM customer WHERE code = :code
                            RETURNING *
                        )
                        INSERT INTO open_item (id, customer_id, issue_date, due_date, currency, product_line, amount,
                                               open_amount)
                        SELECT id, customer_id, issue_date, due_date, currency, product_line, amount, amount FROM written
                        """)
                .param("no", no)
                .param("due", due)
                .param("amount", new BigDecimal(amount))
                .param("code", customer)
                .update();
        return no;
    }

    /** Paid invoices written set-based: invoice, payment and allocation rows, and a dispute where flagged. */
    private void load(List<Invoice> invoices) {
        String batch = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String[] numbers = new String[invoices.size()];
        for (int i = 0; i < numbers.length; i++) numbers[i] = "PI-" + batch + "-" + i;
        jdbc.sql("""
                        WITH x AS MATERIALIZED (
                            SELECT * FROM unnest(CAST(:nos AS text[]), CAST(:codes AS text[]), CAST(:dues AS date[]),
                                                 CAST(:paids AS date[]), CAST(:amounts AS numeric[]))
                                          AS x (no, code, due, paid, amount)
                        ), written AS (
                            INSERT INTO invoice (invoice_no, customer_id, issue_date, due_date, amount, currency)
                            SELECT x.no, c.id, x.due - 30, x.due, x.amount, 'CNY'
                            FROM x JOIN customer c ON c.code = x.code
                            RETURNING *
                        )
                        INSERT INTO paid_item (id, customer_id, issue_date, due_date, currency, amount, last_allocated_on)
                        SELECT w.id, w.customer_id, w.issue_date, w.due_date, w.currency, w.amount, x.paid
                        FROM written w JOIN x ON x.no = w.invoice_no
                        """)
                .param("nos", numbers)
                .param("codes", invoices.stream().map(Invoice::customer).toArray(String[]::new))
                .param("dues", invoices.stream().map(i -> i.due().toString()).toArray(String[]::new))
                .param(
                        "paids",
                        invoices.stream().map(i -> i.paidOn().toString()).toArray(String[]::new))
                .param("amounts", invoices.stream().map(Invoice::amount).toArray(BigDecimal[]::new))
                .update();
        jdbc.sql("""
                        INSERT INTO payment (payment_no, customer_id, received_on, amount, currency, method, unapplied)
                        SELECT 'P' || i.invoice_no, i.customer_id, p.last_allocated_on, i.amount, 'CNY', 'BANK_TRANSFER', 0
                        FROM invoice i JOIN paid_item p ON p.id = i.id WHERE i.invoice_no LIKE :prefix
                        """).param("prefix", "PI-" + batch + "-%").update();
        jdbc.sql("""
                        INSERT INTO allocation (customer_id, invoice_id, payment_id, amount, allocated_on)
                        SELECT i.customer_id, i.id, p.id, i.amount, pi.last_allocated_on
                        FROM invoice i JOIN paid_item pi ON pi.id = i.id JOIN payment p ON p.payment_no = 'P' || i.invoice_no
                        WHERE i.invoice_no LIKE :prefix
                        """).param("prefix", "PI-" + batch + "-%").update();
        List<String> disputed = new ArrayList<>();
        for (int i = 0; i < numbers.length; i++) if (invoices.get(i).disputed()) disputed.add(numbers[i]);
        jdbc.sql("""
                        INSERT INTO invoice_dispute (customer_id, invoice_id, reason, amount, raised_on, status, outcome,
                                                     resolved_on, created_by)
                        SELECT i.customer_id, i.id, 'QUALITY', i.amount, i.due_date - 5, 'RESOLVED', 'FIXED',
                               greatest(i.last_allocated_on, i.due_date - 5), 'test'
                        FROM paid_item i WHERE i.id IN (SELECT id FROM invoice WHERE invoice_no = ANY(CAST(:nos AS text[])))
                        """).param("nos", disputed.toArray(String[]::new)).update();
    }
}

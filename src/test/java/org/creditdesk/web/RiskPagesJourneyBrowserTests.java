package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A credit manager works the customer risk pages: the link graph and clearing a link, the financial
 * statement form, and the credit-limit letter as PDF.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskPagesJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    /** One browser for the class, signed out between journeys: starting Chromium is the slow part. */
    private static ChromeDriver browser;

    private WebDriverWait wait;
    private RestClient admin;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String manager = "riskcm" + x.toLowerCase();

    @BeforeEach
    void a_credit_manager() {
        admin = Browser.adminApi(port);
        Browser.createUser(admin, manager, PASSWORD, "CREDIT_MANAGER");
        if (browser == null) {
            browser = Browser.start();
            // Explicit waits only: an element asserted absent is looked for once, not for five seconds.
            browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        }
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // htmx swaps fragments in place: an element read while it is being replaced is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
        browser = null;
    }

    @Test
    void the_graph_shows_the_stopped_company_sharing_a_director_and_a_credit_manager_clears_the_link_with_a_reason() {
        String idNo = "3101011970" + String.format("%07d", Math.abs(x.hashCode() % 10_000_000)) + "X";
        String phone = "+86 139 " + (10_000_000 + Math.abs(x.hashCode() % 89_999_999));
        String stopped = "OLD-" + x;
        customer(stopped, "Old Trading " + x, List.of(phone), List.of(person("王芳", idNo, "DIRECTOR")));
        stopByBouncedCheque(stopped);
        String fresh = "NEW-" + x;
        customer(fresh, "New Name Trading " + x, List.of(phone), List.of(person("王 芳", idNo, "LEGAL_REPRESENTATIVE")));
        assertThat(checkReasons(fresh)).contains("LINKED_TO_STOPPED_CUSTOMER");

        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/customers/" + fresh));
        By node = By.cssSelector("#links svg.link-graph g.link-node[data-customer='" + stopped + "']");
        WebElement linked = wait.until(ExpectedConditions.presenceOfElementLocated(node));
        assertThat(linked.getAttribute("data-state")).isEqualTo("STOPPED");
        // SVG text is read from the DOM: WebDriver's visible text of SVG elements is unreliable headless.
        assertThat(linked.getAttribute("textContent"))
                .contains(stopped)
                .contains("PERSON")
                .contains("PHONE");
        assertThat(browser.findElement(By.cssSelector("#links svg title")).getAttribute("textContent"))
                .contains(fresh);
        assertThat(rows(stopped))
                .hasSize(2)
                .allSatisfy(row -> assertThat(row.getText()).contains("STOPPED").contains("blocks credit"));

        // Without a reason the clearance is refused, naming the field, and the link still blocks.
        clearForm(stopped).findElement(By.cssSelector("button[type=submit]")).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-refusal")));
        assertThat(refusal.getText()).contains("reason: is required");
        assertThat(checkReasons(fresh)).contains("LINKED_TO_STOPPED_CUSTOMER");

        WebElement form = clearForm(stopped);
        form.findElement(By.name("reason")).sendKeys("Director resigned from the old company in 2019");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement cleared = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-cleared")));
        assertThat(cleared.getText()).contains(stopped).contains("no other link blocks");
        wait.until(d -> rows(stopped).stream().allMatch(r -> r.getText().contains("cleared")));
        assertThat(rows(stopped)).noneSatisfy(r -> assertThat(r.getText()).contains("blocks credit"));
        assertThat(browser.findElements(By.cssSelector("form.clear-link"))).isEmpty();
        assertThat(checkReasons(fresh)).doesNotContain("LINKED_TO_STOPPED_CUSTOMER");

        List<Map<String, Object>> links = admin.get()
                .uri("/customers/{code}/links", fresh)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(links).isNotEmpty().allSatisfy(l -> {
            assertThat(l).containsEntry("customerCode", stopped);
            assertThat(l).containsEntry("cleared", true);
        });
    }

    @Test
    void a_statement_entered_in_the_form_is_listed_and_bad_figures_or_a_missing_year_save_nothing() {
        String code = "FS-" + x;
        customer(code, "Statement Journey " + x, List.of(), List.of());
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/customers/" + code + "/risk"));

        fillStatement(
                "2024", "1000000", "50000.50", "80000", "300000", "200000", "800000", "500000", "120000", "300000");
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(done.getText()).contains("2024");
        WebElement row = browser.findElement(By.cssSelector("#statement-table tr.statement-row[data-year='2024']"));
        assertThat(row.getText()).contains("1,000,000.00").contains("50,000.50").contains("800,000.00");

        fillStatement("2023", "900000", "40000", "70000", "250000", "200000", "-5", "450000", "100000", "250000");
        WebElement details = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal-details")));
        assertThat(browser.findElement(By.id("refusal")).getText()).contains("invalid figures");
        assertThat(details.getText()).contains("totalAssets: must be positive");
        assertThat(browser.findElements(By.cssSelector("#statement-table tr.statement-row[data-year='2023']")))
                .isEmpty();

        // The browser itself refuses a statement without a year: nothing reaches the server.
        fillStatement("", "900000", "40000", "70000", "250000", "200000", "700000", "450000", "100000", "250000");
        WebElement year = browser.findElement(By.cssSelector("#statement-form input[name=year]"));
        assertThat((Boolean) browser.executeScript("return arguments[0].validity.valueMissing;", year))
                .isTrue();
        assertThat(year.getAttribute("validationMessage")).isNotBlank();
        assertThat(browser.getCurrentUrl()).endsWith("/customers/" + code + "/risk");

        List<Map<String, Object>> stored = admin.get()
                .uri("/customers/{code}/financial-statements", code)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(stored).singleElement().satisfies(s -> assertThat(s).containsEntry("year", 2024));
    }

    @Test
    void the_letter_link_on_the_risk_page_gives_a_pdf_with_the_chinese_name_the_limit_and_the_date()
            throws IOException, InterruptedException {
        String code = "LTR-" + x;
        String name = "上海华东贸易有限公司 " + x;
        customer(code, name, List.of(), List.of());
        approvedLimit(code, "250000.00");
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/customers/" + code + "/risk"));

        String href = wait.until(ExpectedConditions.elementToBeClickable(By.id("letter-link")))
                .getAttribute("href");
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .header("Accept-Language", "en-US")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        LocalDate today = calendar.today();
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            assertThat(new PDFTextStripper().getText(pdf))
                    .contains(name)
                    .contains("Customer no. " + code)
                    .contains("250,000.00 CNY")
                    .contains(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.US)
                            .format(today));
        }
    }

    private List<WebElement> rows(String linkedCode) {
        return browser.findElements(By.xpath(
                "//table[@id='link-table']//tr[contains(@class,'link-row')][td/a[text()='" + linkedCode + "']]"));
    }

    private WebElement clearForm(String linkedCode) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("form.clear-link[data-customer='" + linkedCode + "']")));
    }

    private void fillStatement(String year, String... figures) {
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("statement-form")));
        List<String> fields = List.of(
                "revenue",
                "netIncome",
                "ebit",
                "currentAssets",
                "currentLiabilities",
                "totalAssets",
                "totalLiabilities",
                "retainedEarnings",
                "bookEquity");
        WebElement yearInput = form.findElement(By.name("year"));
        yearInput.clear();
        yearInput.sendKeys(year);
        for (int i = 0; i < fields.size(); i++) {
            WebElement input = form.findElement(By.name(fields.get(i)));
            input.clear();
            input.sendKeys(figures[i]);
        }
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private void customer(String code, String name, List<String> phones, List<Map<String, String>> people) {
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        name,
                        "area",
                        "EAST",
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30,
                        "currency",
                        "CNY",
                        "phones",
                        phones,
                        "people",
                        people))
                .retrieve()
                .toBodilessEntity();
    }

    private static Map<String, String> person(String name, String idNo, String role) {
        return Map.of("name", name, "idNo", idNo, "role", role);
    }

    /** An invoice paid by a cheque that bounces: the customer's credit is stopped. */
    private void stopByBouncedCheque(String code) {
        LocalDate today = calendar.today();
        post(
                "/invoices",
                Map.of(
                        "invoiceNo",
                        "I-" + code,
                        "customerCode",
                        code,
                        "issueDate",
                        today.minusDays(20).toString(),
                        "dueDate",
                        today.plusDays(10).toString(),
                        "amount",
                        1200.00,
                        "currency",
                        "CNY"));
        post(
                "/payments",
                Map.of(
                        "paymentNo",
                        "P-" + code,
                        "customerCode",
                        code,
                        "receivedOn",
                        today.minusDays(5).toString(),
                        "amount",
                        1200.00,
                        "currency",
                        "CNY",
                        "method",
                        "CHEQUE",
                        "chequeNo",
                        "CHQ-" + code));
        post("/payments/P-" + code + "/bounce", Map.of("bouncedOn", today.toString(), "reason", "insufficient funds"));
        assertThat(creditState(code)).isEqualTo("STOPPED");
    }

    /** Requested by the credit manager, approved by a general manager: four eyes. */
    private void approvedLimit(String code, String amount) {
        Map<String, Object> request = api(manager)
                .post()
                .uri("/customers/{code}/credit-limit-requests", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "amount",
                        amount,
                        "currency",
                        "CNY",
                        "validUntil",
                        calendar.today().plusYears(1).toString(),
                        "reason",
                        "Letter journey"))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        String approver = "riskgm" + x.toLowerCase();
        Browser.createUser(admin, approver, PASSWORD, "GENERAL_MANAGER");
        api(approver)
                .post()
                .uri("/credit-limit-requests/{id}/approve", request.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("comment", "fine"))
                .retrieve()
                .toBodilessEntity();
    }

    /** The reason codes of a credit check for a small amount: the live view of what blocks the customer. */
    @SuppressWarnings("unchecked")
    private List<String> checkReasons(String code) {
        Map<String, Object> decision = admin.post()
                .uri("/credit-checks")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("customerCode", code, "amount", 10.00))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        return ((List<Map<String, Object>>) decision.get("reasons"))
                .stream().map(r -> (String) r.get("code")).toList();
    }

    private String creditState(String code) {
        return (String) status(code).get("creditState");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String code) {
        Map<String, Object> customer =
                admin.get().uri("/customers/{code}", code).retrieve().body(new ParameterizedTypeReference<>() {});
        return (Map<String, Object>) customer.get("status");
    }

    private void post(String uri, Map<String, Object> body) {
        admin.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity();
    }

    private RestClient api(String username) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1")
                .defaultHeaders(h -> h.setBasicAuth(username, PASSWORD))
                .build();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

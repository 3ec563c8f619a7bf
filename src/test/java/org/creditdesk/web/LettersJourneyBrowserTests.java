package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.collections.letters.LetterDates;
import org.creditdesk.collections.letters.LetterFixtures;
import org.creditdesk.collections.letters.ReminderLetters;
import org.creditdesk.collections.prediction.PaymentPredictions;
import org.creditdesk.identity.Caller;
import org.creditdesk.ledger.Ledger;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * A credit manager edits a reminder letter template (a broken one is refused with its line, the preview
 * is a PDF, a save is a new version), opens a customer's letters on the customer page, and looks at the
 * cash forecast chart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LettersJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ReminderLetters letters;

    @Autowired
    PaymentPredictions predictions;

    private static ChromeDriver browser;

    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toLowerCase();
    private final String manager = "lettercm" + x;

    @BeforeEach
    void a_credit_manager() {
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, manager, PASSWORD, "CREDIT_MANAGER");
        if (browser == null) {
            browser = Browser.start();
            browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        }
        browser.manage().deleteAllCookies();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.quit();
        browser = null;
    }

    @Test
    void a_template_with_an_unknown_placeholder_is_refused_with_its_line_and_a_good_one_is_previewed_and_saved()
            throws Exception {
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/collections/letter-templates?level=3&language=zh-CN"));
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("body")));
        String original = body.getAttribute("value");
        int before = browser.findElements(By.cssSelector("#template-versions .version-row"))
                .size();

        body.clear();
        body.sendKeys("<p>尊敬的{{recipientName}}：</p>\n<p>{{customerFax}}</p>");
        browser.findElement(By.id("save")).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertThat(refusal.getText()).contains("body line 2").contains("unknown placeholder {{customerFax}}");

        String good = original.replace("最后催告函", "最后催告函（第二版）");
        HttpResponse<byte[]> preview = postForm(
                "/collections/letter-templates",
                "level=3&language=zh-CN&action=preview&subject=" + enc("催告 {{customerCode}}") + "&body=" + enc(good));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(text(preview.body())).contains("最后催告函（第二版）").contains("上海华东贸易有限公司");

        browser.get(url("/collections/letter-templates?level=3&language=zh-CN"));
        body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("body")));
        body.clear();
        body.sendKeys(good);
        browser.findElement(By.name("note")).sendKeys("journey " + x);
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(browser.findElements(By.cssSelector("#template-versions .version-row")))
                .hasSize(before + 1)
                .first()
                .satisfies(row -> assertThat(row.getText()).contains("journey " + x));
    }

    @Test
    void the_customer_page_lists_the_customers_letters_and_opens_one_as_pdf() throws Exception {
        LetterFixtures fx = new LetterFixtures(jdbc, ledger);
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(fx.area(), "Journey Buyer " + x, "ap@journey.example", null);
        fx.invoice(customer, asOf.minusDays(21), "3210.00");
        fx.level(customer, 2, asOf.minusDays(5));
        fx.contact(customer, "Gina Manager", "USER", true, "gm@journey.example");
        letters.run(asOf, Caller.SYSTEM);

        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/customers/" + customer));
        WebElement row = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#customer-letters .letter-row")));
        assertThat(row.getText())
                .contains(asOf.toString())
                .contains("gm@journey.example")
                .contains("3210.00");

        String href = row.findElement(By.className("letter-pdf")).getAttribute("href");
        HttpResponse<byte[]> pdf = get(href);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(text(pdf.body()))
                .contains("Journey Buyer " + x)
                .contains("Second reminder")
                .contains("3,210.00");
    }

    @Test
    void the_cash_forecast_page_draws_the_weekly_chart() {
        LetterFixtures fx = new LetterFixtures(jdbc, ledger);
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(fx.area(), "Forecast Buyer " + x, null, null);
        fx.invoice(customer, asOf.plusDays(10), "4321.00");
        predictions.predict(asOf, Caller.SYSTEM);
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/collections/cash-forecast?weeks=6&groupBy=productLine&asOf=" + asOf));

        WebElement chart = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("forecast-chart")));
        wait.until(d -> !chart.findElements(By.tagName("canvas")).isEmpty());
        assertThat(chart.getAttribute("data-chart"))
                .contains("\"stack\":\"expected\"")
                .contains("\"name\":\"due\"");
        assertThat(browser.findElements(By.cssSelector("#forecast-table .forecast-week")))
                .hasSize(6);
        assertThat(browser.findElement(By.id("forecast-basis")).getText()).contains("CNY");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<byte[]> get(String href) throws IOException, InterruptedException {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(href))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Posts as the signed-in browser would, with the session and the form's CSRF token. */
    private HttpResponse<byte[]> postForm(String path, String form) throws IOException, InterruptedException {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        String csrf = browser.findElement(By.cssSelector("#template-form input[name=_csrf]"))
                .getAttribute("value");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url(path)))
                                .header("Cookie", "JSESSIONID=" + session.getValue())
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + enc(csrf)))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}

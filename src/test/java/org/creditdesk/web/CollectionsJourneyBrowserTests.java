package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.creditdesk.shared.BusinessCalendar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * A collector starts on the worklist, sees the stalled approval, logs a call with a promise in one click,
 * follows the chain on the customer's collection page and raises a quality dispute; the service user
 * finds the case in the queue and closes it; the promise shows on the calendar.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CollectionsJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "COJ-" + x;
    private final String area = "CO" + x;
    private final String invoiceNo = "COJ-I-" + x;

    @BeforeEach
    void a_customer_whose_finance_sits_on_a_large_invoice() {
        RestClient admin = Browser.adminApi(port);
        admin.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "col" + x,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Collector " + x,
                        "email",
                        "col" + x + "@example.com",
                        "roles",
                        List.of("COLLECTOR"),
                        "areas",
                        List.of(area)))
                .retrieve()
                .toBodilessEntity();
        Browser.createUser(admin, "svc" + x, PASSWORD, "SERVICE");
        // The case goes to the service user with the fewest open cases: other tests' service users, idle in the
        // shared database, would win it, so they are signed off for this journey.
        jdbc.sql("""
                        UPDATE app_user SET enabled = FALSE
                        WHERE username <> :mine AND id IN (SELECT user_id FROM user_role WHERE role = 'SERVICE')
                        """).param("mine", "svc" + x).update();
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Chain Works " + x,
                        "area",
                        area,
                        "businessGroup",
                        "VALUE_ADDED",
                        "paymentTermDays",
                        30))
                .retrieve()
                .toBodilessEntity();
        LocalDate today = calendar.today();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        invoiceNo,
                        "customerCode",
                        code,
                        "issueDate",
                        today.minusDays(40).toString(),
                        "dueDate",
                        today.plusDays(5).toString(),
                        "amount",
                        120000.00))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/customers/{code}/contacts", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Finance Chief Zhou", "phone", "+86 21 5555 0188", "chainRole", "FINANCE"))
                .retrieve()
                .toBodilessEntity();
        for (Object[] step : new Object[][] {
            {"AUDITOR", "CLEARED", today.minusDays(15)},
            {"USER", "CLEARED", today.minusDays(12)},
            {"FINANCE", "WAITING", today.minusDays(9)}
        }) {
            admin.post()
                    .uri("/invoices/{no}/approval", invoiceNo)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("chainRole", step[0], "status", step[1], "on", step[2].toString()))
                    .retrieve()
                    .toBodilessEntity();
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void the_collector_logs_a_call_with_a_promise_and_a_dispute_goes_to_the_service_queue() {
        LocalDate today = calendar.today();
        Browser.logIn(browser, port, "col" + x, PASSWORD);
        assertThat(browser.getCurrentUrl())
                .as("the worklist is the collector's home")
                .contains("/collections/worklist");
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("row-" + code)));
        assertThat(row.getText())
                .contains("Approval stalled")
                .contains("Finance Chief Zhou")
                .contains("+86 21 5555 0188");

        row.findElement(By.cssSelector("button.log-call")).click();
        WebElement form = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#call-" + code + " form.call-form")));
        new Select(form.findElement(By.name("contactId"))).selectByVisibleText("Finance Chief Zhou (FINANCE)");
        form.findElement(By.name("note")).sendKeys("Funds approved next week");
        form.findElement(By.name("promiseAmount")).sendKeys("50000");
        setDate(form.findElement(By.name("promisedOn")), today.plusDays(7));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement logged = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#call-" + code + " .call-logged")));
        assertThat(logged.getText()).contains("Call logged").contains("50000");

        browser.get(url("/collections/customers/" + code));
        WebElement chain = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chain-" + invoiceNo)));
        assertThat(chain.findElements(By.cssSelector(".step-CLEARED"))).hasSize(2);
        assertThat(chain.findElement(By.cssSelector(".step-WAITING")).getText()).contains("Finance");
        assertThat(chain.getText()).contains("Stalled at Finance for 9 days");
        assertThat(browser.findElement(By.id("role-FINANCE")).getText()).contains("Finance Chief Zhou");
        assertThat(browser.findElement(By.id("activities")).getText()).contains("Funds approved next week");
        assertThat(browser.findElement(By.id("promises")).getText())
                .contains("50000.00")
                .contains("Open");

        WebElement disputes = browser.findElement(By.id("disputes"));
        new Select(disputes.findElement(By.name("invoiceNo"))).selectByValue(invoiceNo);
        new Select(disputes.findElement(By.name("reason"))).selectByValue("QUALITY");
        disputes.findElement(By.name("amount")).sendKeys("8000");
        disputes.findElement(By.name("note")).sendKeys("Seals leak");
        disputes.findElement(By.cssSelector("form button[type=submit]")).click();
        // The page reloads after the post: wait for the new disputes table, not the old page's elements.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("disputes"), "svc" + x));
        assertThat(browser.findElement(By.id("disputes")).getText())
                .contains("In service")
                .contains("svc" + x);

        browser.get(url("/collections/promises"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("promise-calendar")))
                        .getText())
                .contains(code);

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, "svc" + x, PASSWORD);
        assertThat(browser.getCurrentUrl()).contains("/collections/service");
        WebElement dispute = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[contains(@class, 'dispute') and contains(., '" + code + "')]")));
        new Select(dispute.findElement(By.name("outcome"))).selectByValue("FIXED");
        dispute.findElement(By.name("note")).sendKeys("Seals replaced on site");
        dispute.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        browser.get(url("/collections/service?status=RESOLVED"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(
                                By.xpath("//tr[contains(@class, 'dispute') and contains(., '" + code + "')]")))
                        .getText())
                .contains("Resolved")
                .contains("Fixed by service");
    }

    private void setDate(WebElement input, LocalDate date) {
        browser.executeScript("arguments[0].value = arguments[1]", input, date.toString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

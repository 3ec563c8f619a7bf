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
import org.springframework.web.client.RestClient;

/**
 * A customer long overdue climbs to the top of the ladder in the daily run: the lawyer sees it on the
 * board and in "my escalations", closes the task, moves the legal case on, and the aging, run history
 * and staffing pages show the book.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "MNJ-" + x;
    private final String area = "MN" + x;

    @BeforeEach
    void a_customer_ninety_days_overdue_and_a_daily_run() {
        RestClient admin = Browser.adminApi(port);
        admin.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        "law" + x,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Counsel " + x,
                        "email",
                        "law" + x + "@example.com",
                        "roles",
                        List.of("LEGAL"),
                        "areas",
                        List.of()))
                .retrieve()
                .toBodilessEntity();
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name", "Ladder Works " + x, "area", area, "businessGroup", "VOLUME", "paymentTermDays", 30))
                .retrieve()
                .toBodilessEntity();
        LocalDate today = calendar.today();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        "MNJ-I-" + x,
                        "customerCode",
                        code,
                        "issueDate",
                        today.minusDays(120).toString(),
                        "dueDate",
                        today.minusDays(90).toString(),
                        "amount",
                        48000.00,
                        "productLine",
                        "VALVES"))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/daily-runs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("asOf", today.toString()))
                .retrieve()
                .toBodilessEntity();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        // htmx swaps rows in place: a row read while it is being replaced is simply read again.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void the_lawyer_works_the_escalation_and_the_legal_case_and_reads_aging_runs_and_staffing() {
        Browser.logIn(browser, port, "law" + x, PASSWORD);

        browser.get(url("/monitoring/escalations?area=" + area));
        WebElement levelFour = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("level-4")));
        assertThat(levelFour.getText()).contains(code).contains("48,000.00 CNY");

        // Every level-4 customer of the shared test database is this lawyer's: one page holds them all.
        browser.get(url("/monitoring/my-escalations?size=500"));
        WebElement task = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[contains(@class, 'task-row') and contains(., '" + code + "')]")));
        task.findElement(By.name("note")).sendKeys("Demand letter drafted");
        task.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> d.findElement(By.xpath("//tr[contains(@class, 'task-row') and contains(., '" + code + "')]"))
                .getText()
                .contains("Demand letter drafted"));

        browser.get(url("/monitoring/aging"));
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("aging-table")));
        assertThat(table.getText()).contains(area);
        wait.until(d -> !d.findElements(By.cssSelector("#aging-by-area canvas")).isEmpty());
        wait.until(d -> !d.findElements(By.cssSelector("#aging-trend canvas")).isEmpty());

        browser.get(url("/monitoring/legal-cases?area=" + area));
        WebElement legalCase = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//tr[contains(@class, 'legal-case-row') and contains(., '" + code + "')]")));
        new Select(legalCase.findElement(By.name("status"))).selectByValue("DEMAND_LETTER_SENT");
        legalCase.findElement(By.name("note")).sendKeys("Sent by registered mail");
        legalCase.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(
                d -> d.findElement(By.xpath("//tr[contains(@class, 'legal-case-row') and contains(., '" + code + "')]"))
                        .getText()
                        .contains("Demand letter sent"));

        browser.get(url("/monitoring/daily-runs"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("daily-runs")))
                        .getText())
                .contains(calendar.today().toString());

        browser.get(url("/monitoring/staffing"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("staffing-areas")))
                        .getText())
                .contains(area);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

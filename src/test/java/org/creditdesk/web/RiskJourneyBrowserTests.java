package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A credit manager reads the portfolio's risk, opens a customer's score and its charts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RiskJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "RSK-" + x;

    @BeforeEach
    void a_scored_customer() {
        RestClient admin = Browser.adminApi(port);
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name", "Risk Journey " + x, "area", "EAST", "businessGroup", "VOLUME", "paymentTermDays", 30))
                .retrieve()
                .toBodilessEntity();
        LocalDate today = calendar.today();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        "RSK-I-" + x,
                        "customerCode",
                        code,
                        "issueDate",
                        today.minusDays(70).toString(),
                        "dueDate",
                        today.minusDays(40).toString(),
                        "amount",
                        7300.00))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/scoring-runs")
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
    void the_dashboard_and_the_customer_risk_page_show_score_factors_and_charts() {
        Browser.logIn(browser, port, "admin", "admin-test-password");

        browser.get(url("/risk"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("top-risks")));
        wait.until(d -> !d.findElements(By.cssSelector("#chart-classes canvas")).isEmpty());

        browser.get(url("/customers/" + code));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("risk-link"))).click();
        WebElement score = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("score")));
        assertThat(score.getText()).matches("(?s).*\\d+.*");
        assertThat(browser.findElement(By.id("risk-class")).getText()).matches("(?s).*[A-E].*");
        assertThat(browser.findElement(By.id("factors")).getText()).containsIgnoringCase("overdue");
        wait.until(d -> !d.findElements(By.cssSelector("#chart-score canvas")).isEmpty());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

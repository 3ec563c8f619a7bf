package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** A credit supervisor's first minute: log in, find a customer, open it, see what is overdue. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerJourneyBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "JRN-" + suffix;
    private final String name = "Journey Hardware " + suffix;

    @BeforeEach
    void portfolio_with_one_overdue_invoice() {
        RestClient api = Browser.adminApi(port);
        api.put()
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
                        "people",
                        List.of(Map.of("name", "Wang Lei", "role", "LEGAL_REPRESENTATIVE"))))
                .retrieve()
                .toBodilessEntity();
        api.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo", "INV-" + suffix,
                        "customerCode", code,
                        "issueDate", "2020-01-10",
                        "dueDate", "2020-02-09",
                        "amount", 12500.50,
                        "currency", "CNY",
                        "productLine", "PIPES"))
                .retrieve()
                .toBodilessEntity();
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void supervisor_logs_in_finds_the_customer_and_sees_its_overdue_invoice() {
        browser.get("http://localhost:" + port + "/customers");
        assertThat(browser.getCurrentUrl()).contains("/login");

        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-test-password");
        browser.findElement(By.id("login")).click();

        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-search")));
        search.sendKeys("Journey Hardware " + suffix);
        wait.until(d -> d.findElements(By.cssSelector(".customer-row")).size() == 1);

        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.titleContains(name));

        WebElement openItems =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.open-items")));
        WebElement row = openItems.findElement(By.cssSelector("tr.overdue"));
        assertThat(row.getText()).contains("INV-" + suffix).contains("12,500.50");
    }
}

package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The demo story in a real browser, on a customer of its own: the credit manager lands on the home
 * dashboard and finds the customer's blocked order in today's work; the customer page says why at the
 * top (overdue, with the ladder level), the header and the credit panel agree; the customer pays, every
 * view turns active together, the order is released from the queue and leaves the dashboard; the score
 * page explains the score factor by factor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HomeJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private RestClient admin;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "HOME-" + x;
    private final String orderNo = "HOME-O-" + x;
    /** A margin of days around "today" so that the server's time zone does not matter. */
    private final LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @BeforeEach
    void an_overdue_customer_with_a_limit_and_a_blocked_order() {
        admin = Browser.adminApi(port);
        Browser.createUser(admin, "sup" + x, PASSWORD, "CREDIT_SUPERVISOR");
        Browser.createUser(admin, "cm" + x, PASSWORD, "CREDIT_MANAGER");
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name", "Home Journey " + x, "area", "EAST", "businessGroup", "VOLUME", "paymentTermDays", 30))
                .retrieve()
                .toBodilessEntity();
        Map<String, Object> request = as("sup" + x)
                .post()
                .uri("/customers/{code}/credit-limit-requests", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("amount", 50000, "currency", "CNY", "validUntil", "2099-12-31", "reason", "Opening"))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        as("cm" + x)
                .post()
                .uri("/credit-limit-requests/{id}/approve", request.get("id"))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("comment", "References are good"))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        "HOME-I-" + x,
                        "customerCode",
                        code,
                        "issueDate",
                        today.minusDays(75).toString(),
                        "dueDate",
                        today.minusDays(45).toString(),
                        "amount",
                        8000.00,
                        "currency",
                        "CNY",
                        "productLine",
                        "PIPES"))
                .retrieve()
                .toBodilessEntity();
        Map<String, Object> order = admin.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "orderNo",
                        orderNo,
                        "customerCode",
                        code,
                        "orderDate",
                        today.toString(),
                        "amount",
                        5000.00,
                        "currency",
                        "CNY",
                        "productLine",
                        "PIPES"))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(order).containsEntry("status", "BLOCKED");
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void an_order_blocked_for_overdue_is_found_on_the_dashboard_explained_and_released_after_payment() {
        Browser.logIn(browser, port, "cm" + x, PASSWORD);
        // Signing in lands on the dashboard: tiles, the chart and today's work with our order in it.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-tiles")));
        assertThat(Integer.parseInt(browser.findElement(By.cssSelector("#tile-blocked .tile-value"))
                        .getText()
                        .strip()))
                .isPositive();
        wait.until(d -> !d.findElements(By.cssSelector("#home-trend canvas")).isEmpty());
        WebElement work = browser.findElement(By.id("work-orders"));
        assertThat(work.getText()).contains(orderNo, "Overdue");

        // The customer page says why at the top; header, panel and blocking list agree.
        work.findElement(By.linkText(code)).click();
        WebElement blocks = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("blocking-reasons")));
        assertThat(blocks.findElement(By.cssSelector(".blocking-reason[data-code=OVERDUE]"))
                        .getText())
                .contains("Overdue", "8000.00 CNY", "45 days");
        assertThat(browser.findElement(By.id("header-state")).getText()).isEqualTo("On hold");
        assertThat(browser.findElement(By.cssSelector(".header-hold-reason")).getText())
                .isEqualTo("Overdue");
        assertThat(browser.findElement(By.id("customer-status")).getText()).contains("Level 3 · bad account");
        WebElement panelState = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-state")));
        assertThat(panelState.getText()).isEqualTo("On hold");
        assertThat(browser.findElement(By.id("live-holds-only")).isDisplayed()).isTrue();

        // The customer pays: every view turns active together, with nothing left at the top.
        admin.post()
                .uri("/payments")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "paymentNo",
                        "HOME-P-" + x,
                        "customerCode",
                        code,
                        "receivedOn",
                        today.minusDays(2).toString(),
                        "amount",
                        8000.00,
                        "currency",
                        "CNY",
                        "method",
                        "BANK_TRANSFER"))
                .retrieve()
                .toBodilessEntity();
        browser.navigate().refresh();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-blocks")));
        assertThat(browser.findElement(By.id("header-state")).getText()).isEqualTo("Active");
        wait.until(d -> d.findElement(By.id("credit-state")).getText().equals("Active"));

        // The waiting order is released from the queue and leaves the dashboard's work list.
        browser.get(url("/credit/blocked-orders"));
        WebElement blocked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("blocked-" + orderNo)));
        blocked.findElement(By.name("justification")).sendKeys("Paid in full this week");
        blocked.findElement(By.cssSelector(".release-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        browser.get(url("/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("home-tiles")));
        assertThat(browser.findElement(By.id("todays-work")).getText()).doesNotContain(orderNo);

        // The score, explained factor by factor.
        browser.get(url("/customers/" + code + "/risk"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("factors")))
                        .getText())
                .containsIgnoringCase("overdue");
    }

    @Test
    void the_customer_list_shows_the_figures_sorts_by_them_and_exports_them() {
        Browser.logIn(browser, port, "cm" + x, PASSWORD);
        browser.get(url("/customers?query=" + code));
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".customer-row")));
        assertThat(row.findElement(By.cssSelector(".credit-limit")).getText()).isEqualTo("50,000.00 CNY");
        assertThat(row.findElement(By.cssSelector(".overdue-amount")).getText()).isEqualTo("8,000.00 CNY");
        assertThat(row.findElement(By.cssSelector(".level")).getText()).isEqualTo("3");

        browser.findElement(By.linkText("Exposure")).click();
        wait.until(ExpectedConditions.urlContains("sort=EXPOSURE"));
        assertThat(browser.getCurrentUrl()).contains("descending=true");
        String export = browser.findElement(By.id("customer-export")).getAttribute("href");
        assertThat(export).contains("/customers/export.csv", "sort=EXPOSURE");

        // The export works with the page's session cookie, not Basic authentication.
        String cookie = browser.manage().getCookieNamed("JSESSIONID").getValue();
        String csv = RestClient.create()
                .get()
                .uri(export)
                .header("Cookie", "JSESSIONID=" + cookie)
                .retrieve()
                .body(String.class);
        assertThat(csv).startsWith("code,name,area,businessGroup,salesRep,currency,creditState,creditLimit,exposure");
        assertThat(csv).contains(code + ",Home Journey " + x + ",EAST,VOLUME,");
    }

    private RestClient as(String username) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1")
                .defaultHeaders(h -> h.setBasicAuth(username, PASSWORD))
                .build();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * The credit department's main paths in a real browser: a supervisor requests a limit on the
 * customer page, the credit manager approves it in the inbox, an order beyond it is blocked and
 * released from the queue with a justification, and the general manager changes the policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CreditJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private RestClient admin;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "CRJ-" + x;

    @BeforeEach
    void customer_and_staff() {
        admin = Browser.adminApi(port);
        Browser.createUser(admin, "sup" + x, PASSWORD, "CREDIT_SUPERVISOR");
        Browser.createUser(admin, "cm" + x, PASSWORD, "CREDIT_MANAGER");
        Browser.createUser(admin, "gm" + x, PASSWORD, "GENERAL_MANAGER");
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Credit Journey " + x,
                        "area",
                        "EAST",
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30))
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
    void a_limit_is_requested_approved_by_another_user_and_a_blocked_order_is_released() {
        logIn("sup" + x);
        browser.get(url("/customers/" + code));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("limit-request-form")));
        form.findElement(By.name("amount")).sendKeys("10000.00");
        setDate(form.findElement(By.name("validUntil")), "2099-12-31");
        form.findElement(By.name("reason")).sendKeys("Opening account after references");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pending-requests")));
        logOut();

        logIn("cm" + x);
        browser.get(url("/credit/limit-requests"));
        WebElement request = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.xpath("//tr[contains(., '" + code + "')]")));
        request.findElement(By.name("comment")).sendKeys("References are good");
        request.findElement(By.cssSelector("button.approve")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));

        browser.get(url("/customers/" + code));
        WebElement limit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("credit-limit")));
        assertThat(limit.getText()).contains("10,000.00 CNY");

        Map<String, Object> order = admin.post()
                .uri("/orders")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "orderNo",
                        "CRJ-O-" + x,
                        "customerCode",
                        code,
                        "orderDate",
                        "2026-01-05",
                        "amount",
                        15000.00,
                        "currency",
                        "CNY",
                        "productLine",
                        "PIPES"))
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(order).containsEntry("status", "BLOCKED");

        browser.get(url("/credit/blocked-orders"));
        WebElement blocked = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("blocked-CRJ-O-" + x)));
        assertThat(blocked.getText()).contains("OVER_LIMIT");
        blocked.findElement(By.name("justification")).sendKeys("Seasonal stock, paid by guarantee next week");
        blocked.findElement(By.cssSelector(".release-form button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("done")));
        assertThat(browser.findElements(By.id("blocked-CRJ-O-" + x))).isEmpty();

        Map<String, Object> released =
                admin.get().uri("/orders/{no}", "CRJ-O-" + x).retrieve().body(new ParameterizedTypeReference<>() {});
        assertThat(released).containsEntry("status", "RELEASED");
    }

    @Test
    void the_general_manager_changes_the_grace_days_on_the_policy_page() {
        logIn("gm" + x);
        browser.get(url("/settings/credit-policy"));
        WebElement grace = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("graceDays")));
        String before = grace.getAttribute("value");
        String after = "7".equals(before) ? "8" : "7";
        grace.clear();
        grace.sendKeys(after);
        browser.findElement(By.id("reason")).sendKeys("Customers' payment runs moved");
        browser.findElement(By.cssSelector("#policy-form button[type=submit]")).click();
        wait.until(d -> after.equals(d.findElement(By.id("graceDays")).getAttribute("value")));

        Map<String, Object> policy =
                admin.get().uri("/settings/credit-policy").retrieve().body(new ParameterizedTypeReference<>() {});
        assertThat(policy).containsEntry("graceDays", Integer.parseInt(after));
        restoreGraceDays(before);

        browser.get(url("/settings/authority"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("authority-form")))
                        .getText())
                .contains("CREDIT_MANAGER");
    }

    private void restoreGraceDays(String graceDays) {
        Map<String, Object> policy =
                admin.get().uri("/settings/credit-policy").retrieve().body(new ParameterizedTypeReference<>() {});
        policy.put("graceDays", Integer.parseInt(graceDays));
        policy.put("reason", "restore after the browser test");
        admin.put()
                .uri("/settings/credit-policy")
                .contentType(MediaType.APPLICATION_JSON)
                .body(policy)
                .retrieve()
                .toBodilessEntity();
    }

    private void logIn(String username) {
        Browser.logIn(browser, port, username, PASSWORD);
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private void setDate(WebElement input, String isoDate) {
        browser.executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The general manager builds a year's fund plan in the editor (an area over its product line is
 * marked live and refused by the server naming the node), saves the draft, approves it on the plan
 * against actual page, where the overrun area shows red, and reads the DSO trend and the ranking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlanningJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";
    private static final int YEAR = 2036;

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "PLJ-" + x;
    private final String area = "PJ" + x;
    private final String line = "PJL" + x;

    /*
     * The invoice is large and open from the year's second day, so the customer ranks near the top of the
     * profitability list (its first 500 customers): every other test's customer with invoices still open in 2036
     * is on that list too, and a small invoice issued in March fell below the 500th place once there were enough.
     */
    @BeforeEach
    void a_customer_with_receivables_in_the_plan_year() {
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, "gm" + x, PASSWORD, "GENERAL_MANAGER");
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Plan Works " + x, "area", area, "businessGroup", "VOLUME", "paymentTermDays", 30))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        "PLJ-I-" + x,
                        "customerCode",
                        code,
                        "issueDate",
                        YEAR + "-01-02",
                        "dueDate",
                        YEAR + "-03-31",
                        "amount",
                        120000.00,
                        "productLine",
                        line))
                .retrieve()
                .toBodilessEntity();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void the_general_manager_plans_approves_and_reads_plan_against_actual() {
        Browser.logIn(browser, port, "gm" + x, PASSWORD);

        browser.get(url("/planning/editor?year=" + YEAR));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("add-line")));
        browser.findElement(By.id("capital")).sendKeys("5000");
        browser.findElement(By.id("rate")).sendKeys("0.06");
        browser.findElement(By.id("add-line")).click();
        WebElement lineRow = browser.findElement(By.cssSelector("tr.line-row"));
        new Select(lineRow.findElement(By.cssSelector("select.pl"))).selectByValue(line);
        lineRow.findElement(By.cssSelector("input.amount")).sendKeys("1000");
        lineRow.findElement(By.cssSelector("input.margin")).sendKeys("20");
        lineRow.findElement(By.cssSelector("button.add-child")).click();
        WebElement areaRow = browser.findElement(By.cssSelector("tr.area-row"));
        new Select(areaRow.findElement(By.cssSelector("select.area"))).selectByValue(area);
        areaRow.findElement(By.cssSelector("input.amount")).sendKeys("1500");
        wait.until(d -> lineRow.getAttribute("class").contains("over"));
        assertThat(lineRow.findElement(By.cssSelector(".sum")).getText()).contains("1,500.00");

        browser.findElement(By.id("save-plan")).click();
        wait.until(d -> !d.findElement(By.id("plan-errors")).getText().isBlank());
        assertThat(browser.findElement(By.id("plan-errors")).getText()).contains("node " + line);
        assertThat(lineRow.getAttribute("class")).contains("refused");

        WebElement amount = areaRow.findElement(By.cssSelector("input.amount"));
        amount.clear();
        amount.sendKeys("800");
        wait.until(d -> !lineRow.getAttribute("class").contains("over"));
        browser.findElement(By.id("save-plan")).click();
        wait.until(d -> d.findElement(By.id("plan-message")).getText().contains("Draft version"));

        browser.get(url("/planning?year=" + YEAR + "&asOf=" + YEAR + "-03-31&level=area"));
        browser.findElement(By.id("approve-plan")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approved-message")));
        browser.get(url("/planning?year=" + YEAR + "&asOf=" + YEAR + "-03-31&level=area"));
        assertThat(browser.findElement(By.id("plan-status")).getText()).isEqualTo("APPROVED");
        WebElement areaNode = browser.findElement(By.cssSelector("tr[data-key='" + line + "/" + area + "']"));
        assertThat(areaNode.getText()).contains("800.00").contains("120,000.00");
        assertThat(areaNode.findElement(By.cssSelector(".light")).getAttribute("class"))
                .contains("RED");
        assertThat(areaNode.findElements(By.tagName("meter"))).hasSize(1);

        browser.get(url("/planning/dso?asOf=" + YEAR + "-03-31&groupBy=area"));
        wait.until(d -> !d.findElements(By.cssSelector("#dso-trend canvas")).isEmpty());

        browser.get(url("/planning/profitability?year=" + YEAR + "&asOf=" + YEAR + "-03-31"));
        assertThat(browser.findElement(By.id("ranking")).getText()).contains(code);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

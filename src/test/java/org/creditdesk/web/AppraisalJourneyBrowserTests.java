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
 * A credit manager reads the appraisal board (league table, quadrant), sorts it, rates a rep on the rep's page
 * and sees the grade and its measures; a sales rep only ever reaches his own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AppraisalJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toLowerCase();
    private final String rep = "rep" + x;
    private final String area = "APJ" + x.toUpperCase();

    @BeforeEach
    void a_rep_with_an_overdue_customer() {
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, "cm" + x, PASSWORD, "CREDIT_MANAGER");
        admin.put()
                .uri("/customers/{code}", "APJ-" + x)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Appraised Works " + x,
                        "area",
                        area,
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30,
                        "salesRep",
                        rep))
                .retrieve()
                .toBodilessEntity();
        admin.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        rep,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Rep " + x,
                        "email",
                        rep + "@example.com",
                        "roles",
                        List.of("SALES_REP"),
                        "areas",
                        List.of(area)))
                .retrieve()
                .toBodilessEntity();
        LocalDate today = calendar.today();
        admin.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo",
                        "APJ-I-" + x,
                        "customerCode",
                        "APJ-" + x,
                        "issueDate",
                        today.withDayOfMonth(1).toString(),
                        "dueDate",
                        today.withDayOfMonth(1).toString(),
                        "amount",
                        2500.00))
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
    void a_credit_manager_rates_a_rep_from_the_board_and_the_rep_sees_only_his_own_page() {
        Browser.logIn(browser, port, "cm" + x, PASSWORD);
        browser.get(url("/appraisals"));
        WebElement row = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#league tr[data-rep='" + rep + "']")));
        assertThat(row.getText()).contains(area).contains("2500.00");
        wait.until(d ->
                !d.findElements(By.cssSelector("#appraisal-quadrant canvas")).isEmpty());

        browser.findElement(By.cssSelector("#league a[data-sort='overdue']")).click();
        wait.until(ExpectedConditions.urlContains("sort=overdue"));
        assertThat(browser.findElement(By.cssSelector("#league a[data-sort='overdue']"))
                        .getAttribute("href"))
                .contains("dir=asc");

        browser.findElement(By.cssSelector("#league tr[data-rep='" + rep + "'] a"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-form")));
        assertThat(browser.findElements(By.cssSelector("#score-components .component-row")))
                .hasSize(5);
        wait.until(
                d -> !d.findElements(By.cssSelector("#appraisal-trend canvas")).isEmpty());
        assertThat(browser.findElement(By.id("worst-customers")).getText()).contains("APJ-" + x);

        // Left out: the page lists what is missing, names the field, and saves nothing.
        WebElement form = browser.findElement(By.id("rating-form"));
        new Select(form.findElement(By.name("responsibility"))).selectByValue("5");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")))
                        .getText())
                .contains("execution")
                .contains("experience");

        form = browser.findElement(By.id("rating-form"));
        for (String field : List.of("responsibility", "execution", "communication", "experience")) {
            new Select(form.findElement(By.name(field))).selectByValue("5");
        }
        form.findElement(By.name("note")).sendKeys("Chases every invoice");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rated")));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("Star");
        assertThat(browser.findElements(By.cssSelector("#measures .measure")))
                .extracting(e -> e.getAttribute("data-action"))
                .containsExactly("BONUS", "PROMOTION_CANDIDATE", "PAY_RISE_CANDIDATE");

        browser.manage().deleteAllCookies();
        Browser.logIn(browser, port, rep, PASSWORD);
        browser.get(url("/appraisals"));
        wait.until(ExpectedConditions.urlContains("/appraisals/reps/" + rep));
        assertThat(browser.findElement(By.id("grade")).getText()).isEqualTo("Star");
        assertThat(browser.findElements(By.id("rating-form"))).isEmpty();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

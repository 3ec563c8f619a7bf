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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * The escalation board and the legal cases page page and filter in the database: five customers of one
 * area on the ladder (three at level 4 with legal cases, two at level 1), shown two a page with the count
 * of all, the counts per level, and filters by area, responsible person and lawyer that the pager keeps.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ListPagingBrowserTests {

    private static final String PASSWORD = "paging-pass-1";

    @LocalServerPort
    int port;

    @Autowired
    BusinessCalendar calendar;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String area = "PG" + x;
    private final String manager = "pgcm" + x.toLowerCase();
    private final String supervisor = "pgsv" + x.toLowerCase();

    @BeforeEach
    void five_customers_of_one_area_on_the_ladder_after_a_daily_run() {
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, manager, PASSWORD, "CREDIT_MANAGER");
        // At least one lawyer, so that the level-4 customers' cases are assigned.
        Browser.createUser(admin, "pglaw" + x.toLowerCase(), PASSWORD, "LEGAL");
        admin.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        supervisor,
                        "password",
                        PASSWORD,
                        "displayName",
                        "Supervisor " + x,
                        "email",
                        supervisor + "@example.com",
                        "roles",
                        List.of("CREDIT_SUPERVISOR"),
                        "areas",
                        List.of(area)))
                .retrieve()
                .toBodilessEntity();
        LocalDate today = calendar.today();
        int[] daysOverdue = {95, 90, 85, 12, 10};
        for (int i = 0; i < daysOverdue.length; i++) {
            String code = customer(i);
            admin.put()
                    .uri("/customers/{code}", code)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "name",
                            "Paging Works " + i,
                            "area",
                            area,
                            "businessGroup",
                            "VOLUME",
                            "paymentTermDays",
                            30))
                    .retrieve()
                    .toBodilessEntity();
            admin.post()
                    .uri("/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "invoiceNo",
                            code + "-I",
                            "customerCode",
                            code,
                            "issueDate",
                            today.minusDays(daysOverdue[i] + 30).toString(),
                            "dueDate",
                            today.minusDays(daysOverdue[i]).toString(),
                            "amount",
                            1000 + i,
                            "productLine",
                            "VALVES"))
                    .retrieve()
                    .toBodilessEntity();
        }
        admin.post()
                .uri("/daily-runs")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("asOf", today.toString()))
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
    void the_escalation_board_pages_with_counts_per_level_and_filters_by_area_and_responsible_person() {
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/monitoring/escalations?area=" + area + "&size=2"));

        assertThat(text("board-total")).contains("5");
        assertThat(badge("level-count-4")).isEqualTo("3");
        assertThat(badge("level-count-1")).isEqualTo("2");
        assertThat(rows(".escalation-row"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r).containsAnyOf(customer(0), customer(1)));
        assertThat(pager()).contains("Page 1 of 3");

        browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.pager"), "Page 2 of 3"));
        assertThat(rows(".escalation-row"))
                .hasSize(2)
                .anySatisfy(r -> assertThat(r).contains(customer(2)))
                .anySatisfy(r -> assertThat(r).contains(customer(3)));
        browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.pager"), "Page 3 of 3"));
        assertThat(rows(".escalation-row"))
                .singleElement()
                .satisfies(r -> assertThat(r).contains(customer(4)));
        assertThat(browser.getCurrentUrl()).contains("area=" + area);

        // The area's supervisor answers for levels 1 and 2 only: filtering by that person keeps two customers.
        WebElement owner = browser.findElement(By.id("owner-filter"));
        owner.clear();
        owner.sendKeys(supervisor);
        owner.submit();
        wait.until(ExpectedConditions.urlContains("owner=" + supervisor));
        assertThat(text("board-total")).contains("2");
        assertThat(badge("level-count-4")).isEqualTo("0");
        assertThat(rows(".escalation-row"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r).contains(supervisor))
                .anySatisfy(r -> assertThat(r).contains(customer(3)))
                .anySatisfy(r -> assertThat(r).contains(customer(4)));

        browser.findElement(By.id("level-count-4")).click();
        wait.until(ExpectedConditions.urlContains("level=4"));
        assertThat(text("board-empty")).contains("No customer");
    }

    @Test
    void the_legal_cases_page_pages_with_the_count_and_filters_by_area_and_lawyer() {
        Browser.logIn(browser, port, manager, PASSWORD);
        browser.get(url("/monitoring/legal-cases?area=" + area + "&size=2"));

        assertThat(text("legal-total")).contains("3");
        List<String> first = rows(".legal-case-row");
        assertThat(first).hasSize(2);
        assertThat(pager()).contains("Page 1 of 2");
        browser.findElement(By.cssSelector("nav.pager a[rel=next]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("nav.pager"), "Page 2 of 2"));
        List<String> second = rows(".legal-case-row");
        assertThat(second).hasSize(1);
        assertThat(String.join("\n", first) + "\n" + second.getFirst())
                .contains(customer(0), customer(1), customer(2))
                .doesNotContain(customer(3), customer(4));

        // Cases are dealt over every lawyer of the shared test database: filter by the one of the first case.
        browser.get(url("/monitoring/legal-cases?area=" + area));
        String lawyer = browser.findElement(By.cssSelector(".legal-case-row td:nth-child(4)"))
                .getText()
                .strip();
        WebElement lawyerFilter = browser.findElement(By.id("legal-lawyer-filter"));
        lawyerFilter.sendKeys(lawyer);
        lawyerFilter.submit();
        wait.until(ExpectedConditions.urlContains("lawyer="));
        assertThat(browser.findElements(By.cssSelector(".legal-case-row td:nth-child(4)")))
                .isNotEmpty()
                .allSatisfy(cell -> assertThat(cell.getText().strip()).isEqualTo(lawyer));
    }

    private String customer(int i) {
        return "PGC-" + x + "-" + i;
    }

    private String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)))
                .getText();
    }

    private String badge(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#" + id + " .badge")))
                .getText()
                .strip();
    }

    private String pager() {
        return browser.findElement(By.cssSelector("nav.pager")).getText();
    }

    private List<String> rows(String selector) {
        return browser.findElements(By.cssSelector(selector)).stream()
                .map(WebElement::getText)
                .toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

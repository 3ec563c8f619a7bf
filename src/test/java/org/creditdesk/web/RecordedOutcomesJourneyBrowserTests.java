package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * A credit manager records a customer's insolvency on its risk page, uploads the company's default
 * list on the scorecards page (a bad line refused by its number, then the corrected file), and sets
 * the outcome the cards are fitted to; the same pages in Simplified Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RecordedOutcomesJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
        // The setting is the company's: the journey leaves the default behind for the other tests.
        Browser.adminApi(port)
                .put()
                .uri("/settings/score-outcome")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "REACHES_OVERDUE", "days", 60, "months", 6, "reason", "journey done"))
                .retrieve()
                .toBodilessEntity();
    }

    @Test
    void a_credit_manager_records_an_outcome_uploads_a_default_list_and_sets_the_fit_outcome_in_both_languages()
            throws IOException {
        RestClient admin = Browser.adminApi(port);
        String manager = "outcm" + x.toLowerCase();
        Browser.createUser(admin, manager, PASSWORD, "CREDIT_MANAGER");
        String code = "ROJ-" + x;
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Outcome Journey " + x,
                        "area",
                        "EAST",
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30,
                        "currency",
                        "CNY"))
                .retrieve()
                .toBodilessEntity();
        browser = Browser.start();
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        Browser.logIn(browser, port, manager, PASSWORD);

        browser.get(url("/customers/" + code + "/risk"));
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-outcomes")))
                        .getText())
                .isEqualTo("No outcomes recorded.");
        WebElement form = browser.findElement(By.id("outcome-form"));
        new Select(form.findElement(By.name("type"))).selectByValue("INSOLVENCY");
        WebElement on = form.findElement(By.name("on"));
        browser.executeScript("arguments[0].value = '2025-03-31';", on);
        form.findElement(By.name("note")).sendKeys("court filing 2025/117");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcome-recorded")))
                        .getText())
                .isEqualTo("The outcome was recorded.");
        WebElement row = browser.findElement(By.cssSelector("#outcome-table tr.outcome-row[data-type='INSOLVENCY']"));
        assertThat(row.getText()).contains("2025-03-31", "Insolvency", "court filing 2025/117", manager);

        browser.get(url("/risk/scorecards"));
        Path bad = Files.createTempFile("outcomes-", ".csv");
        Files.writeString(
                bad,
                "customerCode,type,on\n" + code + ",DEFAULT,2025-05-31\n" + code + ",DEFAULT,yesterday\n",
                StandardCharsets.UTF_8);
        upload(wait, bad);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.refusal")))
                        .getText())
                .contains("Line 3: on: 'yesterday' is not a date (yyyy-MM-dd)");
        Path good = Files.createTempFile("outcomes-", ".csv");
        Files.writeString(good, "customerCode,type,on\n" + code + ",DEFAULT,2025-05-31\n", StandardCharsets.UTF_8);
        upload(wait, good);
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("outcomes-imported")))
                        .getText())
                .isEqualTo("1 outcome(s) imported, 0 already recorded.");

        WebElement setting = browser.findElement(By.id("outcome-setting-form"));
        new Select(setting.findElement(By.name("kind"))).selectByValue("RECORDED");
        WebElement days = setting.findElement(By.name("days"));
        days.clear();
        days.sendKeys("0");
        WebElement months = setting.findElement(By.name("months"));
        months.clear();
        months.sendKeys("12");
        setting.findElement(By.name("reason")).sendKeys("we fit to our own default list");
        setting.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("setting-saved")));
        assertThat(browser.findElement(By.id("outcome-setting-definition")).getText())
                .isEqualTo("a recorded outcome (DEFAULT, INSOLVENCY, LEGAL_CASE, WRITE_OFF) within 12 months");
        assertThat(new Select(browser.findElement(By.cssSelector("#fit-form select[name=outcome]")))
                        .getFirstSelectedOption()
                        .getText())
                .startsWith("The company setting: a recorded outcome");

        browser.findElement(By.cssSelector("form.language button[value='zh-CN']"))
                .click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#outcome-setting h2"), "评分卡拟合所用的结果"));
        assertThat(browser.findElement(By.cssSelector("#outcomes-upload h2")).getText())
                .isEqualTo("已记录的结果");
        browser.get(url("/customers/" + code + "/risk"));
        WebElement zhRow = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#outcome-table tr.outcome-row[data-type='INSOLVENCY']")));
        assertThat(zhRow.getText()).contains("破产");
        assertThat(browser.findElement(By.cssSelector("#outcome-form button[type=submit]"))
                        .getText())
                .isEqualTo("记录结果");

        List<Map<String, Object>> stored = admin.get()
                .uri("/customers/{code}/outcomes", code)
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        assertThat(stored).extracting(o -> o.get("type")).containsExactly("DEFAULT", "INSOLVENCY");
    }

    private void upload(WebDriverWait wait, Path file) {
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("outcomes-upload-form")));
        form.findElement(By.name("file")).sendKeys(file.toAbsolutePath().toString());
        form.findElement(By.cssSelector("button[type=submit]")).click();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

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

/**
 * The customer journey in Simplified Chinese: switch the language on the login page, find a Chinese
 * customer by its pinyin, read its overdue invoice under Chinese headings; the choice follows the user
 * to the next sign-in, and switching back gives the English pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChineseJourneyBrowserTests {

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "ZHJ-" + suffix;
    private final String name = "上海华大贸易 " + suffix;
    private final String username = "zhuser-" + suffix.toLowerCase();

    @BeforeEach
    void a_chinese_customer_with_an_overdue_invoice_and_a_supervisor() {
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
                        List.of(Map.of("name", "王磊", "role", "LEGAL_REPRESENTATIVE"))))
                .retrieve()
                .toBodilessEntity();
        api.post()
                .uri("/invoices")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "invoiceNo", "ZINV-" + suffix,
                        "customerCode", code,
                        "issueDate", "2020-01-10",
                        "dueDate", "2020-02-09",
                        "amount", 8800.00,
                        "currency", "CNY",
                        "productLine", "PIPES"))
                .retrieve()
                .toBodilessEntity();
        Browser.createUser(api, username, "zh-password-123", "CREDIT_SUPERVISOR");
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(10));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    private void switchTo(String language) {
        browser.findElement(By.cssSelector("form.language button[value='" + language + "']"))
                .click();
    }

    private String heading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")))
                .getText();
    }

    private void logOut() {
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void a_supervisor_works_in_chinese_finds_a_customer_by_pinyin_and_keeps_the_language() {
        browser.get("http://localhost:" + port + "/login");
        assertThat(heading()).isEqualTo("Sign in to CreditDesk");

        switchTo("zh-CN");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "登录 CreditDesk"));
        assertThat(browser.findElement(By.id("login")).getText()).isEqualTo("登录");

        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys("zh-password-123");
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "今天"));
        browser.get("http://localhost:" + port + "/customers");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "客户"));
        assertThat(browser.findElement(By.cssSelector("nav.nav")).getText()).contains("逾期升级", "账龄分析", "法务案件");

        WebElement search = browser.findElement(By.id("customer-search"));
        assertThat(search.getAttribute("placeholder")).contains("拼音");
        search.sendKeys("shanghai huada maoyi " + suffix.toLowerCase());
        wait.until(d -> d.findElements(By.cssSelector(".customer-row")).size() == 1);
        browser.findElement(By.linkText(name)).click();
        wait.until(ExpectedConditions.titleContains(name));

        WebElement openItems =
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.open-items")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("基本资料", "未清项", "法定代表人");
        assertThat(openItems.getText()).contains("ZINV-" + suffix, "发票号", "逾期天数");

        // The choice was stored for the user: it survives signing out and in again.
        logOut();
        Browser.logIn(browser, port, username, "zh-password-123");
        browser.get("http://localhost:" + port + "/customers");
        assertThat(heading()).isEqualTo("客户");

        switchTo("en");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Customers"));
        logOut();
        Browser.logIn(browser, port, username, "zh-password-123");
        browser.get("http://localhost:" + port + "/customers");
        assertThat(heading()).isEqualTo("Customers");
    }
}

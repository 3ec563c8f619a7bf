package org.creditdesk.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Takes the screenshots in docs/screenshots/ from a running demo (not part of the test suite):
 * {@code ./creditdesk demo}, then
 * {@code mvn test -Dtest=ScreenshotTour -Dcreditdesk.screenshots.url=http://localhost:8080}. Every page in
 * English ({@code name.png}) and in Simplified Chinese ({@code name.zh-CN.png}), chosen with the top bar's
 * language switch (which the demo user keeps as its preference until the next shot switches it again).
 */
@EnabledIfSystemProperty(named = "creditdesk.screenshots.url", matches = "http.*")
class ScreenshotTour {

    private record Shot(String file, String user, String path, String waitFor) {}

    private static final List<Shot> SHOTS = List.of(
            new Shot("home-creditmanager.png", "creditmanager", "/", "#home-trend canvas"),
            new Shot("worklist-collector.png", "collector", "/collections/worklist", "main"),
            new Shot("customers.png", "creditmanager", "/customers?sort=OVERDUE&descending=true", ".customer-row"),
            new Shot("blocked-orders.png", "creditmanager", "/credit/blocked-orders", "main"),
            new Shot("escalations.png", "supervisor", "/monitoring/escalations", "main"),
            new Shot("aging.png", "finance", "/monitoring/aging", "#aging-trend canvas"),
            new Shot("risk.png", "creditmanager", "/risk", "main"),
            new Shot("legal-cases.png", "lawyer", "/monitoring/legal-cases", "main"),
            new Shot("daily-runs.png", "creditmanager", "/monitoring/daily-runs", "main"),
            new Shot("alerts.png", "creditmanager", "/risk/alerts", "main"));

    private static final List<String> LANGUAGES = List.of("en", "zh-CN");

    @Test
    void screenshots_of_the_main_pages() throws IOException {
        String base = System.getProperty("creditdesk.screenshots.url");
        String password = System.getProperty("creditdesk.screenshots.password", "demo-credit-2026");
        Path out = Path.of(System.getProperty("creditdesk.screenshots.dir", "docs/screenshots"));
        Files.createDirectories(out);
        for (String language : LANGUAGES) {
            for (Shot shot : SHOTS) {
                ChromeDriver browser = Browser.start();
                try {
                    browser.get(base + "/login");
                    browser.findElement(By.id("username")).sendKeys(shot.user());
                    browser.findElement(By.id("password")).sendKeys(password);
                    browser.findElement(By.id("login")).click();
                    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                    // The language switch reloads the page: an element read during the reload is read again.
                    wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                    wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
                    var switchTo =
                            browser.findElement(By.cssSelector("form.language button[value='" + language + "']"));
                    if (switchTo.isEnabled()) {
                        switchTo.click();
                        wait.until(
                                ExpectedConditions.attributeToBe(By.tagName("html"), "lang", language.substring(0, 2)));
                    }
                    browser.get(base + shot.path());
                    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shot.waitFor())));
                    // Let htmx fragments and chart animations settle.
                    Thread.sleep(1500);
                    String file =
                            language.equals("en") ? shot.file() : shot.file().replace(".png", "." + language + ".png");
                    Files.write(out.resolve(file), browser.getScreenshotAs(OutputType.BYTES));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } finally {
                    browser.quit();
                }
            }
        }
    }
}

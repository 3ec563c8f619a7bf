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
 * {@code mvn test -Dtest=ScreenshotTour -Dcreditdesk.screenshots.url=http://localhost:8080}.
 */
@EnabledIfSystemProperty(named = "creditdesk.screenshots.url", matches = "http.*")
class ScreenshotTour {

    private record Shot(String file, String user, String path, String waitFor) {}

    private static final List<Shot> SHOTS = List.of(
            new Shot("home-creditmanager.png", "creditmanager", "/", "#home-trend canvas"),
            new Shot("home-collector.png", "collector", "/", "#home-trend canvas"),
            new Shot("customers.png", "creditmanager", "/customers?sort=OVERDUE&descending=true", ".customer-row"),
            new Shot("blocked-orders.png", "creditmanager", "/credit/blocked-orders", "main"),
            new Shot("escalations.png", "supervisor", "/monitoring/escalations", "main"),
            new Shot("aging.png", "finance", "/monitoring/aging", "#aging-trend canvas"),
            new Shot("risk.png", "creditmanager", "/risk", "main"),
            new Shot("legal-cases.png", "lawyer", "/monitoring/legal-cases", "main"),
            new Shot("daily-runs.png", "creditmanager", "/monitoring/daily-runs", "main"));

    @Test
    void screenshots_of_the_main_pages() throws IOException {
        String base = System.getProperty("creditdesk.screenshots.url");
        String password = System.getProperty("creditdesk.screenshots.password", "demo1234");
        Path out = Path.of(System.getProperty("creditdesk.screenshots.dir", "docs/screenshots"));
        Files.createDirectories(out);
        for (Shot shot : SHOTS) {
            ChromeDriver browser = Browser.start();
            try {
                browser.get(base + "/login");
                browser.findElement(By.id("username")).sendKeys(shot.user());
                browser.findElement(By.id("password")).sendKeys(password);
                browser.findElement(By.id("login")).click();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
                browser.get(base + shot.path());
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(shot.waitFor())));
                // Let htmx fragments and chart animations settle.
                Thread.sleep(1500);
                Files.write(out.resolve(shot.file()), browser.getScreenshotAs(OutputType.BYTES));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                browser.quit();
            }
        }
    }
}

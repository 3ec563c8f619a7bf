package org.creditdesk.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Debian's Chromium driven by Debian's chromedriver: the real browser, never a downloaded one.
 * {@code ./creditdesk test} installs both when they are missing.
 */
final class Browser {

    private Browser() {}

    static ChromeDriver start() {
        Path chromium = firstExisting("/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path driver = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Path profile;
        try {
            profile = Files.createTempDirectory("creditdesk-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--window-size=1400,1000",
                        "--lang=en-US",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return browser;
    }

    /** The API as the bootstrap administrator of the test configuration, for a journey's fixtures. */
    static RestClient adminApi(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1")
                .defaultHeaders(h -> h.setBasicAuth("admin", "admin-test-password"))
                .build();
    }

    /** Creates a user with one role and no area restriction, for a journey's cast. */
    static void createUser(RestClient admin, String username, String password, String role) {
        admin.post()
                .uri("/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "username",
                        username,
                        "password",
                        password,
                        "displayName",
                        username,
                        "email",
                        username + "@example.com",
                        "roles",
                        List.of(role),
                        "areas",
                        List.of()))
                .retrieve()
                .toBodilessEntity();
    }

    /** Signs in through the login form and waits until the browser has left it. */
    static void logIn(ChromeDriver browser, int port, String username, String password) {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private static Path firstExisting(String... candidates) {
        for (String candidate : candidates) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) return path;
        }
        throw new IllegalStateException("Not installed: " + String.join(" or ", candidates)
                + " (./creditdesk test installs Debian's chromium and chromium-driver)");
    }
}

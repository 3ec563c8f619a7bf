package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditdesk.OwnDatabase;
import org.creditdesk.demo.GeneratedPortfolio;
import org.creditdesk.demo.PortfolioGenerator;
import org.creditdesk.demo.PortfolioSpec;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * A credit manager fits the scorecard to a small generated history on the scorecards page, compares
 * AUC and KS of the current and the fitted card, and adopts the fitted one; an auditor cannot.
 *
 * <p>The fit reads every customer's history from the first invoice in the database, and adopting a
 * card changes everybody's scores: so this journey has a PostgreSQL of its own, holding only its
 * generated portfolio, instead of the database the other tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ScorecardFitJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";
    private static final int CUSTOMERS = 120;
    private static final int MONTHS = 20;
    private static final long SEED = 20_251_130;
    /** A fixed date, so that the generated history and the fit's month-ends are the same on every run. */
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    private static final OwnDatabase DATABASE = new OwnDatabase();

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Imports imports;

    private ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void a_credit_manager_fits_the_card_to_our_history_compares_auc_and_ks_and_adopts_it_and_an_auditor_cannot()
            throws IOException {
        load(new PortfolioSpec(CUSTOMERS, MONTHS, SEED, AS_OF));
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, "fitcm", PASSWORD, "CREDIT_MANAGER");
        Browser.createUser(admin, "fitauditor", PASSWORD, "AUDITOR");
        browser = Browser.start();
        // Explicit waits only: an absent element is asserted absent at once.
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        Browser.logIn(browser, port, "fitcm", PASSWORD);
        browser.get(url("/risk/scorecards"));
        WebElement fitForm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fit-form")));
        browser.executeScript(
                "arguments[0].value = arguments[1];", fitForm.findElement(By.name("asOf")), AS_OF.toString());
        fitForm.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fit-result")));
        assertThat(result.getText()).contains("Fit as of " + AS_OF);
        List<WebElement> fittedRows = result.findElements(By.cssSelector("tr.fit-group")).stream()
                .filter(g -> g.getAttribute("data-fitted-card") != null)
                .toList();
        assertThat(fittedRows).as("no group was fitted: " + result.getText()).isNotEmpty();
        for (WebElement row : fittedRows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            // AUC current, AUC fitted, KS current, KS fitted: real numbers between 0 and 1.
            for (int column = 3; column <= 6; column++) {
                assertThat(Double.parseDouble(cells.get(column).getText()))
                        .as("column %d of %s", column, row.getText())
                        .isBetween(0.0, 1.0);
            }
            assertThat(Double.parseDouble(cells.get(4).getText()))
                    .as("the fitted card separates bad from good better than chance: " + row.getText())
                    .isGreaterThan(0.5);
            assertThat(cells.get(7).getText()).contains("Stored as card " + row.getAttribute("data-fitted-card"));
        }
        assertThat(result.findElement(By.id("fit-outcome")).getText()).contains("60 days overdue within 6 months");
        // Each factor alone beside the card: the past late rate (the baseline a reviewer computes first) as a number.
        WebElement first = fittedRows.stream()
                .filter(r -> "HISTORY".equals(r.getAttribute("data-segment")))
                .findFirst()
                .orElseThrow();
        WebElement lateShare = result.findElement(By.cssSelector(
                "table.fit-factors tr[data-group='%s'][data-segment='%s'][data-factor='LATE_PAYMENT_SHARE']"
                        .formatted(first.getAttribute("data-group"), first.getAttribute("data-segment"))));
        List<WebElement> factorCells = lateShare.findElements(By.tagName("td"));
        assertThat(factorCells.get(1).getText()).isEqualTo("Invoices paid late (12 months)");
        assertThat(Double.parseDouble(factorCells.get(2).getText())).isBetween(0.0, 1.0);
        assertThat(Double.parseDouble(factorCells.get(3).getText())).isBetween(0.0, 1.0);
        // A card whose classes do not rise from A to E on the test window is refused, one that does is adopted.
        WebElement refusable = fittedRows.stream()
                .filter(r -> "false".equals(r.getAttribute("data-adoptable")))
                .findFirst()
                .orElse(null);
        WebElement fitted = fittedRows.stream()
                .filter(r -> "true".equals(r.getAttribute("data-adoptable")))
                .findFirst()
                .orElse(null);
        assertThat(refusable != null || fitted != null).isTrue();
        String refusedId = refusable == null ? null : refusable.getAttribute("data-fitted-card");
        String group = fitted == null ? null : fitted.getAttribute("data-group");
        String cardId = fitted == null ? null : fitted.getAttribute("data-fitted-card");
        if (refusedId != null) {
            WebElement card = browser.findElement(By.id("card-" + refusedId));
            card.findElement(By.name("reason")).sendKeys("Trying a card that misorders");
            card.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
            assertThat(refusal.getText()).contains("cannot be used");
            assertThat(browser.findElement(By.cssSelector("ul.refusal")).getText())
                    .contains("do not rise from A to E");
            assertThat(browser.findElement(By.id("card-" + refusedId)).getAttribute("data-active"))
                    .isEqualTo("false");
        }
        List<Map<String, Object>> cards =
                admin.get().uri("/scorecards").retrieve().body(new ParameterizedTypeReference<>() {});
        if (cardId != null) {
            WebElement card = browser.findElement(By.id("card-" + cardId));
            assertThat(card.getAttribute("data-active")).isEqualTo("false");
            assertThat(card.getText()).contains("FITTED").contains(group);
            card.findElement(By.name("reason")).sendKeys("Fitted card separates better out of time");
            card.findElement(By.cssSelector("button[type=submit]")).click();
            WebElement adopted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("adopted")));
            assertThat(adopted.getText()).isEqualTo("Scorecard " + cardId + " adopted.");
            wait.until(d -> "true".equals(d.findElement(By.id("card-" + cardId)).getAttribute("data-active")));
            assertThat(browser.findElement(By.id("card-" + cardId)).getText()).contains("fitcm");
            cards = admin.get().uri("/scorecards").retrieve().body(new ParameterizedTypeReference<>() {});
            assertThat(cards)
                    .filteredOn(c -> group.equals(c.get("businessGroup"))
                            && "HISTORY".equals(c.get("segment"))
                            && Boolean.TRUE.equals(c.get("active")))
                    .singleElement()
                    .satisfies(c -> assertThat(String.valueOf(c.get("id"))).isEqualTo(cardId));
        }
        String visible = cardId != null ? cardId : refusedId;

        // The auditor reads the cards but is offered neither the fit nor the adoption, and the API refuses.
        browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        Browser.logIn(browser, port, "fitauditor", PASSWORD);
        browser.get(url("/risk/scorecards"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-" + visible)));
        assertThat(browser.findElements(By.id("fit-form"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("form[action*='/adopt']")))
                .isEmpty();
        String inactive = cards.stream()
                .filter(c -> !Boolean.TRUE.equals(c.get("active")))
                .map(c -> String.valueOf(c.get("id")))
                .findFirst()
                .orElseThrow();
        RestClient auditor = RestClient.builder()
                .baseUrl("http://localhost:" + port + "/api/v1")
                .defaultHeaders(h -> h.setBasicAuth("fitauditor", PASSWORD))
                .build();
        assertThatThrownBy(() -> auditor.post()
                        .uri("/scorecards/{id}/adopt", inactive)
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("reason", "not mine to adopt"))
                        .retrieve()
                        .toBodilessEntity())
                .isInstanceOf(HttpClientErrorException.Forbidden.class);
    }

    /** The generated portfolio through the one import path, file by file in the order references need. */
    private void load(PortfolioSpec spec) throws IOException {
        Path dir = Files.createTempDirectory("fit-journey-");
        GeneratedPortfolio files = new PortfolioGenerator().writeCsv(spec, dir);
        for (var kind : List.of(ImportKind.CUSTOMERS, ImportKind.ORDERS, ImportKind.INVOICES, ImportKind.PAYMENTS)) {
            String name = switch (kind) {
                case CUSTOMERS -> GeneratedPortfolio.CUSTOMERS;
                case ORDERS -> GeneratedPortfolio.ORDERS;
                case INVOICES -> GeneratedPortfolio.INVOICES;
                case PAYMENTS -> GeneratedPortfolio.PAYMENTS;
                default -> throw new IllegalStateException(kind.name());
            };
            try (InputStream csv = Files.newInputStream(files.file(name))) {
                imports.importCsv(kind, csv, Caller.SYSTEM);
            }
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package org.creditdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.creditdesk.demo.Camt053Writer;
import org.creditdesk.demo.Camt053Writer.Line;
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
 * Finance's bank statement day in a real browser: a camt.053 dropped on the page is imported and
 * each entry's outcome shown; the credit whose payer nobody knows waits in the queue with the
 * customer suggested by name and amount, and one click assigns it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BankStatementJourneyBrowserTests {

    private static final String PASSWORD = "journey-pass-1";
    // Older than every other test's bank entry, so this one leads the unmatched queue (oldest first, 50 a page).
    private static final LocalDate DAY = LocalDate.of(1995, 5, 4);

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;
    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    private final String code = "BKJ-" + x;
    private final String iban = "DE44500105175407324931";

    @BeforeEach
    void customer_invoices_and_finance_user() {
        RestClient admin = Browser.adminApi(port);
        Browser.createUser(admin, "fin" + x, PASSWORD, "FINANCE");
        admin.put()
                .uri("/customers/{code}", code)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "name",
                        "Zhejiang Journey Bank " + x,
                        "area",
                        "EAST",
                        "businessGroup",
                        "VOLUME",
                        "paymentTermDays",
                        30,
                        "currency",
                        "EUR",
                        "bankAccounts",
                        List.of(iban + x)))
                .retrieve()
                .toBodilessEntity();
        for (String n : List.of("1", "2")) {
            admin.post()
                    .uri("/invoices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of(
                            "invoiceNo",
                            code + "-INV" + n,
                            "customerCode",
                            code,
                            "issueDate",
                            "1995-04-01",
                            "dueDate",
                            "1995-05-01",
                            "amount",
                            n.equals("1") ? 120.00 : 77.70,
                            "currency",
                            "EUR"))
                    .retrieve()
                    .toBodilessEntity();
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void a_dropped_statement_is_imported_and_an_unmatched_credit_is_assigned_with_one_click() throws Exception {
        StringWriter camt = new StringWriter();
        Camt053Writer.write(
                camt,
                "JRN-" + x,
                "DE02120300000000202051",
                "EUR",
                DAY,
                DAY,
                BigDecimal.ZERO,
                List.of(
                        Line.transfer(
                                "J1-" + x,
                                DAY,
                                new BigDecimal("120.00"),
                                "Zhejiang Journey",
                                iban + x,
                                "INV1",
                                List.of(code + "-INV1")),
                        Line.transfer(
                                "J2-" + x,
                                DAY,
                                new BigDecimal("77.70"),
                                "Zhejiang Journey Bank " + x,
                                "GB29NWBK60161331926819",
                                "thank you",
                                List.of()),
                        Line.outgoing("J3-" + x, DAY, new BigDecimal("5.00"), "Bank", "fees")));

        Browser.logIn(browser, port, "fin" + x, PASSWORD);
        browser.get("http://localhost:" + port + "/bank-statements");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("drop-zone")));
        // Drop the file on the zone the way a browser does: a DataTransfer holding a File.
        browser.executeScript("""
                const dt = new DataTransfer();
                dt.items.add(new File([arguments[0]], 'statement.xml', {type: 'application/xml'}));
                const zone = document.getElementById('drop-zone');
                zone.dispatchEvent(new DragEvent('dragover', {dataTransfer: dt, bubbles: true, cancelable: true}));
                zone.dispatchEvent(new DragEvent('drop', {dataTransfer: dt, bubbles: true, cancelable: true}));
                """, camt.toString());

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-result")));
        assertThat(result.findElement(By.id("count-entries")).getText()).isEqualTo("3");
        assertThat(result.findElement(By.id("count-payments")).getText()).isEqualTo("1");
        assertThat(result.findElement(By.id("count-unmatched")).getText()).isEqualTo("1");
        assertThat(result.findElement(By.id("count-ignored")).getText()).isEqualTo("1");
        assertThat(result.findElements(By.cssSelector("#result-entries tbody tr")))
                .hasSize(3);
        assertThat(result.findElement(By.cssSelector("tr.outcome-MATCHED")).getText())
                .contains(code);

        // The queue is refreshed after the import: wait for the new entry's row.
        WebElement queued =
                wait.until(driver -> driver.findElements(By.cssSelector("#unmatched-queue tbody tr")).stream()
                        .filter(r -> r.getText().contains("Zhejiang Journey Bank " + x))
                        .findFirst()
                        .orElse(null));
        String rowId = queued.getAttribute("id");
        WebElement candidate = queued.findElement(By.cssSelector("form.assign-candidate button"));
        assertThat(candidate.getText()).contains(code);
        candidate.click();

        WebElement assigned = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("assigned")));
        assertThat(assigned.getText()).contains(code);
        assertThat(browser.findElements(By.id(rowId))).isEmpty();

        RestClient admin = Browser.adminApi(port);
        Map<?, ?> invoice =
                admin.get().uri("/invoices/{no}", code + "-INV2").retrieve().body(Map.class);
        assertThat(new BigDecimal(String.valueOf(invoice.get("openAmount")))).isEqualByComparingTo("0");
    }

    @Test
    void a_file_chosen_in_the_form_that_is_not_a_statement_is_refused_on_the_page() throws Exception {
        Path file = Files.createTempFile("not-a-statement", ".txt");
        Files.writeString(file, "hello, this is not a bank statement\n");
        Browser.logIn(browser, port, "fin" + x, PASSWORD);
        browser.get("http://localhost:" + port + "/bank-statements");
        browser.findElement(By.id("statement-file")).sendKeys(file.toString());
        browser.findElement(By.id("upload")).click();
        WebElement refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertThat(refusal.getText()).contains("Unknown statement format");
        Files.deleteIfExists(file);
    }
}

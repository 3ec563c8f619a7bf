package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.creditdesk.demo.Camt053Writer;
import org.creditdesk.demo.Camt053Writer.Line;
import org.creditdesk.identity.Caller;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest
class BankStatementFolderWatchTests {

    static final LocalDate DAY = LocalDate.of(2026, 4, 14);

    @Autowired
    BankStatementFolderWatch watch;

    @Autowired
    Imports imports;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path folder;

    @Test
    void statements_in_the_watch_folder_are_imported_and_moved_aside_and_a_refused_file_says_why() throws Exception {
        String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String code = "FW" + x;
        csv(
                ImportKind.CUSTOMERS,
                "code,name,area,businessGroup,paymentTermDays,currency",
                code + "," + code + " Ltd,EAST,VOLUME,30,EUR");
        csv(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,issueDate,dueDate,amount,currency",
                code + "-I1," + code + ",2026-03-01,2026-03-31,80.00,EUR");
        StringWriter camt = new StringWriter();
        Camt053Writer.write(
                camt,
                "FW-" + x,
                "DE02120300000000202099",
                "EUR",
                DAY,
                DAY,
                BigDecimal.ZERO,
                List.of(Line.transfer(
                        "FWR-" + x,
                        DAY,
                        new BigDecimal("80.00"),
                        "Payer",
                        null,
                        "Invoice " + code + "-I1",
                        List.of())));
        Files.writeString(folder.resolve("a-statement.xml"), camt.toString(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("b-truncated.xml"), camt.toString().substring(0, 300), StandardCharsets.UTF_8);

        BankStatementFolderWatch.Polled polled = watch.poll(folder);

        assertThat(polled.processed()).containsExactly("a-statement.xml");
        assertThat(polled.failed()).containsExactly("b-truncated.xml");
        assertThat(folder.resolve("processed/a-statement.xml")).exists();
        assertThat(folder.resolve("failed/b-truncated.xml")).exists();
        assertThat(Files.readString(folder.resolve("failed/b-truncated.xml.reason.txt")))
                .isNotBlank();
        assertThat(folder.resolve("a-statement.xml")).doesNotExist();
        assertThat(jdbc.sql("SELECT open_amount FROM collections_invoice WHERE invoice_no = :no")
                        .param("no", code + "-I1")
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("0");
        assertThat(watch.poll(folder).processed()).as("nothing left to poll").isEmpty();
    }

    private void csv(ImportKind kind, String... lines) {
        imports.importCsv(
                kind,
                new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)),
                Caller.SYSTEM);
    }
}

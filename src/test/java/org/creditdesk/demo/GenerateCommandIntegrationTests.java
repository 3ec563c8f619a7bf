package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(
        properties = "creditdesk.command=generate",
        args = {
            "--customers",
            "20",
            "--months",
            "3",
            "--seed",
            "11",
            "--as-of",
            "2025-03-31",
            "--out",
            "target/generate-command-test"
        })
class GenerateCommandIntegrationTests {

    private static final Path OUT = Path.of("target/generate-command-test");

    @Test
    void generate_with_out_writes_the_files_for_the_given_spec_as_of_the_given_date() throws Exception {
        List<Map<String, String>> customers = CsvFiles.rows(OUT.resolve(GeneratedPortfolio.CUSTOMERS));
        List<Map<String, String>> invoices = CsvFiles.rows(OUT.resolve(GeneratedPortfolio.INVOICES));

        assertThat(customers).hasSize(20);
        assertThat(invoices)
                .isNotEmpty()
                .allSatisfy(invoice -> assertThat(LocalDate.parse(invoice.get("issueDate")))
                        .isBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 3, 31)));
        // The command and the generator called directly agree byte for byte.
        Path direct = java.nio.file.Files.createTempDirectory("generate-direct");
        new PortfolioGenerator().writeCsv(new PortfolioSpec(20, 3, 11, LocalDate.of(2025, 3, 31)), direct);
        assertThat(java.nio.file.Files.readAllBytes(OUT.resolve(GeneratedPortfolio.PAYMENTS)))
                .isEqualTo(java.nio.file.Files.readAllBytes(direct.resolve(GeneratedPortfolio.PAYMENTS)));
    }

    @Test
    void the_csv_files_without_the_application_are_the_commands_byte_for_byte() throws Exception {
        Path standalone = java.nio.file.Files.createTempDirectory("portfolio-csv");
        PortfolioCsv.main(new String[] {
            "--customers",
            "20",
            "--months",
            "3",
            "--seed",
            "11",
            "--as-of",
            "2025-03-31",
            "--out",
            standalone.toString()
        });
        try (var files = java.nio.file.Files.list(OUT)) {
            List<Path> written = files.sorted().toList();
            assertThat(written).hasSizeGreaterThanOrEqualTo(9);
            for (Path file : written) {
                assertThat(java.nio.file.Files.readAllBytes(standalone.resolve(file.getFileName())))
                        .as(file.getFileName().toString())
                        .isEqualTo(java.nio.file.Files.readAllBytes(file));
            }
        }
    }

    @Test
    void the_csv_files_without_the_application_need_the_as_of_date() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PortfolioCsv.main(new String[] {"--out", "target/x"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--as-of");
    }
}

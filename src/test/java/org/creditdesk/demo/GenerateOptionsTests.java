package org.creditdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GenerateOptionsTests {

    @Test
    void options_are_read_with_a_space_or_an_equals_sign() {
        GenerateOptions options = GenerateOptions.parse(
                "--customers", "100000", "--months=24", "--seed", "7", "--as-of=2025-06-30", "--out", "/tmp/p");

        assertThat(options)
                .isEqualTo(new GenerateOptions(100_000, 24, 7, LocalDate.of(2025, 6, 30), Path.of("/tmp/p")));
    }

    @Test
    void omitted_options_default_to_the_demo_size_as_of_today_with_the_benchmarks_mix_of_payers() {
        GenerateOptions options = GenerateOptions.parse("--server.port=0");

        assertThat(options.spec(LocalDate.of(2025, 1, 2)))
                .as("generate keeps the old mix the risk calibration depends on; only demo tells the story")
                .isEqualTo(new PortfolioSpec(1_200, 24, 42, LocalDate.of(2025, 1, 2), false));
        assertThat(options.out()).isNull();
    }

    @Test
    void unknown_options_and_unreadable_values_are_refused_with_the_usage() {
        assertThatThrownBy(() -> GenerateOptions.parse("--clients", "5"))
                .hasMessageContaining("Unknown option --clients")
                .hasMessageContaining("Usage");
        assertThatThrownBy(() -> GenerateOptions.parse("--months", "two"))
                .hasMessageContaining("--months: cannot read two");
        assertThatThrownBy(() -> GenerateOptions.parse("--seed")).hasMessageContaining("--seed needs a value");
        assertThatThrownBy(() -> GenerateOptions.parse("--customers", "0").spec(LocalDate.of(2025, 1, 2)))
                .hasMessageContaining("customers must be between");
    }

    @Test
    void a_score_quality_book_is_written_to_a_folder_and_only_the_two_known_books_are_accepted() {
        assertThat(GenerateOptions.parse("--book", "thin-file", "--out", "/tmp/b")
                        .book())
                .isEqualTo("thin-file");
        assertThat(GenerateOptions.parse("--book=short-lateness", "--out=/tmp/b")
                        .book())
                .isEqualTo("short-lateness");
        assertThatThrownBy(() -> GenerateOptions.parse("--book", "thin-file"))
                .hasMessageContaining("--book needs --out");
        assertThatThrownBy(() -> GenerateOptions.parse("--book", "fat-file", "--out", "/tmp/b"))
                .hasMessageContaining("thin-file or short-lateness");
    }
}

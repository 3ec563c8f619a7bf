package org.creditdesk.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

class FitCommandTests {

    @Test
    void the_outcome_days_and_months_are_read_as_name_value_or_name_equals_value() {
        var args = new DefaultApplicationArguments(
                "--as-of", "2025-12-31", "--outcome", "paid-late", "--days=5", "--months", "2");
        assertThat(FitCommand.option(args, "outcome")).isEqualTo("paid-late");
        assertThat(FitCommand.option(args, "days")).isEqualTo("5");
        assertThat(FitCommand.option(args, "months")).isEqualTo("2");
        assertThat(FitCommand.option(args, "adopt")).isNull();
        assertThatThrownBy(() -> FitCommand.option(new DefaultApplicationArguments("--days"), "days"))
                .isInstanceOf(NumberFormatException.class);
    }
}

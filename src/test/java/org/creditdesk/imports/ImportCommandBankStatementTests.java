package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creditdesk.identity.Caller;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.DefaultApplicationArguments;

/** {@code ./creditdesk import bank-statement FILE}: the file goes to the statement import as the system. */
class ImportCommandBankStatementTests {

    @TempDir
    Path dir;

    @Test
    void bank_statement_file_is_imported_and_a_refusal_exits_with_1() throws Exception {
        Path file = Files.writeString(dir.resolve("s.sta"), ":20:X\n");
        BankStatements statements = mock(BankStatements.class);
        when(statements.importStatement(any(InputStream.class), any(Caller.class)))
                .thenReturn(
                        new BankStatementResult(7, List.of(7L), 1, 1, 1, 0, 0, 0, 0, 0, BigDecimal.ZERO, List.of()));
        ImportCommand command = new ImportCommand(mock(Imports.class), statements);

        command.run(new DefaultApplicationArguments("bank-statement", file.toString()));

        assertThat(command.getExitCode()).isZero();
        verify(statements).importStatement(any(InputStream.class), any(Caller.class));

        when(statements.importStatement(any(InputStream.class), any(Caller.class)))
                .thenThrow(ProblemException.ruleViolation("bad", List.of(Violation.line(3, ":61:", "no amount"))));
        ImportCommand refused = new ImportCommand(mock(Imports.class), statements);
        refused.run(new DefaultApplicationArguments("bank-statement", file.toString()));
        assertThat(refused.getExitCode()).isEqualTo(ImportCommand.REJECTED);
    }

    @Test
    void a_missing_file_is_a_usage_error() throws Exception {
        ImportCommand command = new ImportCommand(mock(Imports.class), mock(BankStatements.class));
        command.run(new DefaultApplicationArguments(
                "bank-statement", dir.resolve("none.xml").toString()));
        assertThat(command.getExitCode()).isEqualTo(ImportCommand.USAGE);
    }
}

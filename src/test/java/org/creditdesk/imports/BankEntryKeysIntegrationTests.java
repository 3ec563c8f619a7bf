package org.creditdesk.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V181: a bank entry's statement is checked once per insert statement instead of by a foreign key per entry, with the
 * key's guarantees. Every write here runs in a rolled-back transaction.
 */
@SpringBootTest
class BankEntryKeysIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void entries_of_an_existing_statement_are_written() {
        assertThat(inRolledBack(() -> {
                    long statement = statement();
                    return entries(List.of(statement, statement, statement));
                }))
                .isEqualTo(3);
    }

    @Test
    void a_statement_with_one_entry_of_an_unknown_bank_statement_is_refused_under_the_keys_name() {
        assertThatThrownBy(() -> inRolledBack(() -> entries(List.of(statement(), -1L))))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("bank_entry_statement_id_fkey")
                .hasMessageContaining("Key (statement_id)=(-1) is not present");
    }

    @Test
    void moving_an_entry_to_an_unknown_bank_statement_is_refused() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long statement = statement();
                    entries(List.of(statement));
                    return jdbc.sql("UPDATE bank_entry SET statement_id = -1 WHERE statement_id = :statement")
                            .param("statement", statement)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("bank_entry_statement_id_fkey");
    }

    @Test
    void a_bank_statement_with_entries_cannot_be_deleted() {
        assertThatThrownBy(() -> inRolledBack(() -> {
                    long statement = statement();
                    entries(List.of(statement));
                    return jdbc.sql("DELETE FROM bank_statement WHERE id = :statement")
                            .param("statement", statement)
                            .update();
                }))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("bank_entry_statement_id_fkey");
    }

    private long statement() {
        return jdbc.sql("""
                        INSERT INTO bank_statement (identity_key, format, statement_ref, account, entries, imported_by)
                        VALUES (:key, 'CAMT_053', 'KEYS', 'DE02120300000000202051', 1, 'test')
                        RETURNING id
                        """)
                .param("key", "keys-" + UUID.randomUUID())
                .query(Long.class)
                .single();
    }

    /** One statement writing an entry of 100 EUR for each bank statement given. */
    private int entries(List<Long> statements) {
        return jdbc.sql("""
                        INSERT INTO bank_entry (statement_id, entry_key, position, location, booked_on, amount, currency,
                                                credit, reversal, returned, bank_code, cheque, remittance, invoice_refs,
                                                outcome)
                        SELECT s, :prefix || n, n, 'Ntry[' || n || ']', DATE '2026-02-01', 100, 'EUR',
                               TRUE, FALSE, FALSE, 'PMNT-RCDT-ESCT', FALSE, 'keys', '{}', 'IGNORED'
                        FROM unnest(CAST(:statements AS bigint[])) WITH ORDINALITY AS u (s, n)
                        """)
                .param("prefix", "keys-" + UUID.randomUUID() + "-")
                .param("statements", statements.toArray(Long[]::new))
                .update();
    }

    private <T> T inRolledBack(Supplier<T> work) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }
}

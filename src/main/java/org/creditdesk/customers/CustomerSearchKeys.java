package org.creditdesk.customers;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the pinyin search keys in step with customer names: in the same transaction as a create or
 * change, for the changed rows of a customers import (one read, one write), and at start for rows
 * written before the keys existed or by other means.
 */
@Component
class CustomerSearchKeys {

    private static final Logger log = LoggerFactory.getLogger(CustomerSearchKeys.class);
    private static final int BATCH = 5_000;

    private final CustomerSearchKeyRepository repository;
    private final TransactionTemplate transactions;

    CustomerSearchKeys(CustomerSearchKeyRepository repository, TransactionTemplate transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @EventListener
    void on(CustomerRegistered registered) {
        write(repository.staleAmong(List.of(registered.customerId())));
    }

    @EventListener
    void on(CustomerChanged changed) {
        write(repository.staleAmong(List.of(changed.customerId())));
    }

    /**
     * Gives the changed rows of a customers import their keys before they are written, so each customer
     * row is written once (an UPDATE after the insert rewrote every row and its GIN index entries).
     */
    void keyImported() {
        List<CustomerSearchKeyRepository.UnkeyedName> names = repository.unkeyedInImport();
        if (names.isEmpty()) return;
        repository.keyImport(
                names, names.stream().map(n -> NamePinyin.of(n.name())).toList());
    }

    /** A safety net after the import's upsert: writes keys of any imported row still stale (none, normally). */
    void refreshImported() {
        write(repository.staleInImport());
    }

    /**
     * Loads ICU's Han-Latin rules beside the running application (seconds of one core), so the first
     * customer created or imported after a start does not wait for them: in the first customers import
     * of a fresh server they were most of the merge.
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadTransliterationRules() {
        Thread.ofVirtual().name("pinyin-rules").start(() -> NamePinyin.of("上海华大贸易 Müller"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void refreshAllStale() {
        int written = 0;
        while (true) {
            Integer batch = transactions.execute(status -> write(repository.staleAny(BATCH)));
            if (batch == null || batch == 0) break;
            written += batch;
        }
        if (written > 0) log.info("Pinyin search keys written for {} customers", written);
    }

    private int write(List<CustomerSearchKeyRepository.StaleName> names) {
        if (names.isEmpty()) return 0;
        repository.write(names, names.stream().map(n -> NamePinyin.of(n.name())).toList());
        return names.size();
    }
}

package org.creditdesk.customers;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Product lines are created on first use by an order or invoice and renamed later. */
@Service
public class ProductLines {

    private final ProductLineRepository repository;
    // Codes known to be stored and committed. Product lines are never deleted, so an order or invoice naming a
    // known line needs no insert (issue 14: one round trip less per order).
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    ProductLines(ProductLineRepository repository) {
        this.repository = repository;
    }

    public List<ProductLine> all() {
        return repository.findAll();
    }

    @Transactional
    public void ensureExist(Collection<String> codes) {
        List<String> unknown =
                codes.stream().filter(code -> !known.contains(code)).distinct().toList();
        if (unknown.isEmpty()) return;
        repository.insertMissing(unknown);
        // Only after the commit: a conflicting row may be this transaction's own, gone if it rolls back.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                known.addAll(unknown);
            }
        });
    }

    @Transactional
    public ProductLine rename(String code, String name) {
        ProductLine line = new ProductLine(code, name);
        repository.upsert(line);
        return line;
    }
}

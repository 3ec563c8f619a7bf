package org.creditdesk.customers;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Product lines are created on first use by an order or invoice and renamed later. */
@Service
public class ProductLines {

    private final ProductLineRepository repository;

    ProductLines(ProductLineRepository repository) {
        this.repository = repository;
    }

    public List<ProductLine> all() {
        return repository.findAll();
    }

    @Transactional
    public void ensureExist(Collection<String> codes) {
        repository.insertMissing(codes);
    }

    @Transactional
    public ProductLine rename(String code, String name) {
        ProductLine line = new ProductLine(code, name);
        repository.upsert(line);
        return line;
    }
}

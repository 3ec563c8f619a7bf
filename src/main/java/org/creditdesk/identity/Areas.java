package org.creditdesk.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Areas are created on first use (a customer or user naming a new area) and renamed later. */
@Service
public class Areas {

    private final AreaRepository repository;

    Areas(AreaRepository repository) {
        this.repository = repository;
    }

    public List<Area> all() {
        return repository.findAll();
    }

    @Transactional
    public void ensureExist(Collection<String> codes) {
        repository.insertMissing(codes);
    }

    @Transactional
    public Area rename(String code, String name) {
        Area area = new Area(code, name);
        repository.upsert(area);
        return area;
    }
}

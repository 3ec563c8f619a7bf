package org.creditdesk.customers;

import java.util.Currency;
import java.util.List;
import java.util.regex.Pattern;
import org.creditdesk.identity.Areas;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Set-based check and upsert of customers staged by a file import.
 *
 * <p>The staging table has a {@code line BIGINT} column and one {@code TEXT} column per CSV column
 * named after API.md's field in snake_case ({@code code}, {@code registration_no}, ...; NULL when
 * the file has no such column). {@code phones} and {@code bank_accounts} are lists separated by
 * {@code ;}, {@code people} a {@code ;}-separated list of {@code ROLE:name:idNo}. Like {@code PUT
 * /customers/{code}}, a row replaces the whole customer, its phones, bank accounts and people.
 * Methods must run inside the importer's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CustomerBulkLoad {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final CustomerBulkRepository repository;
    private final Areas areas;
    private final CustomerSearchKeys searchKeys;

    CustomerBulkLoad(CustomerBulkRepository repository, Areas areas, CustomerSearchKeys searchKeys) {
        this.repository = repository;
        this.areas = areas;
        this.searchKeys = searchKeys;
    }

    /** Records every problem of every staged row; an area-scoped importer may only touch its areas. */
    public void rejectInvalidCustomers(String staging, String rejections, String[] visibleAreas, String baseCurrency) {
        String[] known = Currency.getAvailableCurrencies().stream()
                .map(Currency::getCurrencyCode)
                .toArray(String[]::new);
        repository.rejectInvalid(table(staging), table(rejections), visibleAreas, baseCurrency, known);
    }

    /**
     * Creates the areas and sales reps named for the first time, then inserts new customers and
     * replaces changed ones. Returns how many were new or changed; identical rows are left alone.
     */
    public int mergeCustomers(String staging, String baseCurrency) {
        areas.ensureExist(repository.distinctAreas(table(staging)));
        repository.insertMissingSalesReps(staging);
        repository.prepare(table(staging), baseCurrency);
        searchKeys.keyImported();
        int changed = repository.upsert();
        searchKeys.refreshImported();
        return changed;
    }

    /**
     * The customers the merge inserted or changed, by id: those whose derived data (party keys) needs
     * rebuilding. The import's transaction holds their rows until it commits.
     */
    public List<Long> mergedCustomerIds() {
        return repository.changedIds();
    }

    private static String table(String name) {
        if (!TABLE_NAME.matcher(name).matches()) throw new IllegalArgumentException("Not a table name: " + name);
        return name;
    }
}

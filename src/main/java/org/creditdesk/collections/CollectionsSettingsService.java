package org.creditdesk.collections;

import java.math.BigDecimal;
import java.util.Set;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the collections settings (ADMIN, GENERAL_MANAGER, CREDIT_MANAGER); every change audited. */
@Service
class CollectionsSettingsService {

    private static final Set<Role> CHANGERS = Set.of(Role.ADMIN, Role.GENERAL_MANAGER, Role.CREDIT_MANAGER);

    private final SettingsRepository repository;
    private final AuditTrail audit;

    CollectionsSettingsService(SettingsRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    CollectionsSettings load() {
        return repository.load();
    }

    /** {@code PUT /settings/collections} as written: fields left out keep their value. */
    record Input(
            @Nullable BigDecimal chainThreshold,
            @Nullable Integer stallDays,
            @Nullable Integer serviceDueBusinessDays,
            @Nullable Integer newOverdueDays,
            @Nullable Integer brokenPromiseDays) {}

    @Transactional
    CollectionsSettings save(Input in, Caller caller) {
        CollectionsSettings before = repository.load();
        Fields f = new Fields();
        if (in.chainThreshold() != null
                && (in.chainThreshold().signum() < 0 || in.chainThreshold().scale() > 2)) {
            f.add("chainThreshold", "must be 0 or more with at most 2 decimals");
        }
        check(f, "stallDays", in.stallDays(), 365);
        check(f, "serviceDueBusinessDays", in.serviceDueBusinessDays(), 60);
        check(f, "newOverdueDays", in.newOverdueDays(), 60);
        check(f, "brokenPromiseDays", in.brokenPromiseDays(), 365);
        f.rejectIfAny();
        CollectionsSettings input = new CollectionsSettings(
                in.chainThreshold() == null ? before.chainThreshold() : in.chainThreshold(),
                in.stallDays() == null ? before.stallDays() : in.stallDays(),
                in.serviceDueBusinessDays() == null ? before.serviceDueBusinessDays() : in.serviceDueBusinessDays(),
                in.newOverdueDays() == null ? before.newOverdueDays() : in.newOverdueDays(),
                in.brokenPromiseDays() == null ? before.brokenPromiseDays() : in.brokenPromiseDays());
        if (caller.roles().stream().noneMatch(CHANGERS::contains)) {
            throw ProblemException.forbidden(
                            "Only ADMIN, GENERAL_MANAGER and CREDIT_MANAGER change collections settings")
                    .withKey("problem.text.onlyADMINGENERALMANAGERAndCREDITMANAGER");
        }
        repository.save(input, caller.username());
        audit.record(caller.username(), "COLLECTIONS_SETTINGS_CHANGED", "SETTINGS", "collections", before, input, null);
        return input;
    }

    private static void check(Fields f, String field, @Nullable Integer value, int max) {
        if (value != null && (value < 1 || value > max)) f.add(field, "must be between 1 and " + max);
    }
}

package org.creditdesk.shared;

import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes the letterhead (company settings); every change is audited with who and why. */
@Service
public class Letterheads {

    private final LetterheadRepository repository;
    private final AuditTrail audit;

    Letterheads(LetterheadRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Letterhead current() {
        return repository.load();
    }

    /** The caller's permission is checked by the caller (identity's controller, the demo). */
    @Transactional
    public Letterhead change(
            @Nullable String address,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String logo,
            String actor,
            String reason) {
        var violations = Letterhead.check(address, phone, email, logo);
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("Invalid letterhead", violations)
                    .withKey("problem.text.invalidLetterhead");
        Letterhead before = current();
        repository.save(address, phone, email, logo);
        Letterhead after = current();
        audit.record(
                actor, "LETTERHEAD_CHANGED", "SETTING", "letterhead", withoutLogo(before), withoutLogo(after), reason);
        return after;
    }

    /** The audit keeps whether a logo was set, not its bytes. */
    private static Letterhead withoutLogo(Letterhead letterhead) {
        return new Letterhead(
                letterhead.name(),
                letterhead.address(),
                letterhead.phone(),
                letterhead.email(),
                letterhead.logo() == null ? null : "(logo, " + letterhead.logo().length() + " characters)");
    }
}

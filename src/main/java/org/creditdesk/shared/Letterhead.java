package org.creditdesk.shared;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The seller as its letters present it: the company name (the company setting), address and contact
 * lines, and a logo as a {@code data:image/png;base64,...} or JPEG data URI. Empty lines are left out.
 */
public record Letterhead(
        String name,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String logo) {

    public static final int MAX_LOGO_LENGTH = 280_000;

    /** Everything wrong with the input, by field; empty when it may be saved. */
    public static List<Violation> check(
            @Nullable String address, @Nullable String phone, @Nullable String email, @Nullable String logo) {
        List<Violation> violations = new ArrayList<>();
        if (address != null && address.length() > 300)
            violations.add(Violation.field("address", "at most 300 characters"));
        if (phone != null && phone.length() > 60) violations.add(Violation.field("phone", "at most 60 characters"));
        if (email != null && (email.length() > 200 || !email.contains("@"))) {
            violations.add(Violation.field("email", "must be an e-mail address"));
        }
        if (logo != null
                && (logo.length() > MAX_LOGO_LENGTH || !logo.matches("data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+"))) {
            violations.add(Violation.field("logo", "must be a PNG or JPEG data URI of at most 200 KB"));
        }
        return violations;
    }

    /** The contact line under the address: phone and e-mail, those that are set. */
    public String contacts() {
        List<String> parts = new ArrayList<>(2);
        if (phone != null && !phone.isBlank()) parts.add(phone);
        if (email != null && !email.isBlank()) parts.add(email);
        return String.join(" · ", parts);
    }
}

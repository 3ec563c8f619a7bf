package org.creditdesk.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.creditdesk.shared.Violation;

/** What a new user must look like; every broken rule is reported at once, by field. */
final class NewUserRules {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern AREA_CODE = Pattern.compile("\\S{1,32}");

    private NewUserRules() {}

    static List<Violation> violations(NewUser user) {
        List<Violation> violations = new ArrayList<>();
        if (!USERNAME.matcher(user.username()).matches()) {
            violations.add(Violation.field(
                    "username", "must be 1 to 64 letters, digits or . _ @ - and start with a letter or digit"));
        }
        PasswordPolicy.problem(user.password(), user.username())
                .ifPresent(problem -> violations.add(Violation.field("password", problem)));
        if (user.displayName().isBlank()) {
            violations.add(Violation.field("displayName", "must not be blank"));
        }
        if (user.email() != null && !EMAIL.matcher(user.email()).matches()) {
            violations.add(Violation.field("email", "'%s' is not an e-mail address".formatted(user.email())));
        }
        if (user.roles().isEmpty()) {
            violations.add(Violation.field("roles", "must name at least one role"));
        }
        user.areas().stream()
                .filter(area -> !AREA_CODE.matcher(area).matches())
                .findFirst()
                .ifPresent(area -> violations.add(Violation.field(
                        "areas", "'%s' is not an area code (1 to 32 characters, no spaces)".formatted(area))));
        return violations;
    }
}

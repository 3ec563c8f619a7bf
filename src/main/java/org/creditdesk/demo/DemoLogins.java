package org.creditdesk.demo;

import java.util.List;
import org.creditdesk.demo.DemoUsersRepository.DemoUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** One demo login per role; the area-scoped roles see the East China customers only. */
@Component
class DemoLogins {

    static final String PASSWORD = "demo-credit-2026";
    static final String AREA = "EAST";
    static final String SUPERVISOR = "supervisor";

    static final List<Login> LOGINS = List.of(
            new Login("gm", "General Manager (demo)", "GENERAL_MANAGER", null),
            new Login("creditmanager", "Credit Manager (demo)", "CREDIT_MANAGER", null),
            new Login(SUPERVISOR, "Credit Supervisor (demo)", "CREDIT_SUPERVISOR", null),
            new Login("finance", "Finance (demo)", "FINANCE", null),
            new Login("collector", "Collector East (demo)", "COLLECTOR", AREA),
            new Login("salesmanager", "Sales Manager East (demo)", "SALES_MANAGER", AREA),
            new Login("salesrep", "Sales Rep East (demo)", "SALES_REP", AREA),
            new Login("lawyer", "Company Lawyer (demo)", "LEGAL", null),
            new Login("lawyer2", "Company Lawyer 2 (demo)", "LEGAL", null),
            new Login("service", "After-sales Service (demo)", "SERVICE", null),
            new Login("auditor", "Auditor (demo)", "AUDITOR", null));

    record Login(
            String username,
            String displayName,
            String role,
            @Nullable String area) {}

    private final DemoUsersRepository users;
    private final PortfolioLoader loader;

    DemoLogins(DemoUsersRepository users, PortfolioLoader loader) {
        this.users = users;
        this.loader = loader;
    }

    /** Creates the logins that do not exist yet and returns their usernames. */
    List<String> createMissing() {
        loader.nameAreasAndProductLines();
        BCryptPasswordEncoder encoder = new BCryptPasswordEncoder();
        List<String> created = users.createMissing(LOGINS.stream()
                .map(login -> new DemoUser(
                        login.username(), login.displayName(), login.role(), login.area(), encoder.encode(PASSWORD)))
                .toList());
        // The supervisor watches every area: the ladder's area-scoped tasks of levels 1 and 2 reach him.
        if (created.contains(SUPERVISOR)) {
            users.assignAreas(
                    SUPERVISOR,
                    Geography.AREAS.stream().map(Geography.Area::code).toList());
        }
        return created;
    }

    String describe() {
        StringBuilder text = new StringBuilder("Logins (password " + PASSWORD + "):\n");
        for (Login login : LOGINS) {
            String areas = login.area() != null
                    ? login.area()
                    : login.username().equals(SUPERVISOR) ? "responsible in every area" : "all areas";
            text.append("  %-14s %-18s %s%n".formatted(login.username(), login.role(), areas));
        }
        return text.append("  admin          ADMIN              password from CREDITDESK_ADMIN_PASSWORD,"
                        + " or the one printed at first start\n")
                .toString();
    }
}

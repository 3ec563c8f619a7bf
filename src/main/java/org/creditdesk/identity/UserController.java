package org.creditdesk.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.web.Locations;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/users")
class UserController {

    /** Roles arrive as text so that an unknown role is reported on the {@code roles} field. */
    record UserRequest(
            @Nullable String username,
            @Nullable String password,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable List<@Nullable String> roles,
            @Nullable List<@Nullable String> areas) {}

    /**
     * The signed-in user. {@code areas} are the areas the user is confined to, empty when the user
     * sees every area (always so for roles that are not area-scoped).
     */
    record Me(String username, String displayName, List<Role> roles, List<String> areas, boolean seesAllAreas) {}

    private final Users users;
    private final Callers callers;

    UserController(Users users, Callers callers) {
        this.users = users;
        this.callers = callers;
    }

    @PostMapping
    ResponseEntity<User> create(@RequestBody UserRequest request) {
        requireAdmin();
        return switch (users.create(toNewUser(request))) {
            case UserCreation.Created(User user) ->
                ResponseEntity.created(Locations.of("/api/v1/users/{username}", user.username()))
                        .body(user);
            case UserCreation.Unchanged(User user) -> ResponseEntity.ok(user);
        };
    }

    @GetMapping
    List<User> all() {
        requireAdmin();
        return users.all();
    }

    @GetMapping("/me")
    Me me(@AuthenticationPrincipal @Nullable SignedInUser user) {
        Caller caller = user != null ? user.caller() : callers.current();
        return new Me(
                caller.username(),
                user != null ? user.displayName() : caller.username(),
                caller.roles().stream().sorted().toList(),
                caller.areas().stream().sorted().toList(),
                caller.seesAllAreas());
    }

    @GetMapping("/{username}")
    User one(@PathVariable String username) {
        requireAdmin();
        return users.find(username)
                .orElseThrow(() -> ProblemException.notFound("No user '%s'".formatted(username))
                        .withKey("problem.text.noUser", username));
    }

    private void requireAdmin() {
        if (!callers.current().has(Role.ADMIN)) {
            throw ProblemException.forbidden("Only administrators manage users")
                    .withKey("problem.text.onlyAdministratorsManageUsers");
        }
    }

    private static NewUser toNewUser(UserRequest request) {
        List<Violation> violations = new ArrayList<>();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : Objects.requireNonNullElse(request.roles(), List.<@Nullable String>of())) {
            Role role = roleNamed(name);
            if (role == null) {
                violations.add(Violation.field(
                        "roles",
                        "'%s' is not a role; roles are %s"
                                .formatted(
                                        name,
                                        Arrays.stream(Role.values())
                                                .map(Role::name)
                                                .collect(Collectors.joining(", ")))));
            } else {
                roles.add(role);
            }
        }
        Set<String> areas = new LinkedHashSet<>();
        for (String area : Objects.requireNonNullElse(request.areas(), List.<@Nullable String>of())) {
            if (area == null) {
                violations.add(Violation.field("areas", "must not contain null"));
            } else {
                areas.add(area);
            }
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email();
        NewUser user = new NewUser(
                Objects.requireNonNullElse(request.username(), ""),
                Objects.requireNonNullElse(request.password(), ""),
                Objects.requireNonNullElse(request.displayName(), ""),
                email,
                roles,
                areas);
        if (violations.isEmpty()) {
            return user;
        }
        // Report the other fields too, but not a second complaint about roles that are all unknown.
        NewUserRules.violations(user).stream()
                .filter(v -> !"roles".equals(v.field()))
                .forEach(violations::add);
        throw ProblemException.malformed("The user has invalid fields", violations)
                .withKey("problem.text.theUserHasInvalidFields");
    }

    private static @Nullable Role roleNamed(@Nullable String name) {
        return Arrays.stream(Role.values())
                .filter(role -> role.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}

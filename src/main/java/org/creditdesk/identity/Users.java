package org.creditdesk.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.creditdesk.identity.UserRepository.StoredUser;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and lists CreditDesk users. Creation is idempotent by username, so the demo loader and
 * scripts may send the same users again; the same username with other details is a conflict.
 */
@Service
public class Users {

    private final UserRepository repository;
    private final Areas areas;
    private final PasswordEncoder passwordEncoder;

    Users(UserRepository repository, Areas areas, PasswordEncoder passwordEncoder) {
        this.repository = repository;
        this.areas = areas;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * @throws ProblemException malformed (400) naming each invalid field, or conflict (409) when
     *     the username belongs to a user with other details
     */
    @Transactional
    public UserCreation create(NewUser user) {
        List<Violation> violations = NewUserRules.violations(user);
        if (!violations.isEmpty()) {
            throw ProblemException.malformed("The user has invalid fields", violations)
                    .withKey("problem.text.theUserHasInvalidFields");
        }
        Optional<StoredUser> existing = repository.find(user.username());
        if (existing.isEmpty()) {
            areas.ensureExist(user.areas());
            if (repository.insertIfAbsent(user, passwordEncoder.encode(user.password()))) {
                return new UserCreation.Created(require(user.username()));
            }
            // Another request created the same username between our read and our insert.
            existing = repository.find(user.username());
        }
        StoredUser stored = existing.orElseThrow();
        if (!sameUser(stored, user)) {
            throw ProblemException.conflict("User '%s' already exists with other details".formatted(user.username()))
                    .withKey("problem.text.userAlreadyExistsWithOtherDetails", user.username());
        }
        return new UserCreation.Unchanged(stored.user());
    }

    public List<User> all() {
        return repository.findAll();
    }

    public Optional<User> find(String username) {
        return repository.find(username).map(StoredUser::user);
    }

    private User require(String username) {
        return find(username).orElseThrow(() -> new IllegalStateException("user " + username + " vanished"));
    }

    private boolean sameUser(StoredUser stored, NewUser wanted) {
        User user = stored.user();
        return user.displayName().equals(wanted.displayName())
                && Objects.equals(user.email(), wanted.email())
                && new HashSet<>(user.roles()).equals(wanted.roles())
                && new HashSet<>(user.areas()).equals(wanted.areas())
                && passwordEncoder.matches(wanted.password(), stored.passwordHash());
    }
}

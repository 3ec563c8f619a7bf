package org.creditdesk.identity;

import java.security.SecureRandom;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first user of an empty database: {@code admin}, with the password from
 * {@code CREDITDESK_ADMIN_PASSWORD} or a generated one shown once on the console. It runs before
 * the server takes requests and before any command, and does nothing once any user exists.
 */
@Component
class AdminBootstrap implements SmartInitializingSingleton {

    static final String ADMIN_USERNAME = "admin";

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    // Without look-alikes (0/O, 1/l/I) so the printed password can be typed from the screen.
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserRepository repository;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate transaction;
    private final String configuredPassword;

    AdminBootstrap(
            UserRepository repository,
            PasswordEncoder passwordEncoder,
            TransactionTemplate transaction,
            @Value("${creditdesk.admin-password:}") String configuredPassword) {
        this.repository = repository;
        this.passwordEncoder = passwordEncoder;
        this.transaction = transaction;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (repository.anyUser()) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        PasswordPolicy.problem(password, ADMIN_USERNAME).ifPresent(problem -> {
            throw new IllegalStateException("CREDITDESK_ADMIN_PASSWORD " + problem);
        });
        NewUser admin = new NewUser(ADMIN_USERNAME, password, "Administrator", null, Set.of(Role.ADMIN), Set.of());
        String hash = passwordEncoder.encode(password);
        Boolean created = transaction.execute(status -> repository.insertIfNoUsers(admin, hash));
        if (!Boolean.TRUE.equals(created)) {
            return;
        }
        if (generated) {
            announce(password);
        } else {
            log.info("Created the user '{}' with the password from CREDITDESK_ADMIN_PASSWORD", ADMIN_USERNAME);
        }
    }

    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    // On standard output, not only in the log: the log level may hide it and this is shown once.
    private static void announce(String password) {
        String banner = "=".repeat(72);
        System.out.println();
        System.out.println(banner);
        System.out.println(" CreditDesk created the first user.");
        System.out.println("   username: " + ADMIN_USERNAME);
        System.out.println("   password: " + password);
        System.out.println(" Keep it now: it is shown only this once. To choose the password");
        System.out.println(" instead, set CREDITDESK_ADMIN_PASSWORD before the first start.");
        System.out.println(banner);
        System.out.println();
        System.out.flush();
    }
}

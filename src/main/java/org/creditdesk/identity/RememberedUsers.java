package org.creditdesk.identity;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.creditdesk.identity.UserRepository.StoredUser;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The users signing in, remembered for a short while: API clients send HTTP Basic credentials with every
 * request, and reading the user with its roles and areas each time was a round trip per request (issue 14).
 * Holds the stored user (its password <em>hash</em>, never a password); whether a password matched that hash
 * is remembered by {@link RememberingPasswordEncoder} under an HMAC, only for matches.
 *
 * <p>Any change of a user, its roles or areas, by the application or by hand in SQL, makes PostgreSQL notify
 * at commit (V143); a thread listening on its own connection then forgets every remembered user, so a
 * changed password, a disabled user or changed roles and areas take effect as soon as the notification
 * arrives. While that thread is not listening (starting, connection lost) nothing is remembered. A user read
 * while a change came in is not kept (generation check), and every entry expires after the configured time
 * anyway ({@code creditdesk.security.remember-users}, default 30 s; 0 turns remembering off).
 */
@Component
class RememberedUsers implements DisposableBean {

    static final String CHANNEL = "creditdesk_user_changed";
    private static final Logger log = LoggerFactory.getLogger(RememberedUsers.class);
    private static final int MAX_REMEMBERED = 10_000;

    private record Remembered(StoredUser user, long until) {}

    private final Map<String, Remembered> users = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicBoolean started = new AtomicBoolean();
    private final DataSource dataSource;
    private final long rememberNanos;
    private volatile boolean listening;
    private volatile boolean closed;
    private volatile Thread listener;

    RememberedUsers(DataSource dataSource, @Value("${creditdesk.security.remember-users:30s}") Duration remember) {
        this.dataSource = dataSource;
        this.rememberNanos = remember.toNanos();
    }

    /** The user as stored, from memory when remembered and still valid, else from {@code read}. */
    Optional<StoredUser> find(String username, Supplier<Optional<StoredUser>> read) {
        if (rememberNanos <= 0) return read.get();
        startListening();
        long now = System.nanoTime();
        Remembered remembered = users.get(username);
        if (listening && remembered != null && remembered.until() - now > 0) return Optional.of(remembered.user());
        long before = generation.get();
        Optional<StoredUser> user = read.get();
        if (user.isPresent() && listening && generation.get() == before) {
            if (users.size() >= MAX_REMEMBERED) users.clear();
            users.put(username, new Remembered(user.get(), now + rememberNanos));
            // A change that came in meanwhile may have cleared before the put: then drop it again.
            if (generation.get() != before) users.remove(username);
        }
        return user;
    }

    /**
     * Forgets the user this application has just changed, without waiting for the notification, which arrives
     * a moment later on another thread: the user's next request must see the change. Inside a transaction it
     * forgets after the commit, so that no request re-remembers the old row in between.
     */
    void forgetChanged(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget(username);
                }
            });
        } else {
            forget(username);
        }
    }

    private void forget(String username) {
        generation.incrementAndGet();
        users.remove(username);
    }

    /** Forgets every remembered user (a user, role or area changed). */
    void forgetAll() {
        generation.incrementAndGet();
        users.clear();
    }

    /** How many changes were seen so far; tests wait for it to move. */
    long generation() {
        return generation.get();
    }

    private void startListening() {
        if (!started.compareAndSet(false, true)) return;
        Thread thread = new Thread(this::listen, "user-changes");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    private void listen() {
        while (!closed) {
            try (Connection connection = openConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                forgetAll();
                listening = true;
                while (!closed) {
                    var notifications = pg.getNotifications(1_000);
                    if (notifications != null && notifications.length > 0) forgetAll();
                    // A broken connection must not go unnoticed while no change comes in.
                    if (notifications == null || notifications.length == 0) statement.execute("SELECT 1");
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) return;
                log.warn(
                        "Not listening for user changes ({}); users are not remembered until it listens again",
                        e.toString());
            } finally {
                listening = false;
                forgetAll();
            }
            sleep(2_000);
        }
    }

    /** Its own connection where possible, so the pool keeps all of its connections for requests. */
    private Connection openConnection() throws SQLException {
        Connection connection = dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                ? DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword())
                : dataSource.getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void destroy() {
        closed = true;
        listening = false;
        Thread thread = listener;
        if (thread != null) thread.interrupt();
    }
}

package org.creditdesk.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Brute-force protection of the sign-in ({@code creditdesk.sign-in.*}): after {@code userFailures}
 * failed sign-ins in a row for one username, or {@code addressFailures} from one source address, that
 * username or address is refused (429 with Retry-After) for {@code firstLockout}, doubling with each
 * further failure up to {@code maxLockout}; failures older than {@code forgetAfter} no longer count.
 */
@ConfigurationProperties("creditdesk.sign-in")
record SignInSettings(
        @DefaultValue("5") int userFailures,
        @DefaultValue("20") int addressFailures,
        @DefaultValue("5s") Duration firstLockout,
        @DefaultValue("15m") Duration maxLockout,
        @DefaultValue("15m") Duration forgetAfter) {}

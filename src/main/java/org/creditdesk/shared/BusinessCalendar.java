package org.creditdesk.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Business dates and company settings. "Today" is the injected clock's date in the company's time
 * zone, so every rule that defaults {@code asOf} to today can be replayed for any day in tests.
 */
@Component
public class BusinessCalendar {

    private final Clock clock;
    private final CompanySettingsRepository settings;

    BusinessCalendar(Clock clock, CompanySettingsRepository settings) {
        this.clock = clock;
        this.settings = settings;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(settings.load().timeZone()));
    }

    /** The requested business date, or today when the caller gave none. */
    public LocalDate asOfOrToday(@Nullable LocalDate asOf) {
        return asOf != null ? asOf : today();
    }

    public Clock clock() {
        return clock;
    }

    public CompanySettings settings() {
        return settings.load();
    }

    public Currency baseCurrency() {
        return settings.load().baseCurrency();
    }

    public CompanySettings update(String name, Currency baseCurrency, ZoneId timeZone) {
        return settings.save(new CompanySettings(name, baseCurrency, timeZone));
    }
}

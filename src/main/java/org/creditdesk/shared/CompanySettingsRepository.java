package org.creditdesk.shared;

import java.time.ZoneId;
import java.util.Currency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CompanySettingsRepository {

    private static final String LOAD = """
            SELECT name, base_currency, time_zone FROM company_settings WHERE id = 1
            """;
    private static final String SAVE = """
            UPDATE company_settings SET name = :name, base_currency = :currency, time_zone = :zone WHERE id = 1
            """;

    private static final String ENABLED_CURRENCIES =
            "SELECT array_to_string(enabled_currencies, ',') || ',' || base_currency FROM company_settings WHERE id = 1";
    private static final String SAVE_ENABLED_CURRENCIES =
            "UPDATE company_settings SET enabled_currencies = :codes WHERE id = 1";

    private final JdbcClient jdbc;

    CompanySettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    CompanySettings load() {
        return jdbc.sql(LOAD)
                .query((rs, n) -> new CompanySettings(
                        rs.getString("name"),
                        Currency.getInstance(rs.getString("base_currency")),
                        ZoneId.of(rs.getString("time_zone"))))
                .single();
    }

    CompanySettings save(CompanySettings settings) {
        jdbc.sql(SAVE)
                .param("name", settings.name())
                .param("currency", settings.baseCurrency().getCurrencyCode())
                .param("zone", settings.timeZone().getId())
                .update();
        return settings;
    }

    /** The enabled currencies and the base currency, comma-separated (V111). */
    String enabledCurrencies() {
        return jdbc.sql(ENABLED_CURRENCIES).query(String.class).single();
    }

    void saveEnabledCurrencies(String[] codes) {
        jdbc.sql(SAVE_ENABLED_CURRENCIES).param("codes", codes).update();
    }
}

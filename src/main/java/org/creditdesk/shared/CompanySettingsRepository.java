package org.creditdesk.shared;

import java.time.ZoneId;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The company settings, read at most once per HTTP request (issue 14): the settings with the enabled currencies
 * in one statement, kept in the request's attributes until the request ends or a save here changes them.
 * Outside a request (scheduled daily runs, other background threads) every call reads. Spring's test support binds
 * a mock request to each test method of a web context, so there a test method is one request.
 */
@Repository
class CompanySettingsRepository {

    private static final String LOAD = """
            SELECT name, base_currency, time_zone,
                   array_to_string(enabled_currencies, ',') || ',' || base_currency AS enabled_currencies
            FROM company_settings WHERE id = 1
            """;
    private static final String REQUEST_ATTRIBUTE = CompanySettingsRepository.class.getName() + ".row";
    private static final String SAVE = """
            UPDATE company_settings SET name = :name, base_currency = :currency, time_zone = :zone WHERE id = 1
            """;

    private static final String SAVE_ENABLED_CURRENCIES =
            "UPDATE company_settings SET enabled_currencies = :codes WHERE id = 1";

    private final JdbcClient jdbc;

    CompanySettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(CompanySettings settings, String enabledCurrencies) {}

    CompanySettings load() {
        return row().settings();
    }

    private Row row() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null
                && request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Row row)
            return row;
        Row row = jdbc.sql(LOAD)
                .query((rs, n) -> new Row(
                        new CompanySettings(
                                rs.getString("name"),
                                Currency.getInstance(rs.getString("base_currency")),
                                ZoneId.of(rs.getString("time_zone"))),
                        rs.getString("enabled_currencies")))
                .single();
        if (request != null) request.setAttribute(REQUEST_ATTRIBUTE, row, RequestAttributes.SCOPE_REQUEST);
        return row;
    }

    /** After a change the request reads the settings again. */
    private static void forget() {
        @Nullable RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) request.removeAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
    }

    CompanySettings save(CompanySettings settings) {
        jdbc.sql(SAVE)
                .param("name", settings.name())
                .param("currency", settings.baseCurrency().getCurrencyCode())
                .param("zone", settings.timeZone().getId())
                .update();
        forget();
        return settings;
    }

    /** The enabled currencies and the base currency, comma-separated (V111). */
    String enabledCurrencies() {
        return row().enabledCurrencies();
    }

    void saveEnabledCurrencies(String[] codes) {
        jdbc.sql(SAVE_ENABLED_CURRENCIES).param("codes", codes).update();
        forget();
    }
}

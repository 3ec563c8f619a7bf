package org.creditdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The company settings are read at most once per HTTP request (issue 14): a request keeps what it read, a
 * change made through the application in the same request is seen at once, the next request reads again, and
 * outside a request every call reads.
 */
@SpringBootTest
class CompanySettingsPerRequestTests {

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    EnabledCurrencies currencies;

    @Autowired
    JdbcClient jdbc;

    String originalName;

    @AfterEach
    void restore() {
        RequestContextHolder.resetRequestAttributes();
        if (originalName != null)
            jdbc.sql("UPDATE company_settings SET name = :name WHERE id = 1")
                    .param("name", originalName)
                    .update();
    }

    @Test
    void a_request_reads_the_settings_once_and_sees_its_own_changes() {
        originalName = calendar.settings().name();
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        CompanySettings first = calendar.settings();
        currencies.codes();

        renameBehindTheApplication("Renamed behind the request's back");
        assertThat(calendar.settings().name()).as("read once per request").isEqualTo(first.name());

        calendar.update("Renamed by the request", first.baseCurrency(), first.timeZone());
        assertThat(calendar.settings().name()).isEqualTo("Renamed by the request");
        assertThat(currencies.codes()).contains(first.baseCurrency().getCurrencyCode());

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        renameBehindTheApplication("Renamed between requests");
        assertThat(calendar.settings().name())
                .as("the next request reads again")
                .isEqualTo("Renamed between requests");
    }

    @Test
    void outside_a_request_every_call_reads() {
        // Spring's test support binds a mock request to every test method of a web context: unbind it.
        RequestContextHolder.resetRequestAttributes();
        originalName = calendar.settings().name();
        renameBehindTheApplication("Renamed outside a request");
        assertThat(calendar.settings().name()).isEqualTo("Renamed outside a request");
    }

    private void renameBehindTheApplication(String name) {
        jdbc.sql("UPDATE company_settings SET name = :name WHERE id = 1")
                .param("name", name)
                .update();
    }
}

package org.creditdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ResponseEntity;

/** A transaction PostgreSQL rolled back because another writer met it is a 409 to send again, never a 500. */
class ConcurrentChangeProblemTests {

    private final ResourceBundleMessageSource bundles = bundles();
    private final ProblemHandling handling = new ProblemHandling(bundles, new ProblemTexts(bundles));

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void a_deadlock_broken_by_the_database_is_a_conflict_to_send_again() {
        ResponseEntity<Object> answer = handling.concurrentChange(
                new PessimisticLockingFailureException("ERROR: deadlock detected (SQLState 40P01)"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(answer.getBody()))
                .contains("nothing was stored, send the request again")
                .doesNotContain("40P01");
    }

    @Test
    void a_lock_that_could_not_be_taken_says_so_in_chinese_for_a_chinese_user() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);

        ResponseEntity<Object> answer =
                handling.concurrentChange(new CannotAcquireLockException("lock timeout (SQLState 55P03)"));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(String.valueOf(answer.getBody())).contains("请重新发送请求");
    }
}

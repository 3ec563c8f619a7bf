package org.creditdesk.shared.web;

import java.util.List;
import java.util.Locale;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A refusal's detail in the caller's language (the locale resolved for the request: the user's
 * preference, else Accept-Language). English is the default and is the detail exactly as the code wrote
 * it; another language reads the detail's bundle key ({@link ProblemException#withKey}) and falls back to
 * the English when the key or its translation is missing. A violation that repeats the detail (the
 * {@code ruleViolation(field, message)} shape) is translated with it. A text written without a key (most
 * fields' and lines' reasons) is recognised by the English bundle text it follows ({@link ReasonCatalogue}).
 *
 * <p>Pages build their refusals with the static {@link PageRefusal#of}; it reads the texts through the
 * instance this component registers when the application starts.
 */
@Component
public class ProblemTexts {

    private static volatile @Nullable ProblemTexts current;

    private final MessageSource texts;
    // Built on the first refusal shown in another language than English, not at start-up.
    private volatile @Nullable ReasonCatalogue reasons;

    ProblemTexts(MessageSource texts) {
        this.texts = texts;
        current = this;
    }

    static @Nullable ProblemTexts current() {
        return current;
    }

    /** The detail in the request's language. */
    public String detail(ProblemException e) {
        return detail(e, LocaleContextHolder.getLocale());
    }

    public String detail(ProblemException e, Locale locale) {
        String english = String.valueOf(e.getMessage());
        String key = e.key();
        if (isEnglish(locale)) return english;
        if (key == null) return text(english, locale);
        String text = texts.getMessage(key, e.args(), english, locale);
        return text == null ? english : text;
    }

    /** The violations in the request's language: those repeating the detail with it, the others by their text. */
    public List<Violation> violations(ProblemException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (isEnglish(locale)) return e.violations();
        String english = String.valueOf(e.getMessage());
        String translated = detail(e, locale);
        return e.violations().stream()
                .map(v -> english.equals(v.message())
                        ? new Violation(v.field(), v.line(), translated)
                        : new Violation(v.field(), v.line(), text(v.message(), locale)))
                .toList();
    }

    /** Reasons written without a key (binding and parsing errors) in the request's language. */
    public List<Violation> violations(List<Violation> violations) {
        Locale locale = LocaleContextHolder.getLocale();
        if (isEnglish(locale)) return violations;
        return violations.stream()
                .map(v -> new Violation(v.field(), v.line(), text(v.message(), locale)))
                .toList();
    }

    /** An English text written without a key, in the locale's language when a bundle text it follows is known. */
    public String text(String english, Locale locale) {
        if (isEnglish(locale)) return english;
        return reasons()
                .recognise(english)
                .map(r -> texts.getMessage(r.key(), r.args(), english, locale))
                .orElse(english);
    }

    private static boolean isEnglish(Locale locale) {
        return locale.getLanguage().isEmpty() || locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    private ReasonCatalogue reasons() {
        ReasonCatalogue catalogue = reasons;
        if (catalogue == null) {
            catalogue = ReasonCatalogue.fromBundle("messages.properties");
            reasons = catalogue;
        }
        return catalogue;
    }
}

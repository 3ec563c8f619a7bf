package org.creditdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: the one chosen in the top bar during this session, else the signed-in
 * user's stored choice, else the browser's {@code Accept-Language}, else English. The API is
 * stateless, so there it is the user's stored choice or the header.
 */
class UserLocaleResolver implements LocaleResolver {

    static final String SESSION_ATTRIBUTE = UserLocaleResolver.class.getName() + ".language";

    private final UserRepository users;

    UserLocaleResolver(UserRepository users) {
        this.users = users;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return chosenInSession(request)
                .or(UserLocaleResolver::chosenBySignedInUser)
                .orElseGet(() -> InterfaceLanguage.fromAcceptLanguage(request.getHeader("Accept-Language")))
                .locale;
    }

    /** Remembers the choice in the session and, for a signed-in user, in the user's record. */
    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        InterfaceLanguage language = locale == null
                ? InterfaceLanguage.EN
                : InterfaceLanguage.ofTag(locale.toLanguageTag()).orElse(InterfaceLanguage.EN);
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, language);
        signedInUser().ifPresent(user -> users.setLocale(user.getUsername(), language.tag));
    }

    private static Optional<InterfaceLanguage> chosenInSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof InterfaceLanguage language
                ? Optional.of(language)
                : Optional.empty();
    }

    private static Optional<InterfaceLanguage> chosenBySignedInUser() {
        return signedInUser().flatMap(user -> InterfaceLanguage.ofTag(user.locale()));
    }

    private static Optional<SignedInUser> signedInUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user
                ? Optional.of(user)
                : Optional.empty();
    }
}

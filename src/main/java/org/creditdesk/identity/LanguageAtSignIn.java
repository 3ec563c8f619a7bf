package org.creditdesk.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** A language chosen on the login page becomes the user's stored choice when the user signs in. */
@Component
class LanguageAtSignIn {

    private final UserRepository users;

    LanguageAtSignIn(UserRepository users) {
        this.users = users;
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent signedIn) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) return;
        HttpSession session = servlet.getRequest().getSession(false);
        if (session != null
                && session.getAttribute(UserLocaleResolver.SESSION_ATTRIBUTE) instanceof InterfaceLanguage language) {
            users.setLocale(signedIn.getAuthentication().getName(), language.tag);
        }
    }
}

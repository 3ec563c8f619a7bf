package org.creditdesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language switch in the top bar: stores the choice (for the session, and for a signed-in user
 * in the user's record, so that it follows the user to the next sign-in) and goes back to the page.
 */
@Controller
class LanguageController {

    private final LocaleResolver locales;

    LanguageController(LocaleResolver locales) {
        this.locales = locales;
    }

    @PostMapping("/profile/language")
    String choose(
            @RequestParam("language") String tag,
            @RequestParam(name = "back", required = false) @Nullable String back,
            HttpServletRequest request,
            HttpServletResponse response) {
        InterfaceLanguage language = InterfaceLanguage.ofTag(tag).orElse(InterfaceLanguage.EN);
        locales.setLocale(request, response, language.locale);
        return "redirect:" + localPath(back != null ? back : request.getHeader("Referer"));
    }

    /** Only a path on this server (never another site), else the start page. */
    static String localPath(@Nullable String target) {
        if (target == null || target.isBlank()) return "/";
        try {
            URI uri = URI.create(target.strip());
            String path = uri.getRawPath();
            if (path == null || !path.startsWith("/") || path.startsWith("//")) return "/";
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        } catch (IllegalArgumentException malformed) {
            return "/";
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Locales {

        @Bean(name = "localeResolver")
        LocaleResolver localeResolver(UserRepository users) {
            return new UserLocaleResolver(users);
        }
    }
}

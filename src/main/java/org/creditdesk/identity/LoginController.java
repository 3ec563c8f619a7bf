package org.creditdesk.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the start page ({@code /}) is the reporting module's home dashboard. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}

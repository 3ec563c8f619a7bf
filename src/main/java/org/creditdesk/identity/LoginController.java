package org.creditdesk.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and the start page every signed-in user lands on. */
@Controller
class LoginController {

    private final Callers callers;

    LoginController(Callers callers) {
        this.callers = callers;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** Collectors start on their worklist, after-sales service on its case queue, everyone else on the customers. */
    @GetMapping("/")
    String home() {
        Caller caller = callers.current();
        if (caller.has(Role.COLLECTOR)) return "redirect:/collections/worklist";
        if (caller.has(Role.SERVICE)) return "redirect:/collections/service";
        return "redirect:/customers";
    }
}

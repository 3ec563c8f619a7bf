package org.creditdesk.risk;

import java.util.List;
import org.creditdesk.identity.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/risk/alerts")
class AlertController {

    private final Alerts alerts;
    private final Callers callers;

    AlertController(Alerts alerts, Callers callers) {
        this.alerts = alerts;
        this.callers = callers;
    }

    @GetMapping
    List<Alert> after(
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "" + Alerts.DEFAULT_LIMIT) int limit) {
        return alerts.after(after, limit, callers.current());
    }
}

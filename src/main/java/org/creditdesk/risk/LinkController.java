package org.creditdesk.risk;

import java.util.List;
import org.creditdesk.identity.Callers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{code}/links")
class LinkController {

    private final Links links;
    private final Callers callers;

    LinkController(Links links, Callers callers) {
        this.links = links;
        this.callers = callers;
    }

    @GetMapping
    List<Link> links(@PathVariable String code) {
        return links.of(code, callers.current());
    }

    @PostMapping("/clear")
    LinkCleared clear(@PathVariable String code, @RequestBody LinkClear input) {
        return links.clear(code, input, callers.current());
    }
}

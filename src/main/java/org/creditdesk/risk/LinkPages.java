package org.creditdesk.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer page's link graph: a server-rendered SVG, the customer in the middle, links around it,
 * and the table of links where a credit manager clears a blocking one with a reason.
 */
@Controller
class LinkPages {

    static final int SIZE = 360;
    static final int CENTRE = SIZE / 2;
    static final int RADIUS = 130;

    /** One linked customer on the circle, with what it shares. */
    record Node(String code, String state, boolean blocking, String shares, int x, int y) {}

    private final Links links;
    private final Callers callers;

    LinkPages(Links links, Callers callers) {
        this.links = links;
        this.callers = callers;
    }

    @GetMapping("/customers/{code}/fragments/links")
    String graph(@PathVariable String code, Model model) {
        Caller caller = callers.current();
        List<Link> all = links.of(code, caller);
        model.addAttribute("code", code);
        model.addAttribute("links", all);
        model.addAttribute("nodes", nodes(all));
        model.addAttribute("size", SIZE);
        model.addAttribute("centre", CENTRE);
        model.addAttribute("mayClear", caller.has(Role.CREDIT_MANAGER));
        return "risk/links :: links";
    }

    @PostMapping("/customers/{code}/fragments/links/clear")
    String clear(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String linkedCustomerCode,
            @RequestParam(required = false) @Nullable String reason,
            Model model) {
        try {
            LinkCleared cleared = links.clear(code, new LinkClear(linkedCustomerCode, reason), callers.current());
            model.addAttribute("cleared", cleared);
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
        }
        return graph(code, model);
    }

    static List<Node> nodes(List<Link> links) {
        Map<String, List<Link>> byCustomer = links.stream()
                .collect(Collectors.groupingBy(
                        link -> java.util.Objects.requireNonNullElse(link.customerCode(), ""),
                        LinkedHashMap::new,
                        Collectors.toList()));
        List<Node> nodes = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, List<Link>> e : byCustomer.entrySet()) {
            double angle = 2 * Math.PI * i++ / byCustomer.size() - Math.PI / 2;
            Link first = e.getValue().getFirst();
            nodes.add(new Node(
                    e.getKey(),
                    first.outsideYourAreas()
                            ? "HIDDEN"
                            : java.util.Objects.requireNonNullElse(first.linkedCreditState(), ""),
                    e.getValue().stream().anyMatch(Link::blocking),
                    e.getValue().stream()
                            .map(l -> l.attribute().name())
                            .distinct()
                            .collect(Collectors.joining(", ")),
                    (int) Math.round(CENTRE + RADIUS * Math.cos(angle)),
                    (int) Math.round(CENTRE + RADIUS * Math.sin(angle))));
        }
        return nodes;
    }
}

package org.creditdesk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerQuery;
import org.creditdesk.customers.CustomerSummary;
import org.creditdesk.customers.Customers;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Area;
import org.creditdesk.identity.Areas;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.shared.ProblemException;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/** The customer list (full page, or only its results for htmx) and the customer page. */
@Controller
class CustomerPages {

    private final Customers customers;
    private final Areas areas;
    private final Callers callers;

    CustomerPages(Customers customers, Areas areas, Callers callers) {
        this.customers = customers;
        this.areas = areas;
        this.callers = callers;
    }

    @GetMapping("/customers")
    String list(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable CreditState creditState,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + CustomerQuery.DEFAULT_SIZE) int size,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmxRequest,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            HttpServletResponse response,
            Model model) {
        Caller caller = callers.current();
        CustomerQuery search = new CustomerQuery(query, area, null, creditState, page, size);
        Page<CustomerSummary> result = customers.search(search, caller);
        List<Area> visibleAreas =
                areas.all().stream().filter(a -> caller.sees(a.code())).toList();
        model.addAttribute("search", search);
        model.addAttribute("result", result);
        model.addAttribute("areas", visibleAreas);
        model.addAttribute("creditStates", CreditState.values());
        model.addAttribute("previousUrl", result.hasPrevious() ? pageUrl(search, page - 1) : null);
        model.addAttribute("nextUrl", result.hasNext() ? pageUrl(search, page + 1) : null);
        // One URL answers both the page and its results; caches must keep them apart. A history
        // restore after a cache miss needs the whole page although htmx sends it.
        response.addHeader(HttpHeaders.VARY, "HX-Request");
        boolean resultsOnly = "true".equals(htmxRequest) && !"true".equals(historyRestore);
        return resultsOnly ? "customers/list :: results" : "customers/list";
    }

    @GetMapping("/customers/{code}")
    String customer(
            @PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf,
            Model model) {
        model.addAttribute("customer", customers.details(code, asOf, callers.current()));
        model.addAttribute("asOf", asOf);
        return "customers/detail";
    }

    /** A refused page request shows a page with the problem's status, not a JSON document. */
    @ExceptionHandler(ProblemException.class)
    ModelAndView refused(ProblemException e) {
        ModelAndView page = new ModelAndView("customers/problem");
        page.setStatus(HttpStatus.valueOf(e.kind().status));
        page.addObject("status", e.kind().status);
        page.addObject("title", e.kind().title);
        page.addObject("detail", e.getMessage());
        page.addObject("violations", e.violations());
        return page;
    }

    private static String pageUrl(CustomerQuery search, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/customers");
        if (search.query() != null) url.queryParam("query", search.query());
        if (search.area() != null) url.queryParam("area", search.area());
        if (search.creditState() != null) url.queryParam("creditState", search.creditState());
        url.queryParam("page", page);
        if (search.size() != CustomerQuery.DEFAULT_SIZE) url.queryParam("size", search.size());
        return url.encode().build().toUriString();
    }
}

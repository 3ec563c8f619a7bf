package org.creditdesk.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditdesk.customers.CreditState;
import org.creditdesk.customers.CustomerQuery;
import org.creditdesk.customers.CustomerSort;
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
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean descending,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmxRequest,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String historyRestore,
            HttpServletResponse response,
            Model model) {
        Caller caller = callers.current();
        CustomerQuery search = new CustomerQuery(query, area, null, creditState, page, size, sort, descending);
        Page<CustomerSummary> result = customers.search(search, caller);
        List<Area> visibleAreas =
                areas.all().stream().filter(a -> caller.sees(a.code())).toList();
        model.addAttribute("search", search);
        model.addAttribute("result", result);
        model.addAttribute("areas", visibleAreas);
        model.addAttribute("creditStates", CreditState.values());
        model.addAttribute("previousUrl", result.hasPrevious() ? pageUrl(search, page - 1) : null);
        model.addAttribute("nextUrl", result.hasNext() ? pageUrl(search, page + 1) : null);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (CustomerSort column : CustomerSort.values()) {
            // A click on the sorted column turns its direction; figures start with the largest.
            boolean turn = column == sort ? !descending : column != CustomerSort.NAME && column != CustomerSort.CODE;
            sortUrls.put(column.name(), url("/customers", search.withSort(column, turn), 0));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("exportUrl", url("/customers/export.csv", search, -1));
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

    /**
     * The whole list as CSV with the page's filters and order, for a signed-in user (the page session,
     * not the API's Basic authentication); fetched page by page, never a query per customer.
     */
    @GetMapping(value = "/customers/export.csv", produces = "text/csv")
    void export(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable CreditState creditState,
            @RequestParam(defaultValue = "NAME") CustomerSort sort,
            @RequestParam(defaultValue = "false") boolean descending,
            HttpServletResponse response)
            throws IOException {
        Caller caller = callers.current();
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customers.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        CustomerCsv.writeHeader(out);
        CustomerQuery search =
                new CustomerQuery(query, area, null, creditState, 0, CustomerQuery.MAX_SIZE, sort, descending);
        for (int page = 0; ; page++) {
            Page<CustomerSummary> result = customers.search(search.withPage(page, CustomerQuery.MAX_SIZE), caller);
            for (CustomerSummary row : result.items()) CustomerCsv.write(out, row);
            if (!result.hasNext()) break;
        }
        out.flush();
    }

    private static String pageUrl(CustomerQuery search, int page) {
        return url("/customers", search, page);
    }

    /** The list's URL with its filters and order; {@code page} below 0 leaves paging out. */
    private static String url(String path, CustomerQuery search, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        if (search.query() != null) url.queryParam("query", search.query());
        if (search.area() != null) url.queryParam("area", search.area());
        if (search.creditState() != null) url.queryParam("creditState", search.creditState());
        if (search.sort() != CustomerSort.NAME) url.queryParam("sort", search.sort());
        if (search.descending()) url.queryParam("descending", true);
        if (page >= 0) url.queryParam("page", page);
        if (page >= 0 && search.size() != CustomerQuery.DEFAULT_SIZE) url.queryParam("size", search.size());
        return url.encode().build().toUriString();
    }
}

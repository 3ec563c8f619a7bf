package org.creditdesk.monitoring;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.creditdesk.customers.Page;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** API.md Monitoring: aging (JSON, CSV, xlsx), escalations, tasks, history, the ladder run and staffing. */
@RestController
@RequestMapping("/api/v1")
class MonitoringController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private static final Set<Role> RUNNERS = Set.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.GENERAL_MANAGER);

    private final Aging aging;
    private final Escalations escalations;
    private final EscalationRun run;
    private final Staffing staffing;
    private final Callers callers;
    private final BusinessCalendar calendar;
    private final JsonMapper json;

    MonitoringController(
            Aging aging,
            Escalations escalations,
            EscalationRun run,
            Staffing staffing,
            Callers callers,
            BusinessCalendar calendar,
            JsonMapper json) {
        this.calendar = calendar;
        this.json = json;
        this.aging = aging;
        this.escalations = escalations;
        this.run = run;
        this.staffing = staffing;
        this.callers = callers;
    }

    /**
     * {@code format} wins over {@code Accept}; without either the answer is JSON, one page of its rows with the count
     * of all in {@value #TOTAL_COUNT} when {@code page} or {@code size} is given. Files and the whole JSON by customer
     * are written into the response as they are read (nothing returned).
     */
    @GetMapping("/reports/aging")
    @Nullable
    ResponseEntity<?> aging(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "area") String groupBy,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) @Nullable String accept,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            HttpServletResponse response) {
        AgingGrouping grouping = AgingGrouping.ofParameter(groupBy)
                .orElseThrow(() -> ProblemException.malformed(
                                "Unknown groupBy",
                                List.of(Violation.field(
                                        "groupBy",
                                        "must be one of area, productLine, salesRep, customer, businessGroup")))
                        .withKey("problem.text.unknownGroupBy"));
        String chosen = format != null ? format : fromAccept(accept);
        if (!Set.of("json", "csv", "xlsx").contains(chosen)) {
            throw ProblemException.malformed(
                            "Unknown format", List.of(Violation.field("format", "must be json, csv or xlsx")))
                    .withKey("problem.text.unknownFormat");
        }
        if (chosen.equals("json") && (page != null || size != null)) {
            Aging.ReportPage found = aging.reportPage(
                    asOf, grouping, page == null ? 0 : page, size == null ? 100 : size, callers.current());
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(TOTAL_COUNT, Long.toString(found.total()))
                    .body(found.report());
        }
        if (chosen.equals("json") && grouping != AgingGrouping.CUSTOMER) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(aging.report(asOf, grouping, callers.current()));
        }
        write(aging, calendar.asOfOrToday(asOf), grouping, chosen, callers.current(), json, response);
        return null;
    }

    /**
     * The report written into the response as it is read: JSON (the whole-book answer by customer), or a CSV or
     * Excel download (the API and the aging page's export buttons). By customer from today's store no row list is
     * built in memory.
     */
    static void write(
            Aging aging,
            LocalDate date,
            AgingGrouping grouping,
            String format,
            Caller caller,
            JsonMapper json,
            HttpServletResponse response) {
        MediaType type = switch (format) {
            case "csv" -> new MediaType(CSV, java.nio.charset.StandardCharsets.UTF_8);
            case "xlsx" -> XLSX;
            default -> MediaType.APPLICATION_JSON;
        };
        response.setContentType(type.toString());
        if (!format.equals("json")) {
            String filename = "aging-" + grouping.parameter() + "-" + date + "." + format;
            response.setHeader(
                    HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(filename).build().toString());
        }
        try {
            OutputStream out = response.getOutputStream();
            AgingWriter writer = switch (format) {
                case "csv" -> AgingExport.csv(out);
                case "xlsx" -> AgingExport.xlsx(out);
                default -> AgingExport.json(json, out);
            };
            aging.write(date, grouping, caller, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // Refused before a byte was sent (a date out of range...): the problem answer, without the file headers.
            if (!response.isCommitted()) response.reset();
            throw e;
        }
    }

    /** The header that carries the count of all rows when the escalations are asked page by page. */
    static final String TOTAL_COUNT = "X-Total-Count";

    /**
     * Every escalated customer (the contract: one array), or one page of them when {@code page} or
     * {@code size} is given (size 50 by default, page 0 by default), with the count of all in
     * {@value #TOTAL_COUNT}.
     */
    @GetMapping("/escalations")
    ResponseEntity<List<Escalation>> escalations(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size) {
        if (page == null && size == null) {
            return ResponseEntity.ok(escalations.escalations(asOf, level, callers.current()));
        }
        Page<Escalation> found = escalations.escalations(
                asOf, level, page == null ? 0 : page, size == null ? 50 : size, callers.current());
        return ResponseEntity.ok()
                .header(TOTAL_COUNT, Long.toString(found.total()))
                .body(found.items());
    }

    @GetMapping("/escalation-tasks")
    List<EscalationTask> myTasks(@RequestParam(defaultValue = "true") boolean open) {
        return escalations.tasksOf(callers.current(), open);
    }

    record TaskDone(@Nullable String note) {}

    @PostMapping("/escalation-tasks/{id}/done")
    ResponseEntity<Void> done(@PathVariable long id, @RequestBody(required = false) @Nullable TaskDone body) {
        escalations.completeTask(id, body == null ? null : body.note(), callers.current());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/customers/{code}/escalation-history")
    List<EscalationEpisode> history(@PathVariable String code) {
        return escalations.history(code, callers.current());
    }

    record RunRequest(@Nullable LocalDate asOf) {}

    /** Evaluates the ladder for one date; the daily run does the same as one of its steps. */
    @PostMapping("/escalation-runs")
    EscalationRunResult evaluate(@RequestBody(required = false) @Nullable RunRequest body) {
        Caller caller = callers.current();
        if (caller.roles().stream().noneMatch(RUNNERS::contains)) {
            throw ProblemException.forbidden("Only ADMIN, CREDIT_MANAGER, GENERAL_MANAGER may run the escalation")
                    .withKey("problem.text.onlyADMINCREDITMANAGERGENERALMANAGERMay");
        }
        LocalDate asOf = body == null ? null : body.asOf();
        return run.evaluate(calendar.asOfOrToday(asOf));
    }

    @GetMapping("/reports/staffing")
    StaffingReport staffing(@RequestParam(required = false) @Nullable LocalDate asOf) {
        return staffing.report(asOf, callers.current());
    }

    private static String fromAccept(@Nullable String accept) {
        if (accept == null) return "json";
        for (MediaType type : MediaType.parseMediaTypes(accept)) {
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) return "json";
            if (type.equalsTypeAndSubtype(CSV)) return "csv";
            if (type.equalsTypeAndSubtype(XLSX)) return "xlsx";
        }
        return "json";
    }
}

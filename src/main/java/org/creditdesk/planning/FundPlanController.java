package org.creditdesk.planning;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.identity.Callers;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Fund planning": the plan, its approval, plan against actual (JSON, xlsx), DSO trend, profitability. */
@RestController
@RequestMapping("/api/v1")
class FundPlanController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final FundPlans plans;
    private final Turnovers turnovers;
    private final Callers callers;

    FundPlanController(FundPlans plans, Turnovers turnovers, Callers callers) {
        this.plans = plans;
        this.turnovers = turnovers;
        this.callers = callers;
    }

    @GetMapping("/fund-plans/{year}")
    FundPlan plan(@PathVariable int year) {
        return plans.plan(year, callers.current());
    }

    @PutMapping("/fund-plans/{year}")
    FundPlan save(@PathVariable int year, @RequestBody FundPlanInput input) {
        return plans.save(year, input, callers.current());
    }

    record Approval(@Nullable String comment) {}

    @PostMapping("/fund-plans/{year}/approve")
    FundPlan approve(@PathVariable int year, @RequestBody(required = false) @Nullable Approval body) {
        return plans.approve(year, body == null ? null : body.comment(), callers.current());
    }

    @GetMapping("/fund-plans/{year}/status")
    ResponseEntity<?> status(
            @PathVariable int year,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "productLine") String level,
            @RequestParam(defaultValue = "json") String format) {
        PlanStatusReport report = plans.status(year, asOf, level(level, "level"), callers.current());
        if (format.equals("json")) return ResponseEntity.ok(report);
        if (!format.equals("xlsx")) {
            throw ProblemException.malformed(
                            "Unknown format", List.of(Violation.field("format", "must be json or xlsx")))
                    .withKey("problem.text.unknownFormat");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PlanExport.xlsx(report, out);
        String filename = "fund-plan-" + year + "-" + report.level() + "-" + report.asOf() + ".xlsx";
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(out.toByteArray());
    }

    @GetMapping("/fund-plans/{year}/profitability")
    PlanStatusReport profitability(
            @PathVariable int year,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "capitalCost") String sort) {
        FundPlans.Ranking ranking = switch (sort) {
            case "capitalCost" -> FundPlans.Ranking.CAPITAL_COST;
            case "marginAfterCapitalCost" -> FundPlans.Ranking.MARGIN_AFTER_CAPITAL_COST;
            default ->
                throw ProblemException.malformed(
                                "Unknown sort",
                                List.of(Violation.field("sort", "must be capitalCost or marginAfterCapitalCost")))
                        .withKey("problem.text.unknownSort");
        };
        return plans.profitability(year, asOf, ranking, callers.current());
    }

    @GetMapping("/fund-plans/contracts")
    List<ContractLine> contracts(@RequestParam(required = false) @Nullable LocalDate asOf) {
        return plans.contracts(asOf, callers.current());
    }

    record StoreActuals(@Nullable LocalDate asOf) {}

    @PostMapping("/fund-plans/actuals")
    FundPlans.StoredActuals storeActuals(@RequestBody(required = false) @Nullable StoreActuals body) {
        return plans.storeActuals(body == null ? null : body.asOf(), callers.current());
    }

    @GetMapping("/customers/{code}/turnover")
    CustomerTurnover turnover(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return turnovers
                .of(code, asOf, callers.current())
                .orElseThrow(() -> ProblemException.notFound("No approved fund plan for the year of the date")
                        .withKey("problem.text.noApprovedFundPlanForTheYear"));
    }

    @GetMapping("/reports/dso")
    DsoTrend dso(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "productLine") String groupBy,
            @RequestParam(defaultValue = "24") int months) {
        return plans.dsoTrend(asOf, level(groupBy, "groupBy"), months, callers.current());
    }

    static Level level(String value, String field) {
        return Level.ofParameter(value)
                .orElseThrow(() -> ProblemException.malformed(
                                "Unknown " + field,
                                List.of(Violation.field(field, "must be productLine, area or customer")))
                        .withKey("problem.text.unknown", field));
    }
}

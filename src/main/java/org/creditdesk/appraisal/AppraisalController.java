package org.creditdesk.appraisal;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
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

/** API.md "Sales appraisal": KPIs, ratings, close, corrections, the period sheet and its export, settings. */
@RestController
@RequestMapping("/api/v1")
class AppraisalController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Appraisals appraisals;
    private final Callers callers;

    AppraisalController(Appraisals appraisals, Callers callers) {
        this.appraisals = appraisals;
        this.callers = callers;
    }

    @GetMapping("/appraisals/kpis")
    List<KpiRow> kpis(
            @RequestParam String period,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String salesRep,
            @RequestParam(required = false) @Nullable String area) {
        return appraisals.kpis(period, asOf, salesRep, area, callers.current());
    }

    @PutMapping("/appraisals/{period}/ratings/{salesRep}")
    RatingResult rate(@PathVariable String period, @PathVariable String salesRep, @RequestBody RatingInput body) {
        return appraisals.rate(period, salesRep, body, callers.current());
    }

    record CloseRequest(@Nullable String reason) {}

    @PostMapping("/appraisals/{period}/close")
    AppraisalSheet close(@PathVariable String period, @RequestBody(required = false) @Nullable CloseRequest body) {
        return appraisals.close(period, body == null ? null : body.reason(), callers.current());
    }

    @PostMapping("/appraisals/{period}/kpi-snapshot")
    AppraisalSheet recompute(@PathVariable String period) {
        return appraisals.recompute(period, callers.current());
    }

    record CorrectionRequest(
            @Nullable String salesRep,
            @Nullable Integer responsibility,
            @Nullable Integer execution,
            @Nullable Integer communication,
            @Nullable Integer experience,
            @Nullable String note,
            @Nullable String reason) {}

    @PostMapping("/appraisals/{period}/corrections")
    AppraisalSheet correct(@PathVariable String period, @RequestBody CorrectionRequest body) {
        if (body.salesRep() == null || body.salesRep().isBlank()) {
            throw ProblemException.ruleViolation("salesRep", "is required").withKey("problem.text.isRequired");
        }
        return appraisals.correct(
                period,
                body.salesRep(),
                new RatingInput(
                        body.responsibility(), body.execution(), body.communication(), body.experience(), body.note()),
                body.reason(),
                callers.current());
    }

    /** The sheet as JSON, or with {@code format=csv|xlsx} the payroll export. */
    @GetMapping("/appraisals/{period}")
    ResponseEntity<?> sheet(
            @PathVariable String period,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(defaultValue = "json") String format) {
        if (!List.of("json", "csv", "xlsx").contains(format)) {
            throw ProblemException.malformed(
                            "Unknown format", List.of(Violation.field("format", "must be json, csv or xlsx")))
                    .withKey("problem.text.unknownFormat");
        }
        AppraisalSheet sheet = appraisals.sheet(period, asOf, callers.current());
        if (format.equals("json"))
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(sheet);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MediaType type = format.equals("csv") ? CSV : XLSX;
        if (format.equals("csv")) AppraisalExport.csv(sheet, out);
        else AppraisalExport.xlsx(sheet, out);
        String name = "appraisal-" + sheet.period() + (sheet.revision() == null ? "-open" : "-r" + sheet.revision())
                + "." + format;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    @GetMapping("/appraisals/settings")
    AppraisalSettings settings() {
        callers.current();
        return appraisals.settings();
    }

    record SettingsRequest(
            @Nullable BigDecimal weightOnTime,
            @Nullable BigDecimal weightOverdue,
            @Nullable BigDecimal weightDso,
            @Nullable BigDecimal weightWriteOff,
            @Nullable BigDecimal weightIncidents,
            @Nullable Integer dsoTargetDays,
            @Nullable Integer dsoWorstDays,
            @Nullable BigDecimal writeOffWorstShare,
            @Nullable BigDecimal incidentPenalty,
            @Nullable BigDecimal kpiAbilityWeight,
            @Nullable BigDecimal attitudeGoodFrom,
            @Nullable BigDecimal abilityGoodFrom,
            @Nullable Boolean commissionEnabled,
            @Nullable BigDecimal commissionRate,
            @Nullable String reason) {}

    /** Partial update: fields left out keep their value. */
    @PutMapping("/appraisals/settings")
    AppraisalSettings saveSettings(@RequestBody SettingsRequest body) {
        AppraisalSettings s = appraisals.settings();
        AppraisalSettings merged = new AppraisalSettings(
                or(body.weightOnTime(), s.weightOnTime()),
                or(body.weightOverdue(), s.weightOverdue()),
                or(body.weightDso(), s.weightDso()),
                or(body.weightWriteOff(), s.weightWriteOff()),
                or(body.weightIncidents(), s.weightIncidents()),
                or(body.dsoTargetDays(), s.dsoTargetDays()),
                or(body.dsoWorstDays(), s.dsoWorstDays()),
                or(body.writeOffWorstShare(), s.writeOffWorstShare()),
                or(body.incidentPenalty(), s.incidentPenalty()),
                or(body.kpiAbilityWeight(), s.kpiAbilityWeight()),
                or(body.attitudeGoodFrom(), s.attitudeGoodFrom()),
                or(body.abilityGoodFrom(), s.abilityGoodFrom()),
                or(body.commissionEnabled(), s.commissionEnabled()),
                or(body.commissionRate(), s.commissionRate()));
        return appraisals.saveSettings(merged, body.reason(), callers.current());
    }

    @GetMapping("/appraisals/measures")
    List<Measure> measures() {
        callers.current();
        return appraisals.measures();
    }

    private static <T> T or(@Nullable T value, T fallback) {
        return value != null ? value : fallback;
    }
}

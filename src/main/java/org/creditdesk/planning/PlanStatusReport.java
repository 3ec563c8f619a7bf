package org.creditdesk.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Plan against actual as of a date at one level of the tree (the approved plan, else the draft). */
public record PlanStatusReport(
        int year,
        int version,
        FundPlan.Status planStatus,
        LocalDate asOf,
        String level,
        BigDecimal costOfCapitalRate,
        LocalDate periodFrom,
        List<PlanNodeStatus> nodes) {}

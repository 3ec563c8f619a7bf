package org.creditdesk.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The credit pages: policy and authority settings, the limit request inbox, and the customer credit
 * panel the customer page loads with htmx. Refusals are shown on the page, not as problem+json.
 */
@Controller
class CreditPages {

    private final CreditPolicies policies;
    private final AuthorityMatrices authorities;
    private final CreditLimits limits;
    private final CreditChecks checks;
    private final CustomerHolds holds;
    private final Customers customers;
    private final Callers callers;

    CreditPages(
            CreditPolicies policies,
            AuthorityMatrices authorities,
            CreditLimits limits,
            CreditChecks checks,
            CustomerHolds holds,
            Customers customers,
            Callers callers) {
        this.policies = policies;
        this.authorities = authorities;
        this.limits = limits;
        this.checks = checks;
        this.holds = holds;
        this.customers = customers;
        this.callers = callers;
    }

    /** A page action: on success a "done" message, on refusal the reasons, then back to the list. */
    static String attempt(Runnable action, String doneKey, String target, RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:" + target;
    }

    // Policy ---------------------------------------------------------------------------------------

    @GetMapping("/settings/credit-policy")
    String policy(Model model) {
        Caller caller = callers.current();
        model.addAttribute("policy", policies.current());
        model.addAttribute("modes", PolicyMode.values());
        model.addAttribute("editable", Permissions.has(caller, Permissions.POLICY_EDITORS));
        return "credit/policy";
    }

    @PostMapping("/settings/credit-policy")
    String changePolicy(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<CreditPolicyInput.Step> ladder = new ArrayList<>();
        for (int level = 1; level <= CreditPolicyRules.LEVELS; level++) {
            ladder.add(new CreditPolicyInput.Step(level, integer(form.get("fromDays" + level))));
        }
        CreditPolicyInput input = new CreditPolicyInput(
                form.get("mode"),
                decimal(form.get("salesApprovalLimit")),
                decimal(form.get("creditManagerCeiling")),
                integer(form.get("graceDays")),
                integer(form.get("chequeClearingDays")),
                ladder,
                CreditLimits.blankToNull(form.get("reason")),
                form.containsKey("disputedCountsForHold") ? Boolean.valueOf(form.get("disputedCountsForHold")) : null);
        try {
            policies.change(input, callers.current());
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
            return policy(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/credit-policy";
    }

    // Authority matrix -----------------------------------------------------------------------------

    @GetMapping("/settings/authority")
    String authority(Model model) {
        Caller caller = callers.current();
        Map<String, AuthorityRows.Row> cells = new LinkedHashMap<>();
        for (AuthorityRows.Row row : AuthorityRows.of(authorities.current()).rules()) {
            cells.put(row.mode() + "." + row.action() + "." + row.role(), row);
        }
        model.addAttribute("cells", cells);
        model.addAttribute("policy", policies.current());
        model.addAttribute("modes", PolicyMode.values());
        model.addAttribute("actions", AuthorityAction.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "ceilings", List.of("UNLIMITED", "SALES_APPROVAL_LIMIT", "CREDIT_MANAGER_CEILING", "AMOUNT"));
        model.addAttribute("editable", Permissions.has(caller, Permissions.MATRIX_EDITORS));
        return "credit/authority";
    }

    /** The form has one select per mode, action and role ("NONE" = no authority) and an amount beside it. */
    @PostMapping("/settings/authority")
    String changeAuthority(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        List<AuthorityRuleInput> rows = new ArrayList<>();
        for (PolicyMode mode : PolicyMode.values()) {
            for (AuthorityAction action : AuthorityAction.values()) {
                for (Role role : Role.values()) {
                    String key = mode + "." + action + "." + role;
                    String upTo = form.getOrDefault("upTo." + key, "NONE");
                    if (upTo.equals("NONE")) continue;
                    BigDecimal amount = upTo.equals("AMOUNT") ? decimal(form.get("maxAmount." + key)) : null;
                    rows.add(new AuthorityRuleInput(mode.name(), action.name(), role.name(), upTo, amount));
                }
            }
        }
        try {
            authorities.replace(rows, CreditLimits.blankToNull(form.get("reason")), callers.current());
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
            return authority(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/authority";
    }

    // Limit request inbox --------------------------------------------------------------------------

    record InboxRow(CreditLimitRequest request, boolean mayApprove) {}

    @GetMapping("/credit/limit-requests")
    String inbox(@RequestParam(required = false) @Nullable LimitRequestStatus status, Model model) {
        Caller caller = callers.current();
        LimitRequestStatus shown = status == null ? LimitRequestStatus.PENDING : status;
        List<CreditLimitRequest> requests = limits.requests(shown, caller);
        Set<Long> approvable = limits.approvableBy(caller, requests);
        model.addAttribute(
                "rows",
                requests.stream()
                        .map(r -> new InboxRow(r, approvable.contains(r.id())))
                        .toList());
        model.addAttribute("status", shown);
        model.addAttribute("statuses", LimitRequestStatus.values());
        return "credit/inbox";
    }

    @PostMapping("/credit/limit-requests/{id}/approve")
    String approve(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        return attempt(
                () -> limits.approve(id, comment, callers.current()),
                "credit.inbox.approved",
                "/credit/limit-requests",
                redirect);
    }

    @PostMapping("/credit/limit-requests/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes redirect) {
        return attempt(
                () -> limits.reject(id, comment, callers.current()),
                "credit.inbox.rejected",
                "/credit/limit-requests",
                redirect);
    }

    // Customer credit panel (htmx fragment) -------------------------------------------------------

    @GetMapping("/customers/{code}/fragments/credit")
    String panel(@PathVariable String code, @RequestParam(required = false) @Nullable LocalDate asOf, Model model) {
        Caller caller = callers.current();
        CreditLimitOverview overview = limits.overview(code, asOf, caller);
        CustomerRef customer = customers.require(code, caller);
        CreditStatus.Standing standing = checks.standingWithFacts(customer, overview.asOf());
        model.addAttribute("overview", overview);
        model.addAttribute("creditState", standing.state().name());
        model.addAttribute("creditHoldReasons", standing.holdReasons());
        model.addAttribute("bar", ExposureBar.of(standing.figures()));
        model.addAttribute("holds", standing.facts().activeHolds());
        model.addAttribute("mayHold", Permissions.has(caller, Permissions.HOLD_KEEPERS));
        model.addAttribute("holdReasons", HoldReason.values());
        model.addAttribute("mayRequest", Permissions.has(caller, Permissions.LIMIT_REQUESTERS));
        model.addAttribute("securityTypes", SecurityType.values());
        model.addAttribute("mayAddSecurity", Permissions.has(caller, Permissions.SECURITY_KEEPERS));
        return "credit/panel :: panel";
    }

    @PostMapping("/customers/{code}/fragments/credit/limit-requests")
    String requestFromPanel(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        NewLimitRequest input = new NewLimitRequest(
                decimal(form.get("amount")),
                CreditLimits.blankToNull(form.get("currency")),
                date(form.get("validFrom")),
                date(form.get("validUntil")),
                date(form.get("reviewOn")),
                form.get("reason"),
                CreditLimits.blankToNull(form.get("contractNo")));
        try {
            limits.request(code, input, callers.current());
            model.addAttribute("done", "credit.panel.requested");
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
        }
        return panel(code, null, model);
    }

    @PostMapping("/customers/{code}/fragments/credit/securities")
    String securityFromPanel(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        NewSecurity input = new NewSecurity(
                form.get("type"),
                decimal(form.get("amount")),
                CreditLimits.blankToNull(form.get("currency")),
                date(form.get("expiresOn")),
                CreditLimits.blankToNull(form.get("reference")),
                CreditLimits.blankToNull(form.get("contractNo")));
        try {
            limits.addSecurity(code, input, callers.current());
            model.addAttribute("done", "credit.panel.securityAdded");
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
        }
        return panel(code, null, model);
    }

    @PostMapping("/customers/{code}/fragments/credit/holds")
    String holdFromPanel(@PathVariable String code, @RequestParam Map<String, String> form, Model model) {
        try {
            holds.place(code, new PlaceHold(form.get("reason"), form.get("note")), callers.current());
            model.addAttribute("done", "credit.holds.placed");
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
        }
        return panel(code, null, model);
    }

    @PostMapping("/customers/{code}/fragments/credit/holds/{id}/lift")
    String liftFromPanel(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String note,
            Model model) {
        try {
            holds.lift(code, id, note, callers.current());
            model.addAttribute("done", "credit.holds.lifted");
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
        }
        return panel(code, null, model);
    }

    // Form values arrive as text; unreadable ones become missing and the rules name the field.

    private static @Nullable BigDecimal decimal(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer integer(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A form date read like every other date ({@link org.creditdesk.shared.StrictDates}); unreadable is null. */
    private static @Nullable LocalDate date(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        return switch (org.creditdesk.shared.StrictDates.read(text.strip())) {
            case org.creditdesk.shared.StrictDates.Valid valid -> valid.date();
            case org.creditdesk.shared.StrictDates.Invalid invalid -> null;
        };
    }
}

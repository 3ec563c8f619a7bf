package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Callers;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.web.PageRefusal;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The collections pages: the worklist (a collector's home), the customer's collection page, the service
 * queue and the promise calendar. Forms post here; refusals come back as {@link PageRefusal}.
 */
@Controller
class CollectionsPages {

    private final Worklist worklist;
    private final CollectionsView view;
    private final CallLog calls;
    private final Callers callers;
    private final BusinessCalendar calendar;

    CollectionsPages(
            Worklist worklist, CollectionsView view, CallLog calls, Callers callers, BusinessCalendar calendar) {
        this.worklist = worklist;
        this.view = view;
        this.calls = calls;
        this.callers = callers;
        this.calendar = calendar;
    }

    @GetMapping("/collections/worklist")
    String worklist(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String reasonFilter = reason == null || reason.isBlank() ? null : reason;
        String areaFilter = area == null || area.isBlank() ? null : area;
        model.addAttribute("reasons", WorklistReason.values());
        model.addAttribute("reason", reasonFilter);
        model.addAttribute("area", areaFilter);
        model.addAttribute("level", level);
        try {
            model.addAttribute(
                    "list",
                    worklist.page(
                            new WorklistQuery(asOf, null, reasonFilter, areaFilter, level, Math.max(page, 0), 50),
                            callers.current()));
        } catch (ProblemException e) {
            model.addAttribute("refusal", PageRefusal.of(e));
            model.addAttribute("list", new WorklistPage(calendar.asOfOrToday(asOf), List.of(), 0, 50, 0));
        }
        return "collections/worklist";
    }

    @GetMapping("/collections/customers/{code}/call-form")
    String callForm(@PathVariable String code, Model model) {
        Caller caller = callers.current();
        model.addAttribute("code", code);
        model.addAttribute("contacts", view.contacts(code, caller));
        model.addAttribute("invoices", view.openInvoices(code, caller));
        model.addAttribute("disputeReasons", DisputeReason.values());
        model.addAttribute("today", calendar.today());
        return "collections/call-form :: form";
    }

    @PostMapping("/collections/customers/{code}/calls")
    String logCall(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable LocalDate nextActionOn,
            @RequestParam(required = false) @Nullable BigDecimal promiseAmount,
            @RequestParam(required = false) @Nullable LocalDate promisedOn,
            @RequestParam(defaultValue = "false") boolean promiseWritten,
            @RequestParam(required = false) @Nullable String disputeInvoiceNo,
            @RequestParam(required = false) @Nullable String disputeReason,
            @RequestParam(required = false) @Nullable BigDecimal disputeAmount,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx,
            Model model,
            RedirectAttributes redirect) {
        CallLog.Call call = new CallLog.Call(
                contactId,
                note,
                nextActionOn,
                promiseAmount,
                promisedOn,
                promiseWritten,
                disputeInvoiceNo,
                disputeReason,
                disputeAmount);
        try {
            CallLog.Logged logged = calls.log(code, call, callers.current());
            model.addAttribute("logged", logged);
            model.addAttribute("code", code);
            if (htmx != null) return "collections/call-form :: logged";
            redirect.addFlashAttribute("done", "collections.call.logged");
        } catch (ProblemException e) {
            if (htmx != null) {
                model.addAttribute("refusal", PageRefusal.of(e));
                model.addAttribute("code", code);
                return "collections/call-form :: refused";
            }
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/collections/customers/" + code;
    }

    @GetMapping("/collections/customers/{code}")
    String customer(@PathVariable String code, Model model) {
        Caller caller = callers.current();
        CustomerRef customer = view.customer(code, caller);
        Map<ChainRole, List<Contact>> byRole = new EnumMap<>(ChainRole.class);
        for (ChainRole role : ChainRole.values()) byRole.put(role, new ArrayList<>());
        view.contacts(code, caller).forEach(c -> byRole.get(c.chainRole()).add(c));
        List<Approval> approvals = view.approvals(code, caller);
        model.addAttribute("customer", customer);
        model.addAttribute("contactsByRole", byRole);
        model.addAttribute("contacts", view.contacts(code, caller));
        model.addAttribute("chain", view.chain(code, caller));
        model.addAttribute(
                "chains", approvals.stream().filter(Approval::needsChain).toList());
        model.addAttribute(
                "noChain",
                approvals.stream()
                        .filter(a -> !a.needsChain())
                        .map(Approval::invoiceNo)
                        .toList());
        model.addAttribute("invoices", view.openInvoices(code, caller));
        model.addAttribute("activities", view.activities(code, caller));
        model.addAttribute("promises", view.promises(code, caller));
        model.addAttribute("disputes", view.disputes(code, caller));
        model.addAttribute("roles", ChainRole.values());
        model.addAttribute("stepStatuses", StepStatus.values());
        model.addAttribute("activityTypes", ActivityType.values());
        model.addAttribute("disputeReasons", DisputeReason.values());
        model.addAttribute("outcomes", DisputeOutcome.values());
        model.addAttribute("today", calendar.today());
        return "collections/customer";
    }

    @PostMapping("/collections/customers/{code}/contacts")
    String addContact(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String title,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(required = false) @Nullable String chainRole,
            @RequestParam(defaultValue = "false") boolean generalManager,
            RedirectAttributes redirect) {
        return attempt(
                code,
                redirect,
                () -> view.addContact(
                        code,
                        new ContactInput(name, title, department, phone, email, chainRole, generalManager),
                        callers.current()));
    }

    @PostMapping("/collections/contacts/{id}/retire")
    String retireContact(@PathVariable long id, @RequestParam String code, RedirectAttributes redirect) {
        return attempt(code, redirect, () -> {
            view.retireContact(id, callers.current());
            return id;
        });
    }

    @PostMapping("/collections/customers/{code}/approval")
    String recordStep(
            @PathVariable String code,
            @RequestParam String invoiceNo,
            @RequestParam(required = false) @Nullable String chainRole,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable LocalDate on,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String disputeReason,
            @RequestParam(required = false) @Nullable BigDecimal disputeAmount,
            RedirectAttributes redirect) {
        ApprovalInput.Objection objection = disputeReason == null || disputeReason.isBlank()
                ? null
                : new ApprovalInput.Objection(disputeReason, disputeAmount);
        return attempt(
                code,
                redirect,
                () -> view.recordStep(
                        invoiceNo,
                        new ApprovalInput(chainRole, status, on, note, contactId, objection),
                        callers.current()));
    }

    @PostMapping("/collections/customers/{code}/activities")
    String recordActivity(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String type,
            @RequestParam(required = false) @Nullable LocalDate on,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(required = false) @Nullable List<String> invoiceNos,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable LocalDate nextActionOn,
            RedirectAttributes redirect) {
        return attempt(
                code,
                redirect,
                () -> view.recordActivity(
                        code,
                        new ActivityInput(type, on, contactId, invoiceNos, note, nextActionOn),
                        callers.current()));
    }

    @PostMapping("/collections/customers/{code}/promises")
    String makePromise(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable LocalDate promisedOn,
            @RequestParam(required = false) @Nullable BigDecimal amount,
            @RequestParam(required = false) @Nullable List<String> invoiceNos,
            @RequestParam(required = false) @Nullable Long contactId,
            @RequestParam(defaultValue = "false") boolean written,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return attempt(
                code,
                redirect,
                () -> view.makePromise(
                        code,
                        new PromiseInput(promisedOn, amount, null, invoiceNos, contactId, written, note, null),
                        callers.current()));
    }

    @PostMapping("/collections/customers/{code}/disputes")
    String raiseDispute(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable String invoiceNo,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable BigDecimal amount,
            @RequestParam(required = false) @Nullable String note,
            RedirectAttributes redirect) {
        return attempt(code, redirect, () -> {
            if (invoiceNo == null || invoiceNo.isBlank()) {
                throw ProblemException.ruleViolation("invoiceNo", "choose the invoice in dispute")
                        .withKey("problem.text.chooseTheInvoiceInDispute");
            }
            return view.raiseDispute(invoiceNo, new DisputeInput(reason, amount, null, note), callers.current());
        });
    }

    @PostMapping("/collections/disputes/{id}/resolve")
    String resolve(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String outcome,
            @RequestParam(required = false) @Nullable BigDecimal creditNoteAmount,
            @RequestParam(required = false) @Nullable String note,
            @RequestParam(required = false) @Nullable String back,
            RedirectAttributes redirect) {
        try {
            Dispute d =
                    view.resolve(id, new DisputeResolution(outcome, creditNoteAmount, null, note), callers.current());
            redirect.addFlashAttribute("done", "collections.saved");
            return "service".equals(back)
                    ? "redirect:/collections/service"
                    : "redirect:/collections/customers/" + d.customerCode();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
            return "redirect:/collections/service";
        }
    }

    @GetMapping("/collections/service")
    String service(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean mine,
            Model model) {
        Caller caller = callers.current();
        boolean onlyMine = mine || (caller.has(Role.SERVICE) && caller.roles().size() == 1);
        Fields in = new Fields();
        DisputeStatus parsed = in.optional("status", status, DisputeStatus.class);
        model.addAttribute("disputes", view.disputes(parsed, onlyMine ? caller.username() : null, caller));
        model.addAttribute("status", parsed);
        model.addAttribute("mine", onlyMine);
        model.addAttribute("statuses", DisputeStatus.values());
        model.addAttribute("outcomes", DisputeOutcome.values());
        model.addAttribute("today", calendar.today());
        return "collections/service";
    }

    /** One day of the promise calendar. */
    record Day(LocalDate date, boolean inMonth, boolean today, List<Promise> promises) {}

    @GetMapping("/collections/promises")
    String promiseCalendar(@RequestParam(required = false) @Nullable String month, Model model) {
        Caller caller = callers.current();
        LocalDate today = calendar.today();
        YearMonth shown;
        try {
            shown = month == null || month.isBlank() ? YearMonth.from(today) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            shown = YearMonth.from(today);
        }
        LocalDate first = shown.atDay(1).with(DayOfWeek.MONDAY);
        LocalDate last = shown.atEndOfMonth().with(DayOfWeek.SUNDAY);
        Map<LocalDate, List<Promise>> byDay =
                view.promisesBetween(first, last, caller).stream().collect(Collectors.groupingBy(Promise::promisedOn));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
            List<Day> days = new ArrayList<>();
            for (int d = 0; d < 7; d++) {
                LocalDate date = week.plusDays(d);
                days.add(new Day(
                        date,
                        YearMonth.from(date).equals(shown),
                        date.equals(today),
                        byDay.getOrDefault(date, List.of())));
            }
            weeks.add(days);
        }
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("weeks", weeks);
        return "collections/promises";
    }

    private String attempt(String code, RedirectAttributes redirect, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("done", "collections.saved");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("refusal", PageRefusal.of(e));
        }
        return "redirect:/collections/customers/" + code;
    }
}

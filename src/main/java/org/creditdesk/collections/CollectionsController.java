package org.creditdesk.collections;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.creditdesk.identity.Callers;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Collections" (letters and predictions excepted): translates HTTP to the facades. */
@RestController
@RequestMapping("/api/v1")
class CollectionsController {

    private final Contacts contacts;
    private final Approvals approvals;
    private final Activities activities;
    private final Promises promises;
    private final Disputes disputes;
    private final Worklist worklist;
    private final CollectionsSettingsService settings;
    private final Callers callers;

    CollectionsController(
            Contacts contacts,
            Approvals approvals,
            Activities activities,
            Promises promises,
            Disputes disputes,
            Worklist worklist,
            CollectionsSettingsService settings,
            Callers callers) {
        this.contacts = contacts;
        this.approvals = approvals;
        this.activities = activities;
        this.promises = promises;
        this.disputes = disputes;
        this.worklist = worklist;
        this.settings = settings;
        this.callers = callers;
    }

    @PostMapping("/customers/{code}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    Contact addContact(@PathVariable String code, @RequestBody ContactInput input) {
        return contacts.add(code, input, callers.current());
    }

    @GetMapping("/customers/{code}/contacts")
    List<Contact> contacts(@PathVariable String code) {
        return contacts.of(code, callers.current());
    }

    @PutMapping("/contacts/{id}")
    Contact updateContact(@PathVariable long id, @RequestBody ContactInput input) {
        return contacts.update(id, input, callers.current());
    }

    @DeleteMapping("/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void retireContact(@PathVariable long id) {
        contacts.retire(id, callers.current());
    }

    record ChainInput(@Nullable List<String> steps) {}

    @GetMapping("/customers/{code}/approval-chain")
    Map<String, List<ChainRole>> chain(@PathVariable String code) {
        return Map.of("steps", approvals.chain(code, callers.current()));
    }

    @PutMapping("/customers/{code}/approval-chain")
    Map<String, List<ChainRole>> setChain(@PathVariable String code, @RequestBody ChainInput input) {
        return Map.of("steps", approvals.setChain(code, input.steps(), callers.current()));
    }

    @GetMapping("/invoices/{invoiceNo}/approval")
    Approval approval(@PathVariable String invoiceNo, @RequestParam(required = false) @Nullable LocalDate asOf) {
        return approvals.of(invoiceNo, asOf, callers.current());
    }

    @PostMapping("/invoices/{invoiceNo}/approval")
    Approval recordApproval(@PathVariable String invoiceNo, @RequestBody ApprovalInput input) {
        return approvals.record(invoiceNo, input, callers.current());
    }

    @PostMapping("/customers/{code}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    Activity recordActivity(@PathVariable String code, @RequestBody ActivityInput input) {
        return activities.record(code, input, callers.current());
    }

    @GetMapping("/customers/{code}/activities")
    List<Activity> activities(@PathVariable String code) {
        return activities.of(code, callers.current());
    }

    @PostMapping("/customers/{code}/promises")
    @ResponseStatus(HttpStatus.CREATED)
    Promise makePromise(@PathVariable String code, @RequestBody PromiseInput input) {
        return promises.make(code, input, callers.current());
    }

    @GetMapping("/promises/{id}")
    Promise promise(@PathVariable long id) {
        return promises.find(id, callers.current());
    }

    /**
     * Promises as stored by the newest daily run; {@code asOf} lists those promised up to that date
     * (their status is the one the daily run of that date or later gave).
     */
    @GetMapping("/promises")
    List<Promise> promises(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String customerCode,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        Fields in = new Fields();
        PromiseStatus parsed = in.optional("status", status, PromiseStatus.class);
        in.rejectIfAny();
        return promises.list(parsed, customerCode, from, to != null ? to : asOf, callers.current());
    }

    @PostMapping("/invoices/{invoiceNo}/disputes")
    @ResponseStatus(HttpStatus.CREATED)
    Dispute raiseDispute(@PathVariable String invoiceNo, @RequestBody DisputeInput input) {
        return disputes.raise(invoiceNo, input, callers.current());
    }

    @PostMapping("/disputes/{id}/resolve")
    Dispute resolve(@PathVariable long id, @RequestBody DisputeResolution input) {
        return disputes.resolve(id, input, callers.current());
    }

    @GetMapping("/disputes/{id}")
    Dispute dispute(@PathVariable long id) {
        return disputes.find(id, callers.current());
    }

    @GetMapping("/disputes")
    List<Dispute> disputes(
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String customerCode,
            @RequestParam(required = false) @Nullable String assignedTo) {
        Fields in = new Fields();
        DisputeStatus parsed = in.optional("status", status, DisputeStatus.class);
        in.rejectIfAny();
        return disputes.list(parsed, customerCode, assignedTo, callers.current());
    }

    @GetMapping("/collections/worklist")
    List<WorklistRow> worklist(
            @RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String collector,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable Integer level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return worklist.page(new WorklistQuery(asOf, collector, reason, area, level, page, size), callers.current())
                .rows();
    }

    @GetMapping("/settings/collections")
    CollectionsSettings settings() {
        callers.current();
        return settings.load();
    }

    @PutMapping("/settings/collections")
    CollectionsSettings saveSettings(@RequestBody CollectionsSettingsService.Input input) {
        return settings.save(input, callers.current());
    }
}

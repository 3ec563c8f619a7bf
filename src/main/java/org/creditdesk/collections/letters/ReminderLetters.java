package org.creditdesk.collections.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.monitoring.MailQueue;
import org.creditdesk.monitoring.OutgoingMail;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.Violation;
import org.creditdesk.shared.audit.AuditTrail;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reminder letters: the run that writes them, the stored letters and their PDFs, and the templates a
 * credit manager edits (each save a new version, audited).
 */
@Service
public class ReminderLetters {

    static final Set<Role> RUNNERS =
            EnumSet.of(Role.ADMIN, Role.CREDIT_MANAGER, Role.GENERAL_MANAGER, Role.CREDIT_SUPERVISOR);
    static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.CREDIT_MANAGER);
    static final List<String> LANGUAGES = List.of("en", "zh-CN");
    /** Letters in one printed PDF of a run. */
    static final int PRINT_PART = 2_000;
    /** Letters whose e-mails a run builds and queues together (bounded memory; V64 reads them by id). */
    static final int LETTERS_AT_ONCE = 5_000;

    private final LetterRepository repository;
    private final LetterRenderer renderer;
    private final Customers customers;
    private final MailQueue mails;
    private final AuditTrail audit;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final JsonMapper json;
    private final String replyContact;
    private volatile int lettersAtOnce = LETTERS_AT_ONCE;
    private volatile int printPart = PRINT_PART;

    ReminderLetters(
            LetterRepository repository,
            LetterRenderer renderer,
            Customers customers,
            MailQueue mails,
            AuditTrail audit,
            BusinessCalendar calendar,
            Clock clock,
            JsonMapper json,
            @Value("${creditdesk.monitoring.mail-from:creditdesk@localhost}") String replyContact) {
        this.repository = repository;
        this.renderer = renderer;
        this.customers = customers;
        this.mails = mails;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.json = json;
        this.replyContact = replyContact;
    }

    /**
     * Writes the letters of a business date and queues their e-mails (sent after the commit). Running a
     * date again writes nothing; a date before the newest run's is refused and changes nothing.
     */
    @Transactional
    public LetterRun run(@Nullable LocalDate asOf, Caller caller) {
        if (caller.roles().stream().noneMatch(RUNNERS::contains) || caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden(
                            "Only ADMIN, CREDIT_MANAGER, GENERAL_MANAGER and CREDIT_SUPERVISOR run the letters")
                    .withKey("problem.text.onlyADMINCREDITMANAGERGENERALMANAGERAnd");
        }
        LocalDate date = calendar.asOfOrToday(asOf);
        long started = System.nanoTime();
        repository.lock();
        var existing = repository.runOf(date);
        if (existing.isPresent()) return new LetterRun(date, existing.get(), 0, 0, true);
        LocalDate newest = repository.newestRun().orElse(null);
        if (newest != null && date.isBefore(newest)) {
            throw ProblemException.ruleViolation(
                            "asOf",
                            "%s is before the last letter run's date %s: letters go out in date order, nothing was changed"
                                    .formatted(date, newest))
                    .withKey("problem.text.isBeforeTheLastLetterRunS", date, newest);
        }
        long runId = repository.insertRun(date, caller.username(), now());
        int letters = repository.writeLetters(runId, date, repository.settings(), replyContact, caller.username());
        int emails = 0;
        long afterId = 0;
        for (List<LetterRepository.Stored> slice = repository.ofRun(runId, afterId, lettersAtOnce);
                !slice.isEmpty();
                slice = repository.ofRun(runId, afterId, lettersAtOnce)) {
            List<OutgoingMail> outgoing = new ArrayList<>();
            for (LetterRepository.Stored letter : slice) {
                if (letter.recipient() == null) continue;
                LetterContent content = content(letter);
                outgoing.add(new OutgoingMail(
                        letter.customerId(),
                        letter.recipient(),
                        letter.cc(),
                        LetterRenderer.fill(letter.subject(), content, false),
                        mailBody(content),
                        LetterAttachments.reference(letter.id())));
            }
            emails += mails.queue(outgoing);
            afterId = slice.getLast().id();
        }
        repository.finishRun(runId, letters, emails, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new LetterRun(date, runId, letters, emails, false);
    }

    public List<Letter> letters(String customerCode, Caller caller) {
        CustomerRef customer = customers.require(customerCode, caller);
        return repository.ofCustomer(customer.id()).stream()
                .map(ReminderLetters::letter)
                .toList();
    }

    /**
     * For tests: letters whose e-mails a run builds and queues together, and letters in one printed part (defaults
     * {@link #LETTERS_AT_ONCE} and {@link #PRINT_PART}).
     */
    void slices(int lettersAtOnce, int printPart) {
        this.lettersAtOnce = lettersAtOnce;
        this.printPart = printPart;
    }

    /** The letter's PDF, re-rendered from its stored content and template version; 404 outside the caller's areas. */
    public byte[] pdf(long id, Caller caller) {
        return render(visible(id, caller));
    }

    /**
     * The letters of the run of a date in one PDF, for printing, in customer order. A run of more than {@link
     * #PRINT_PART} letters is printed in parts ({@code part} 0, 1, …; without it such a run is refused, since a
     * PDF of only its first letters would look complete).
     */
    public byte[] runPdf(LocalDate asOf, @Nullable Integer part, Caller caller) {
        if (caller.roles().stream().noneMatch(RUNNERS::contains) && !caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden("Only the credit department prints a run's letters")
                    .withKey("problem.text.onlyTheCreditDepartmentPrintsARun");
        }
        long runId = repository
                .runOf(asOf)
                .orElseThrow(() -> ProblemException.notFound("No letter run for " + asOf)
                        .withKey("problem.text.noLetterRunFor", asOf));
        if (part != null && part < 0) {
            throw ProblemException.malformed(
                            "part must be 0 or more", List.of(Violation.field("part", "must be 0 or more")))
                    .withKey("problem.text.partMustBe0OrMore");
        }
        int size = printPart;
        long from = part == null ? 0 : (long) part * size;
        List<LetterRepository.Stored> letters = repository.printPart(runId, from, size + 1);
        if (letters.isEmpty() && part == null)
            throw ProblemException.notFound("The letter run of " + asOf + " wrote no letters")
                    .withKey("problem.text.theLetterRunOfWroteNoLetters", asOf);
        if (letters.isEmpty())
            throw ProblemException.notFound("The letter run of %s has no part %d".formatted(asOf, part))
                    .withKey("problem.text.theLetterRunOfHasNoPart", asOf, part);
        if (letters.size() > size && part == null) {
            throw ProblemException.ruleViolation(
                            "part",
                            "The letter run of %s wrote more than %d letters: print it in parts (part=0, 1, …)"
                                    .formatted(asOf, size))
                    .withKey("problem.text.theLetterRunOfWroteMoreThanLetters", asOf, size);
        }
        return renderer.pdf(letters.stream()
                .limit(size)
                .map(l -> new LetterRenderer.Page(l.body(), content(l)))
                .toList());
    }

    public List<LetterRunRecord> runs() {
        return repository.runs(60);
    }

    /** Without checking the caller: for the mail sender. */
    byte[] pdfForMail(long id) {
        return render(repository.find(id).orElseThrow(() -> new IllegalStateException("no letter " + id)));
    }

    // Templates ------------------------------------------------------------------------------------

    public List<LetterTemplate> templates() {
        return repository.currentTemplates();
    }

    public List<LetterTemplate> versions(int level, String language) {
        checkKey(level, language);
        return repository.versions(level, language);
    }

    /** The template filled with a sample letter, as PDF: refused like a save when the template is invalid. */
    public byte[] preview(int level, String language, String subject, String body, Caller caller) {
        checkEditor(caller);
        checkTemplate(level, language, subject, body);
        return renderer.pdf(List.of(new LetterRenderer.Page(body, SampleLetter.of(level, language))));
    }

    @Transactional
    public LetterTemplate save(
            int level, String language, String subject, String body, @Nullable String note, Caller caller) {
        checkEditor(caller);
        checkTemplate(level, language, subject, body);
        LetterTemplate saved = repository.saveTemplate(level, language, subject, body, note, caller.username());
        audit.record(
                caller.username(),
                "LETTER_TEMPLATE_SAVED",
                "LETTER_TEMPLATE",
                level + "/" + language,
                null,
                new TemplateVersion(saved.id(), saved.version(), saved.subject()),
                note);
        return saved;
    }

    record TemplateVersion(long id, int version, String subject) {}

    private void checkTemplate(int level, String language, String subject, String body) {
        checkKey(level, language);
        List<Violation> violations = TemplateCheck.check(subject, body);
        if (!violations.isEmpty())
            throw ProblemException.ruleViolation("The template is refused", violations)
                    .withKey("problem.text.theTemplateIsRefused");
    }

    private static void checkKey(int level, String language) {
        List<Violation> violations = new ArrayList<>();
        if (level < 1 || level > 4) violations.add(Violation.field("level", "must be 1 to 4"));
        if (!LANGUAGES.contains(language)) violations.add(Violation.field("language", "must be en or zh-CN"));
        if (!violations.isEmpty())
            throw ProblemException.malformed("Unknown template", violations).withKey("problem.text.unknownTemplate");
    }

    private static void checkEditor(Caller caller) {
        if (caller.roles().stream().noneMatch(EDITORS::contains) || caller.has(Role.AUDITOR)) {
            throw ProblemException.forbidden("Only a credit manager edits the letter templates")
                    .withKey("problem.text.onlyACreditManagerEditsTheLetter");
        }
    }

    private LetterRepository.Stored visible(long id, Caller caller) {
        LetterRepository.Stored letter = repository
                .find(id)
                .orElseThrow(() -> ProblemException.notFound("No letter " + id).withKey("problem.text.noLetter", id));
        customers.require(letter.customerCode(), caller);
        return letter;
    }

    private byte[] render(LetterRepository.Stored letter) {
        return renderer.pdf(List.of(new LetterRenderer.Page(letter.body(), content(letter))));
    }

    private LetterContent content(LetterRepository.Stored letter) {
        return json.readValue(letter.data(), LetterContent.class);
    }

    private static String mailBody(LetterContent c) {
        return c.language().equals("zh-CN")
                ? "您好，\n\n附件为%s于%s致贵司的函件（PDF），请查阅。\n\n%s"
                        .formatted(c.companyName(), LetterRenderer.date(c.letterDate(), c.language()), c.signature())
                : "Dear %s,\n\nplease find attached our letter of %s (PDF).\n\n%s"
                        .formatted(c.recipientName(), LetterRenderer.date(c.letterDate(), c.language()), c.signature());
    }

    private static Letter letter(LetterRepository.Stored s) {
        return new Letter(
                s.id(),
                s.customerCode(),
                s.level(),
                s.date(),
                s.language(),
                s.recipient(),
                s.cc(),
                s.amount(),
                s.currency(),
                s.createdBy(),
                s.createdAt());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}

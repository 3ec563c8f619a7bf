package org.creditdesk.collections.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditdesk.TestUsers.admin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.creditdesk.TestMail;
import org.creditdesk.TestUsers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.ledger.Ledger;
import org.creditdesk.shared.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The letter run end to end: who gets a letter, what it claims, to and cc whom, its PDF and e-mail. */
@SpringBootTest
@AutoConfigureMockMvc
class LetterRunIntegrationTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(TestMail.smtp());

    static final String CHINESE_NAME = "杭州西湖机械制造有限公司";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ReminderLetters letters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Ledger ledger;

    LetterFixtures fx;
    String area;

    @BeforeEach
    void setUp() {
        fx = new LetterFixtures(jdbc, ledger);
        area = fx.area();
    }

    @Test
    void a_letter_claims_overdue_invoices_less_disputes_goes_to_finance_and_is_copied_to_management_in_chinese()
            throws Exception {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, CHINESE_NAME, "office@xihu.example", "zh-CN");
        String disputed = fx.invoice(customer, asOf.minusDays(40), "10000.00");
        String late = fx.invoice(customer, asOf.minusDays(20), "2500.00");
        String fullyDisputed = fx.invoice(customer, asOf.minusDays(25), "700.00");
        String notDue = fx.invoice(customer, asOf.plusDays(5), "999.00");
        String paid = fx.invoice(customer, asOf.minusDays(30), "400.00");
        fx.pay(customer, asOf.minusDays(2), "400.00", paid);
        fx.dispute(customer, disputed, "4000.00", asOf.minusDays(35));
        fx.dispute(customer, fullyDisputed, "700.00", asOf.minusDays(24));
        fx.level(customer, 3, asOf.minusDays(5));
        fx.contact(customer, "王会计", "FINANCE", false, "finance@xihu.example");
        fx.contact(customer, "李总", "USER", true, "gm@xihu.example");
        fx.contact(customer, "张董", "DECISION_MAKER", false, "boss@xihu.example");
        fx.contact(customer, "赵工", "USER", false, "user@xihu.example");
        fx.brokenPromise(customer, asOf.minusDays(12), "5000.00", "1000.00");

        LetterRun run = letters.run(asOf, Caller.SYSTEM);

        assertThat(run.lettersGenerated()).isPositive();
        List<Letter> written = letters.letters(customer, Caller.SYSTEM);
        assertThat(written).singleElement().satisfies(l -> {
            assertThat(l.level()).isEqualTo(3);
            assertThat(l.language()).isEqualTo("zh-CN");
            assertThat(l.to()).isEqualTo("finance@xihu.example");
            assertThat(l.cc()).containsExactly("boss@xihu.example", "gm@xihu.example");
            assertThat(l.amount()).isEqualByComparingTo("8500.00");
            assertThat(l.date()).isEqualTo(asOf);
        });
        String text = text(letters.pdf(written.getFirst().id(), Caller.SYSTEM));
        assertThat(text)
                .contains(CHINESE_NAME)
                .contains("最后催告函")
                .contains("王会计")
                .contains(disputed)
                .contains(late)
                .contains("6,000.00")
                .contains("8,500.00 CNY")
                .contains("4,000.00")
                .contains("贵司未履行的付款承诺")
                .contains("5,000.00")
                .doesNotContain(notDue)
                .doesNotContain(paid)
                .doesNotContain(fullyDisputed);
    }

    @Test
    void below_the_cc_level_nobody_is_copied_and_without_a_finance_contact_the_company_address_is_used()
            throws Exception {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, "Harbour Tools Ltd", "accounts@harbour.example", null);
        fx.invoice(customer, asOf.minusDays(12), "1200.00");
        fx.level(customer, 1, asOf.minusDays(1));
        fx.contact(customer, "Grace GM", "USER", true, "gm@harbour.example");

        letters.run(asOf, Caller.SYSTEM);

        Letter letter = letters.letters(customer, Caller.SYSTEM).getFirst();
        assertThat(letter.to()).isEqualTo("accounts@harbour.example");
        assertThat(letter.cc()).isEmpty();
        assertThat(letter.language()).as("the company's language").isEqualTo("en");
        assertThat(text(letters.pdf(letter.id(), Caller.SYSTEM)))
                .contains("Friendly payment reminder")
                .contains("Dear Harbour Tools Ltd")
                .contains("1,200.00 CNY");
    }

    @Test
    void lateness_within_the_grace_days_gets_no_letter() {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, "Procedural Payer", "ap@proc.example", null);
        fx.invoice(customer, asOf.minusDays(3), "800.00");
        fx.level(customer, 1, asOf.minusDays(2));

        letters.run(asOf, Caller.SYSTEM);

        assertThat(letters.letters(customer, Caller.SYSTEM)).isEmpty();
    }

    @Test
    void the_next_letter_follows_a_rise_of_the_level_or_the_reminder_interval_and_a_rerun_writes_nothing() {
        LocalDate start = LetterDates.window();
        String customer = fx.customer(area, "Slow Payer", "ap@slow.example", null);
        fx.invoice(customer, start.minusDays(20), "3000.00");
        fx.level(customer, 2, start.minusDays(4));

        letters.run(start, Caller.SYSTEM);
        LetterRun rerun = letters.run(start, Caller.SYSTEM);
        letters.run(start.plusDays(3), Caller.SYSTEM);
        assertThat(rerun.rerun()).isTrue();
        assertThat(rerun.lettersGenerated()).isZero();
        assertThat(letters.letters(customer, Caller.SYSTEM)).hasSize(1);

        fx.level(customer, 3, start.plusDays(5));
        letters.run(start.plusDays(5), Caller.SYSTEM);
        letters.run(start.plusDays(11), Caller.SYSTEM);
        letters.run(start.plusDays(12), Caller.SYSTEM);

        assertThat(letters.letters(customer, Caller.SYSTEM))
                .extracting(Letter::date, Letter::level)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(start.plusDays(12), 3),
                        org.assertj.core.groups.Tuple.tuple(start.plusDays(5), 3),
                        org.assertj.core.groups.Tuple.tuple(start, 2));
    }

    @Test
    void a_run_for_a_date_before_the_last_run_changes_nothing_and_says_so() {
        LocalDate start = LetterDates.window();
        String customer = fx.customer(area, "Earlier Ltd", "ap@earlier.example", null);
        fx.invoice(customer, start.minusDays(30), "500.00");
        fx.level(customer, 2, start.minusDays(20));
        letters.run(start.plusDays(1), Caller.SYSTEM);
        int before = count();

        assertThat(mvc.post()
                        .uri("/api/v1/collections/letter-runs")
                        .with(admin())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"asOf\": \"%s\"}".formatted(start)))
                .hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
                .bodyText()
                .contains("asOf")
                .contains("before the last letter run")
                .contains("nothing was changed");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void a_level_4_letter_is_signed_by_the_assigned_lawyer() throws Exception {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, "Defaulted Trading", "ap@default.example", "en");
        fx.invoice(customer, asOf.minusDays(70), "9000.00");
        fx.level(customer, 4, asOf.minusDays(8));
        fx.legalCase(customer, "Counsel Liu Yang", asOf.minusDays(8));

        letters.run(asOf, Caller.SYSTEM);

        Letter letter = letters.letters(customer, Caller.SYSTEM).getFirst();
        assertThat(text(letters.pdf(letter.id(), Caller.SYSTEM)))
                .contains("Demand for payment")
                .contains("Counsel Liu Yang, Attorney at law")
                .contains("up to 70");
    }

    @Test
    void the_letter_is_mailed_with_its_pdf_attached_and_copied() throws Exception {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, "Mailed Ltd", "office@mailed.example", null);
        fx.invoice(customer, asOf.minusDays(25), "4100.00");
        fx.level(customer, 2, asOf.minusDays(9));
        fx.contact(customer, "Fay Finance", "FINANCE", false, "fay@mailed.example");
        fx.contact(customer, "Dee Boss", "DECISION_MAKER", false, "dee@mailed.example");

        LetterRun run = letters.run(asOf, Caller.SYSTEM);

        assertThat(run.emailsQueued()).isPositive();
        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(20).toMillis(), 2))
                .isTrue();
        MimeMessage mail = Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).contains(customer))
                .findFirst()
                .orElseThrow();
        assertThat(addresses(mail.getRecipients(Message.RecipientType.TO))).containsExactly("fay@mailed.example");
        assertThat(addresses(mail.getRecipients(Message.RecipientType.CC))).containsExactly("dee@mailed.example");
        Multipart parts = (Multipart) mail.getContent();
        BodyPart pdf = null;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContentType().startsWith("application/pdf")) pdf = parts.getBodyPart(i);
        }
        assertThat(pdf).as("a PDF attachment").isNotNull();
        assertThat(text(pdf.getInputStream().readAllBytes()))
                .contains("Mailed Ltd")
                .contains("4,100.00");
    }

    @Test
    void letters_are_listed_and_downloaded_through_the_api_and_hidden_outside_the_callers_areas() throws Exception {
        LocalDate asOf = LetterDates.window();
        String customer = fx.customer(area, "Api Customer", "ap@api.example", null);
        fx.invoice(customer, asOf.minusDays(18), "777.70");
        fx.level(customer, 2, asOf.minusDays(2));
        letters.run(asOf, Caller.SYSTEM);
        long id = letters.letters(customer, Caller.SYSTEM).getFirst().id();

        assertThat(mvc.get().uri("/api/v1/customers/{code}/letters", customer).with(admin()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[0].amount")
                .isEqualTo(777.7);
        MvcTestResult pdf =
                mvc.get().uri("/api/v1/letters/{id}.pdf", id).with(admin()).exchange();
        assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        assertThat(text(pdf.getResponse().getContentAsByteArray())).contains("777.70");
        MvcTestResult batch = mvc.get()
                .uri("/api/v1/collections/letter-runs/{asOf}.pdf", asOf)
                .with(admin())
                .exchange();
        assertThat(batch).hasStatusOk();
        assertThat(text(batch.getResponse().getContentAsByteArray())).contains("Api Customer");

        var outsider = TestUsers.user(jdbc, Role.COLLECTOR, fx.area());
        assertThat(mvc.get().uri("/api/v1/letters/{id}.pdf", id).with(outsider)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/customers/{code}/letters", customer).with(outsider))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void a_run_queues_one_mail_for_every_letter_with_a_recipient_however_few_letters_it_reads_at_once() {
        LocalDate asOf = LetterDates.window();
        for (int i = 0; i < 5; i++) {
            String customer = fx.customer(area, "Sliced " + i, "ap" + i + "@sliced.example", null);
            fx.invoice(customer, asOf.minusDays(20), "1200.00");
            fx.level(customer, 2, asOf.minusDays(4));
        }

        letters.slices(2, ReminderLetters.PRINT_PART);
        LetterRun run;
        try {
            run = letters.run(asOf, Caller.SYSTEM);
        } finally {
            letters.slices(ReminderLetters.LETTERS_AT_ONCE, ReminderLetters.PRINT_PART);
        }

        List<String> mailed =
                jdbc.sql("""
                        SELECT 'reminder-letter:' || id FROM reminder_letter
                        WHERE run_id = :run AND recipient IS NOT NULL ORDER BY id""").param("run", run.runId()).query(String.class).list();
        List<String> queued = jdbc.sql("SELECT attachment FROM mail_outbox WHERE attachment = ANY(:refs) ORDER BY id")
                .param("refs", mailed.toArray(String[]::new))
                .query(String.class)
                .list();
        assertThat(mailed).hasSizeGreaterThanOrEqualTo(5);
        assertThat(queued).containsExactlyElementsOf(mailed);
        assertThat(run.emailsQueued()).isEqualTo(mailed.size());
    }

    @Test
    void a_run_of_more_letters_than_one_pdf_holds_is_printed_in_parts_and_never_cut_short() throws Exception {
        LocalDate asOf = LetterDates.window();
        for (int i = 0; i < 3; i++) {
            String customer = fx.customer(area, "Printed " + i, "ap" + i + "@printed.example", null);
            fx.invoice(customer, asOf.minusDays(20), "1300.00");
            fx.level(customer, 2, asOf.minusDays(4));
        }
        LetterRun run = letters.run(asOf, Caller.SYSTEM);
        int parts = (run.lettersGenerated() + 1) / 2;

        letters.slices(ReminderLetters.LETTERS_AT_ONCE, 2);
        try {
            assertThat(mvc.get()
                            .uri("/api/v1/collections/letter-runs/{asOf}.pdf", asOf)
                            .with(admin()))
                    .hasStatus(HttpStatus.UNPROCESSABLE_ENTITY)
                    .bodyText()
                    .contains("print it in parts");
            StringBuilder printed = new StringBuilder();
            for (int part = 0; part < parts; part++) {
                MvcTestResult pdf = mvc.get()
                        .uri("/api/v1/collections/letter-runs/{asOf}.pdf?part={part}", asOf, part)
                        .with(admin())
                        .exchange();
                assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
                printed.append(text(pdf.getResponse().getContentAsByteArray()));
            }
            assertThat(printed.toString()).contains("Printed 0", "Printed 1", "Printed 2");
            assertThat(mvc.get()
                            .uri("/api/v1/collections/letter-runs/{asOf}.pdf?part={part}", asOf, parts)
                            .with(admin()))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get()
                            .uri("/api/v1/collections/letter-runs/{asOf}.pdf?part=-1", asOf)
                            .with(admin()))
                    .hasStatus(HttpStatus.BAD_REQUEST);
        } finally {
            letters.slices(ReminderLetters.LETTERS_AT_ONCE, ReminderLetters.PRINT_PART);
        }
    }

    @Test
    void only_the_credit_department_runs_letters() {
        assertThatThrownBy(() -> letters.run(
                        LocalDate.of(2030, 1, 1),
                        new Caller("rep", java.util.Set.of(Role.SALES_REP), java.util.Set.of())))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("CREDIT_MANAGER");
    }

    private int count() {
        return jdbc.sql("SELECT count(*) FROM reminder_letter")
                .query(Integer.class)
                .single();
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses).map(Address::toString).toList();
    }
}

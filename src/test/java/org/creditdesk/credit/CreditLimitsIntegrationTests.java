package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.creditdesk.credit.CreditFixtures.asInput;
import static org.creditdesk.credit.CreditFixtures.caller;
import static org.creditdesk.credit.CreditFixtures.defaultMatrix;
import static org.creditdesk.credit.CreditFixtures.defaultPolicy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.identity.Role;
import org.creditdesk.shared.BusinessCalendar;
import org.creditdesk.shared.Money;
import org.creditdesk.shared.ProblemException;
import org.creditdesk.shared.audit.AuditEntry;
import org.creditdesk.shared.audit.AuditTrail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Limits under four eyes, on the real database, through the facade with explicit callers. */
@SpringBootTest
@AutoConfigureMockMvc
class CreditLimitsIntegrationTests {

    static final Caller ADMIN = caller("limits-admin", Role.ADMIN);
    static final Caller REP = caller("rep-east", Role.SALES_REP, "EAST");
    static final Caller SALES_MANAGER = caller("sm-east", Role.SALES_MANAGER, "EAST");
    static final Caller CREDIT_MANAGER = caller("cm", Role.CREDIT_MANAGER);
    static final Caller OTHER_CREDIT_MANAGER = caller("cm2", Role.CREDIT_MANAGER);
    static final Caller GENERAL_MANAGER = caller("gm", Role.GENERAL_MANAGER);

    @Autowired
    CreditLimits limits;

    @Autowired
    CreditPolicies policies;

    @Autowired
    AuthorityMatrices matrices;

    @Autowired
    ErpEvents events;

    @Autowired
    AuditTrail audit;

    @Autowired
    Customers customers;

    @Autowired
    BusinessCalendar calendar;

    @Autowired
    JdbcClient jdbc;

    String code;
    LocalDate today;

    @BeforeEach
    void a_customer_in_the_east_under_the_default_balanced_policy() {
        policies.change(asInput(defaultPolicy(PolicyMode.BALANCED), "test baseline"), ADMIN);
        matrices.replace(CreditFixtures.asInput(defaultMatrix()), "test baseline", ADMIN);
        code = CreditFixtures.customer(jdbc, "EAST", "VALUE_ADDED");
        today = calendar.today();
    }

    private CreditLimitRequest request(Caller by, String amount) {
        return limits.request(
                code,
                new NewLimitRequest(
                        new BigDecimal(amount), "CNY", null, today.plusYears(1), null, "seasonal stock", null),
                by);
    }

    private long customerId() {
        return customers.require(code, ADMIN).id();
    }

    @Test
    void the_requester_cannot_approve_their_own_request() {
        CreditLimitRequest request = request(CREDIT_MANAGER, "50000");

        ProblemException e =
                catchThrowableOfType(ProblemException.class, () -> limits.approve(request.id(), "ok", CREDIT_MANAGER));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("Four eyes");
        assertThat(limits.usableLimit(customerId(), null, today)).isEmpty();
        assertThat(limits.requestById(request.id(), ADMIN).status()).isEqualTo(LimitRequestStatus.PENDING);
    }

    @Test
    void an_approver_whose_authority_does_not_cover_the_amount_is_refused() {
        CreditLimitRequest request = request(REP, "100000.01");

        ProblemException e =
                catchThrowableOfType(ProblemException.class, () -> limits.approve(request.id(), "ok", SALES_MANAGER));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.FORBIDDEN);
        assertThat(e.getMessage()).contains("BALANCED").contains("100000.00 CNY");
        assertThat(limits.usableLimit(customerId(), null, today)).isEmpty();
    }

    @Test
    void a_sales_manager_approves_within_the_sales_approval_limit_but_not_under_finance_led() {
        CreditLimitRequest request = request(REP, "100000.00");
        policies.change(asInput(defaultPolicy(PolicyMode.FINANCE_LED), "test"), ADMIN);

        assertThat(catchThrowableOfType(ProblemException.class, () -> limits.approve(request.id(), null, SALES_MANAGER))
                        .kind())
                .isEqualTo(ProblemException.Kind.FORBIDDEN);

        policies.change(asInput(defaultPolicy(PolicyMode.BALANCED), "test"), ADMIN);
        assertThat(limits.approve(request.id(), null, SALES_MANAGER).status()).isEqualTo(LimitRequestStatus.APPROVED);
    }

    @Test
    void approval_puts_the_limit_in_force_keeps_history_and_writes_audit_and_an_erp_event() {
        long lastEvent = ErpFeed.lastId(events);
        limits.approve(request(REP, "80000").id(), "good payer", SALES_MANAGER);
        CreditLimitRequest second = request(REP, "300000");

        CreditLimitRequest approved = limits.approve(second.id(), "more stock", CREDIT_MANAGER);

        assertThat(approved.status()).isEqualTo(LimitRequestStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("cm");
        assertThat(limits.usableLimit(customerId(), null, today))
                .hasValueSatisfying(line -> assertThat(line.usable()).isEqualTo(Money.of("300000.00", "CNY")));
        CreditLimitOverview overview = limits.overview(code, null, ADMIN);
        assertThat(overview.history())
                .extracting(CreditLimitVersion::amount, CreditLimitVersion::requestedBy, CreditLimitVersion::approvedBy)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("300000.00"), "rep-east", "cm"),
                        org.assertj.core.groups.Tuple.tuple(new BigDecimal("80000.00"), "rep-east", "sm-east"));
        assertThat(overview.history().get(1).supersededAt()).isNotNull();
        assertThat(audit.entries(CreditLimits.AUDIT_SUBJECT, code, 10))
                .extracting(AuditEntry::action)
                .containsExactly("LIMIT_APPROVED", "LIMIT_REQUESTED", "LIMIT_APPROVED", "LIMIT_REQUESTED");
        AuditEntry approval = audit.entries(CreditLimits.AUDIT_SUBJECT, code, 1).getFirst();
        assertThat(approval.before().get("amount").decimalValue()).isEqualByComparingTo("80000");
        assertThat(approval.after().get("amount").decimalValue()).isEqualByComparingTo("300000");
        assertThat(approval.reason()).contains("seasonal stock").contains("more stock");
        assertThat(events.after(lastEvent, 1000))
                .filteredOn(e -> e.customerCode().equals(code))
                .extracting(e -> e.type(), e -> e.payload().get("creditLimit").decimalValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ErpEventType.LIMIT_CHANGED, new BigDecimal("80000.00")),
                        org.assertj.core.groups.Tuple.tuple(ErpEventType.LIMIT_CHANGED, new BigDecimal("300000.00")));
    }

    @Test
    void rejection_leaves_the_limit_unchanged_and_is_audited() {
        limits.approve(request(REP, "50000").id(), null, CREDIT_MANAGER);
        CreditLimitRequest raise = request(REP, "90000");

        CreditLimitRequest rejected = limits.reject(raise.id(), "two invoices overdue", OTHER_CREDIT_MANAGER);

        assertThat(rejected.status()).isEqualTo(LimitRequestStatus.REJECTED);
        assertThat(limits.usableLimit(customerId(), null, today))
                .hasValueSatisfying(line -> assertThat(line.limit()).isEqualTo(Money.of("50000.00", "CNY")));
        AuditEntry entry = audit.entries(CreditLimits.AUDIT_SUBJECT, code, 1).getFirst();
        assertThat(entry.action()).isEqualTo("LIMIT_REJECTED");
        assertThat(entry.reason()).isEqualTo("two invoices overdue");
        assertThat(entry.after().get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void a_decided_request_cannot_be_decided_again() {
        CreditLimitRequest request = request(REP, "1000");
        limits.reject(request.id(), "no", CREDIT_MANAGER);

        assertThat(catchThrowableOfType(
                                ProblemException.class, () -> limits.approve(request.id(), null, GENERAL_MANAGER))
                        .kind())
                .isEqualTo(ProblemException.Kind.CONFLICT);
    }

    @Test
    void a_rejection_needs_a_comment() {
        CreditLimitRequest request = request(REP, "1000");

        ProblemException e =
                catchThrowableOfType(ProblemException.class, () -> limits.reject(request.id(), " ", CREDIT_MANAGER));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("comment");
    }

    @Test
    void one_request_per_credit_line_may_be_pending() {
        request(REP, "1000");

        assertThat(catchThrowableOfType(ProblemException.class, () -> request(REP, "2000"))
                        .kind())
                .isEqualTo(ProblemException.Kind.CONFLICT);
    }

    @Test
    void sales_users_outside_the_customers_area_neither_see_nor_decide_its_requests() {
        Caller westManager = caller("sm-west", Role.SALES_MANAGER, "WEST");
        CreditLimitRequest request = request(REP, "1000");

        assertThat(limits.requests(LimitRequestStatus.PENDING, westManager))
                .extracting(CreditLimitRequest::id)
                .doesNotContain(request.id());
        assertThat(limits.requests(LimitRequestStatus.PENDING, SALES_MANAGER))
                .extracting(CreditLimitRequest::id)
                .contains(request.id());
        assertThat(catchThrowableOfType(ProblemException.class, () -> limits.approve(request.id(), null, westManager))
                        .kind())
                .isEqualTo(ProblemException.Kind.NOT_FOUND);
    }

    @Test
    void an_invalid_request_names_its_fields() {
        ProblemException e = catchThrowableOfType(
                ProblemException.class,
                () -> limits.request(
                        code,
                        new NewLimitRequest(new BigDecimal("-1.001"), "XYZ", null, today.minusDays(1), null, " ", null),
                        REP));

        assertThat(e.kind()).isEqualTo(ProblemException.Kind.RULE_VIOLATION);
        assertThat(e.violations())
                .extracting(v -> v.field())
                .containsExactly("currency", "amount", "validUntil", "reason");
    }

    @Test
    void contract_lines_are_only_for_value_added_customers() {
        String volume = CreditFixtures.customer(jdbc, "EAST", "VOLUME");
        NewLimitRequest contract =
                new NewLimitRequest(new BigDecimal("5000"), null, null, today.plusMonths(6), null, "project", "K-1");

        assertThat(catchThrowableOfType(ProblemException.class, () -> limits.request(volume, contract, REP))
                        .violations())
                .extracting(v -> v.field())
                .containsExactly("contractNo");

        CreditLimitRequest onContract = limits.request(code, contract, REP);
        limits.approve(onContract.id(), null, CREDIT_MANAGER);
        assertThat(limits.usableLimit(customerId(), "K-1", today)).isPresent();
        assertThat(limits.usableLimit(customerId(), null, today))
                .as("the overall line is separate")
                .isEmpty();
    }

    @Test
    void valid_securities_raise_the_usable_limit_until_they_expire_and_the_limit_expires_too() {
        NewLimitRequest shortLimit = new NewLimitRequest(
                new BigDecimal("10000"), "CNY", today, today.plusDays(30), today.plusDays(20), "trial", null);
        limits.approve(limits.request(code, shortLimit, REP).id(), null, CREDIT_MANAGER);
        limits.addSecurity(
                code,
                new NewSecurity("BANK_GUARANTEE", new BigDecimal("5000"), "CNY", today.plusDays(10), "BG-1", null),
                CREDIT_MANAGER);
        limits.addSecurity(
                code,
                new NewSecurity("CASH_DEPOSIT", new BigDecimal("700"), "USD", today.plusDays(60), null, null),
                CREDIT_MANAGER);

        assertThat(limits.usableLimit(customerId(), null, today).orElseThrow().usable())
                .as("the USD deposit cannot be converted without a rate and does not count")
                .isEqualTo(Money.of("15000.00", "CNY"));
        assertThat(limits.usableLimit(customerId(), null, today.plusDays(11))
                        .orElseThrow()
                        .usable())
                .isEqualTo(Money.of("10000.00", "CNY"));
        CustomerCreditLine expired =
                limits.usableLimit(customerId(), null, today.plusDays(31)).orElseThrow();
        assertThat(expired.state()).isEqualTo(LimitState.EXPIRED);
        assertThat(expired.usable().isZero()).isTrue();
        assertThat(limits.overview(code, null, ADMIN).securities()).hasSize(2);
    }

    @Test
    void only_the_credit_department_records_securities() {
        NewSecurity guarantee =
                new NewSecurity("LETTER_OF_CREDIT", new BigDecimal("1"), null, today.plusDays(1), null, null);

        assertThat(catchThrowableOfType(
                                ProblemException.class, () -> limits.addSecurity(code, guarantee, SALES_MANAGER))
                        .kind())
                .isEqualTo(ProblemException.Kind.FORBIDDEN);
        assertThat(limits.securities(code, ADMIN)).isEmpty();
    }

    @Test
    void the_inbox_lists_pending_requests_newest_first() {
        String other = CreditFixtures.customer(jdbc, "EAST", "VOLUME");
        CreditLimitRequest first = request(REP, "1000");
        CreditLimitRequest second = limits.request(
                other,
                new NewLimitRequest(new BigDecimal("2000"), null, null, today.plusDays(90), null, "new", null),
                REP);

        List<Long> inbox = limits.requests(LimitRequestStatus.PENDING, CREDIT_MANAGER).stream()
                .map(CreditLimitRequest::id)
                .toList();

        assertThat(inbox).containsSubsequence(second.id(), first.id());
    }

    @Test
    void the_inbox_offers_approval_only_to_other_users_whose_authority_covers_the_amount() {
        CreditLimitRequest small = request(REP, "1000");
        String other = CreditFixtures.customer(jdbc, "EAST", "VOLUME");
        CreditLimitRequest large = limits.request(
                other,
                new NewLimitRequest(new BigDecimal("5000000"), null, null, today.plusDays(90), null, "big", null),
                REP);
        List<CreditLimitRequest> both = List.of(small, large);

        assertThat(limits.approvableBy(SALES_MANAGER, both)).containsExactly(small.id());
        assertThat(limits.approvableBy(CREDIT_MANAGER, both)).containsExactly(small.id());
        assertThat(limits.approvableBy(GENERAL_MANAGER, both)).containsExactlyInAnyOrder(small.id(), large.id());
        assertThat(limits.approvableBy(REP, both)).isEmpty();
    }
}

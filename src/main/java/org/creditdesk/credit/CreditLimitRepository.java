package org.creditdesk.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CreditLimitRepository {

    private static final String REQUEST_COLUMNS = """
            id, customer_code, area_code, contract_no, amount, currency, valid_from, valid_until, review_on, reason,
            status, requested_by, requested_at, decided_by, decided_at, decision_comment
            """;
    private static final String INSERT_REQUEST = """
            INSERT INTO credit_limit_request (customer_id, customer_code, area_code, contract_no, amount, currency,
                                              valid_from, valid_until, review_on, reason, status, requested_by, requested_at)
            VALUES (:customerId, :customerCode, :areaCode, :contractNo, :amount, :currency,
                    :validFrom, :validUntil, :reviewOn, :reason, 'PENDING', :requestedBy, :requestedAt)
            RETURNING id
            """;
    private static final String REQUEST_BY_ID =
            "SELECT " + REQUEST_COLUMNS + " FROM credit_limit_request WHERE id = :id";
    private static final String LOCK_REQUEST =
            "SELECT " + REQUEST_COLUMNS + " FROM credit_limit_request WHERE id = :id FOR UPDATE";
    private static final String PENDING_FOR_LINE = """
            SELECT id FROM credit_limit_request
            WHERE customer_id = :customerId AND coalesce(contract_no, '') = coalesce(:contractNo, '') AND status = 'PENDING'
            """;
    private static final String DECIDE = """
            UPDATE credit_limit_request
            SET status = :status, decided_by = :by, decided_at = :at, decision_comment = :comment
            WHERE id = :id AND status = 'PENDING'
            """;
    // areas: empty array = every area.
    private static final String REQUESTS = "SELECT " + REQUEST_COLUMNS + """
            FROM credit_limit_request
            WHERE (CAST(:status AS text) IS NULL OR status = :status)
              AND (cardinality(CAST(:areas AS text[])) = 0 OR area_code = ANY(CAST(:areas AS text[])))
            ORDER BY id DESC
            LIMIT :limit
            """;
    private static final String REQUESTS_OF_CUSTOMER = "SELECT " + REQUEST_COLUMNS + """
            FROM credit_limit_request
            WHERE customer_id = :customerId AND status = :status
            ORDER BY id DESC
            """;

    private static final String VERSION_COLUMNS = """
            l.id, l.contract_no, l.amount, l.currency, l.valid_from, l.valid_until, l.review_on, l.request_id,
            r.requested_by, r.reason, l.approved_by, l.approved_at, r.decision_comment, l.superseded_at
            """;
    private static final String CURRENT_LINE = "SELECT " + VERSION_COLUMNS + """
            FROM credit_limit l JOIN credit_limit_request r ON r.id = l.request_id
            WHERE l.customer_id = :customerId AND coalesce(l.contract_no, '') = coalesce(:contractNo, '')
              AND l.superseded_at IS NULL
            """;
    private static final String HISTORY = "SELECT " + VERSION_COLUMNS + """
            FROM credit_limit l JOIN credit_limit_request r ON r.id = l.request_id
            WHERE l.customer_id = :customerId
            ORDER BY l.id DESC
            """;
    private static final String SUPERSEDE = """
            UPDATE credit_limit SET superseded_at = :at
            WHERE customer_id = :customerId AND coalesce(contract_no, '') = coalesce(:contractNo, '')
              AND superseded_at IS NULL
            """;
    private static final String INSERT_LIMIT = """
            INSERT INTO credit_limit (customer_id, contract_no, amount, currency, valid_from, valid_until, review_on,
                                      request_id, approved_by, approved_at)
            SELECT customer_id, contract_no, amount, currency, valid_from, valid_until, review_on, id, :by, :at
            FROM credit_limit_request
            WHERE id = :requestId
            """;

    private static final String SECURITY_COLUMNS = """
            id, type, contract_no, amount, currency, expires_on, reference, created_by, created_at
            """;
    private static final String INSERT_SECURITY = """
            INSERT INTO credit_security (customer_id, contract_no, type, amount, currency, expires_on, reference,
                                         created_by, created_at)
            VALUES (:customerId, :contractNo, :type, :amount, :currency, :expiresOn, :reference, :by, :at)
            RETURNING id
            """;
    private static final String SECURITIES = "SELECT " + SECURITY_COLUMNS + """
            FROM credit_security
            WHERE customer_id = :customerId
            ORDER BY expires_on DESC, id DESC
            """;
    private static final String VALID_SECURITIES_OF_LINE = "SELECT " + SECURITY_COLUMNS + """
            FROM credit_security
            WHERE customer_id = :customerId AND coalesce(contract_no, '') = coalesce(:contractNo, '')
              AND expires_on >= :asOf
            """;

    // Until CustomerRef carries the business group (customers branch), read it here; one column, one row.
    private static final String BUSINESS_GROUP = "SELECT business_group FROM customer WHERE id = :customerId";

    private final JdbcClient jdbc;

    CreditLimitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertRequest(long customerId, CreditLimitRequest request) {
        return jdbc.sql(INSERT_REQUEST)
                .param("customerId", customerId)
                .param("customerCode", request.customerCode())
                .param("areaCode", request.areaCode())
                .param("contractNo", request.contractNo())
                .param("amount", request.amount())
                .param("currency", request.currency())
                .param("validFrom", request.validFrom())
                .param("validUntil", request.validUntil())
                .param("reviewOn", request.reviewOn())
                .param("reason", request.reason())
                .param("requestedBy", request.requestedBy())
                .param("requestedAt", request.requestedAt())
                .query(Long.class)
                .single();
    }

    Optional<CreditLimitRequest> request(long id) {
        return jdbc.sql(REQUEST_BY_ID)
                .param("id", id)
                .query(CreditLimitRepository::request)
                .optional();
    }

    Optional<CreditLimitRequest> lockRequest(long id) {
        return jdbc.sql(LOCK_REQUEST)
                .param("id", id)
                .query(CreditLimitRepository::request)
                .optional();
    }

    Optional<Long> pendingFor(long customerId, @Nullable String contractNo) {
        return jdbc.sql(PENDING_FOR_LINE)
                .param("customerId", customerId)
                .param("contractNo", contractNo)
                .query(Long.class)
                .optional();
    }

    void decide(long id, LimitRequestStatus status, String by, OffsetDateTime at, @Nullable String comment) {
        int changed = jdbc.sql(DECIDE)
                .param("id", id)
                .param("status", status.name())
                .param("by", by)
                .param("at", at)
                .param("comment", comment)
                .update();
        if (changed != 1) throw new IllegalStateException("request " + id + " was not pending");
    }

    List<CreditLimitRequest> requests(@Nullable LimitRequestStatus status, String[] areas, int limit) {
        return jdbc.sql(REQUESTS)
                .param("status", status == null ? null : status.name())
                .param("areas", areas)
                .param("limit", limit)
                .query(CreditLimitRepository::request)
                .list();
    }

    List<CreditLimitRequest> requestsOf(long customerId, LimitRequestStatus status) {
        return jdbc.sql(REQUESTS_OF_CUSTOMER)
                .param("customerId", customerId)
                .param("status", status.name())
                .query(CreditLimitRepository::request)
                .list();
    }

    Optional<CreditLimitVersion> currentLine(long customerId, @Nullable String contractNo) {
        return jdbc.sql(CURRENT_LINE)
                .param("customerId", customerId)
                .param("contractNo", contractNo)
                .query(CreditLimitRepository::version)
                .optional();
    }

    List<CreditLimitVersion> history(long customerId) {
        return jdbc.sql(HISTORY)
                .param("customerId", customerId)
                .query(CreditLimitRepository::version)
                .list();
    }

    /** Replaces the current version of the request's credit line by the request's terms. */
    void putInForce(long customerId, CreditLimitRequest request, String by, OffsetDateTime at) {
        jdbc.sql(SUPERSEDE)
                .param("customerId", customerId)
                .param("contractNo", request.contractNo())
                .param("at", at)
                .update();
        jdbc.sql(INSERT_LIMIT)
                .param("requestId", request.id())
                .param("by", by)
                .param("at", at)
                .update();
    }

    long insertSecurity(long customerId, CreditSecurity security) {
        return jdbc.sql(INSERT_SECURITY)
                .param("customerId", customerId)
                .param("contractNo", security.contractNo())
                .param("type", security.type().name())
                .param("amount", security.amount())
                .param("currency", security.currency())
                .param("expiresOn", security.expiresOn())
                .param("reference", security.reference())
                .param("by", security.createdBy())
                .param("at", security.createdAt())
                .query(Long.class)
                .single();
    }

    List<CreditSecurity> securities(long customerId) {
        return jdbc.sql(SECURITIES)
                .param("customerId", customerId)
                .query(CreditLimitRepository::security)
                .list();
    }

    List<CreditSecurity> validSecurities(long customerId, @Nullable String contractNo, LocalDate asOf) {
        return jdbc.sql(VALID_SECURITIES_OF_LINE)
                .param("customerId", customerId)
                .param("contractNo", contractNo)
                .param("asOf", asOf)
                .query(CreditLimitRepository::security)
                .list();
    }

    Optional<String> businessGroup(long customerId) {
        return jdbc.sql(BUSINESS_GROUP)
                .param("customerId", customerId)
                .query(String.class)
                .optional();
    }

    private static CreditLimitRequest request(ResultSet rs, int n) throws SQLException {
        return new CreditLimitRequest(
                rs.getLong("id"),
                rs.getString("customer_code"),
                rs.getString("area_code"),
                rs.getString("contract_no"),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("review_on", LocalDate.class),
                rs.getString("reason"),
                LimitRequestStatus.valueOf(rs.getString("status")),
                rs.getString("requested_by"),
                rs.getObject("requested_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_comment"));
    }

    private static CreditLimitVersion version(ResultSet rs, int n) throws SQLException {
        return new CreditLimitVersion(
                rs.getLong("id"),
                rs.getString("contract_no"),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getObject("review_on", LocalDate.class),
                rs.getLong("request_id"),
                rs.getString("requested_by"),
                rs.getString("reason"),
                rs.getString("approved_by"),
                rs.getObject("approved_at", OffsetDateTime.class),
                rs.getString("decision_comment"),
                rs.getObject("superseded_at", OffsetDateTime.class));
    }

    private static CreditSecurity security(ResultSet rs, int n) throws SQLException {
        return new CreditSecurity(
                rs.getLong("id"),
                SecurityType.valueOf(rs.getString("type")),
                rs.getString("contract_no"),
                rs.getBigDecimal("amount"),
                rs.getString("currency").trim(),
                rs.getObject("expires_on", LocalDate.class),
                rs.getString("reference"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}

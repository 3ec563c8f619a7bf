package org.creditdesk.identity;

/** The roles of API.md Identity. Sales roles and collectors are limited to their areas. */
public enum Role {
    ADMIN,
    GENERAL_MANAGER,
    CREDIT_MANAGER,
    CREDIT_SUPERVISOR,
    FINANCE,
    COLLECTOR,
    SALES_MANAGER,
    SALES_REP,
    LEGAL,
    /** After-sales service: works the service cases that quality disputes open. */
    SERVICE,
    AUDITOR;

    /** Users with these roles see only the customers of their areas (when they have areas). */
    public boolean isAreaScoped() {
        return this == SALES_MANAGER || this == SALES_REP || this == COLLECTOR;
    }
}

package org.creditdesk.customers;

/**
 * The columns the customer list sorts by; each names its SQL ordering (over the search's row {@code s}
 * and today's figures {@code f}), ties broken by name (ICU Chinese collation, V125) and code. Customers
 * without a figure sort last.
 */
public enum CustomerSort {
    NAME("s.name COLLATE customer_name"),
    CODE("s.code"),
    CREDIT_LIMIT("f.credit_limit"),
    EXPOSURE("f.exposure"),
    OVERDUE("f.overdue_amount"),
    DAYS_OVERDUE("f.max_days_overdue"),
    LEVEL("f.escalation_level"),
    RISK_CLASS("f.risk_class");

    private final String column;

    CustomerSort(String column) {
        this.column = column;
    }

    String orderBy(boolean descending) {
        return column + (descending ? " DESC NULLS LAST" : " ASC NULLS LAST")
                + ", s.name COLLATE customer_name, s.code";
    }
}

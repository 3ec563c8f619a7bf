package org.creditdesk.monitoring;

import java.util.Arrays;
import java.util.Optional;

/** What the aging report's rows are: the {@code groupBy} values of {@code GET /reports/aging}. */
public enum AgingGrouping {
    AREA("area"),
    PRODUCT_LINE("productLine"),
    SALES_REP("salesRep"),
    CUSTOMER("customer"),
    BUSINESS_GROUP("businessGroup");

    private final String parameter;

    AgingGrouping(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static Optional<AgingGrouping> ofParameter(String value) {
        return Arrays.stream(values()).filter(g -> g.parameter.equals(value)).findFirst();
    }
}

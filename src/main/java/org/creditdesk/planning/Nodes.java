package org.creditdesk.planning;

import org.jspecify.annotations.Nullable;

/** Node keys of the plan tree: {@code PRODUCT_LINE}, {@code PRODUCT_LINE/AREA}, {@code PRODUCT_LINE/AREA/CUSTOMER}. */
final class Nodes {

    private Nodes() {}

    static String key(String productLine, @Nullable String area, @Nullable String customer) {
        if (area == null) return productLine;
        if (customer == null) return productLine + "/" + area;
        return productLine + "/" + area + "/" + customer;
    }
}

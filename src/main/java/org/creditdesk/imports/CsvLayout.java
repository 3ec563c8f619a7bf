package org.creditdesk.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns a CSV file of one kind may have: API.md's JSON field names, each staged in a text
 * column of the same name in snake_case. Required columns must be in the header; which values are
 * required is checked by the module that owns the rows.
 */
record CsvLayout(ImportKind kind, List<Column> columns) {

    record Column(String name, boolean required) {

        String stagingColumn() {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        }
    }

    private static final Map<ImportKind, CsvLayout> LAYOUTS = Map.of(
            ImportKind.CUSTOMERS,
            layout(
                    ImportKind.CUSTOMERS,
                    "code*",
                    "name*",
                    "registrationNo",
                    "establishedOn",
                    "area*",
                    "businessGroup*",
                    "salesRep",
                    "paymentTermDays*",
                    "currency",
                    "address",
                    "phones",
                    "email",
                    "bankAccounts",
                    "people",
                    "language"),
            ImportKind.ORDERS,
            layout(
                    ImportKind.ORDERS,
                    "orderNo*",
                    "customerCode*",
                    "orderDate*",
                    "amount*",
                    "currency",
                    "productLine",
                    "contractNo"),
            ImportKind.INVOICES,
            layout(
                    ImportKind.INVOICES,
                    "invoiceNo*",
                    "customerCode*",
                    "orderNo",
                    "issueDate*",
                    "dueDate*",
                    "amount*",
                    "currency",
                    "productLine"),
            ImportKind.PAYMENTS,
            layout(
                    ImportKind.PAYMENTS,
                    "paymentNo*",
                    "customerCode*",
                    "receivedOn*",
                    "amount*",
                    "currency",
                    "method*",
                    "chequeNo",
                    "invoiceNo"));

    static CsvLayout of(ImportKind kind) {
        return LAYOUTS.get(kind);
    }

    private static CsvLayout layout(ImportKind kind, String... names) {
        return new CsvLayout(
                kind,
                java.util.Arrays.stream(names)
                        .map(n -> n.endsWith("*")
                                ? new Column(n.substring(0, n.length() - 1), true)
                                : new Column(n, false))
                        .toList());
    }

    Map<String, Column> byName() {
        return columns.stream().collect(Collectors.toMap(Column::name, Function.identity()));
    }
}

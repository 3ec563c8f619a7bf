package org.creditdesk.imports;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.creditdesk.shared.TextLimits;

/**
 * The columns a CSV file of one kind may have: API.md's JSON field names, each staged in a text
 * column of the same name in snake_case. Required columns must be in the header; which values are
 * required is checked by the module that owns the rows.
 */
record CsvLayout(ImportKind kind, List<Column> columns) {

    record Column(String name, boolean required) {

        /** Natural keys: checked against {@link TextLimits#keyProblem} before anything is staged. */
        private static final java.util.Set<String> KEYS =
                java.util.Set.of("code", "orderNo", "invoiceNo", "paymentNo", "customerCode", "contractNo");

        /** A natural key: checked as such before staging, and the column the set-based checks join on. */
        boolean isKey() {
            return KEYS.contains(name);
        }

        /** The ledger files' dates and amounts: staged twice, as text and typed ({@link StagedValue}). */
        private static final Map<String, String> TYPED = Map.of(
                "orderDate", "DATE",
                "issueDate", "DATE",
                "dueDate", "DATE",
                "receivedOn", "DATE",
                "amount", "NUMERIC(19, 2)");

        String stagingColumn() {
            return name.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
        }

        /** The SQL type of the typed copy ({@code <stagingColumn>_value}), or null for text only. */
        @org.jspecify.annotations.Nullable
        String typedAs() {
            return TYPED.get(name);
        }

        String typedColumn() {
            return stagingColumn() + "_value";
        }

        /** Whether the value has a typed copy: a valid date in a date column, a valid amount in an amount column. */
        boolean typedValid(CharSequence value) {
            return "DATE".equals(typedAs()) ? StagedValue.isDate(value) : StagedValue.isAmount(value);
        }

        /** Why this value of the column cannot be stored (issue 15 finding 3); empty values are the owner's call. */
        java.util.Optional<String> problem(CharSequence value) {
            if (value.isEmpty()) return java.util.Optional.empty();
            String text = value.toString();
            if (isKey()) return TextLimits.keyProblem(text.strip());
            int max = switch (name) {
                case "name" -> TextLimits.NAME_MAX;
                case "address", "phones", "bankAccounts", "people" -> TextLimits.LONG_MAX;
                default -> TextLimits.SHORT_MAX;
            };
            return TextLimits.textProblem(text, max);
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

package org.creditdesk.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.recursive.comparison.RecursiveComparisonConfiguration;
import org.creditdesk.customers.CustomerRef;
import org.creditdesk.customers.Customers;
import org.creditdesk.identity.Caller;
import org.creditdesk.imports.ImportKind;
import org.creditdesk.imports.Imports;
import org.creditdesk.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** A set-based import publishes no per-row events, yet the credit check must see what it wrote. */
@SpringBootTest
class ImportedLedgerRunningTotalsTests {

    static final RecursiveComparisonConfiguration BY_VALUE = RecursiveComparisonConfiguration.builder()
            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
            .build();

    @Autowired
    Imports imports;

    @Autowired
    Customers customers;

    @Autowired
    CreditAccounts accounts;

    @Autowired
    Ledger ledger;

    private final String x = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void imported_orders_invoices_and_payments_update_the_running_totals_in_the_same_commit() {
        load(
                ImportKind.CUSTOMERS,
                "code,name,area,businessGroup,paymentTermDays",
                "RT" + x + ",Totals Co,EAST,VOLUME,30");
        load(
                ImportKind.ORDERS,
                "orderNo,customerCode,orderDate,amount,currency,productLine",
                "RO1" + x + ",RT" + x + ",2024-01-01,500.00,CNY,PIPES",
                "RO2" + x + ",RT" + x + ",2024-01-02,700.00,CNY,PIPES");
        load(
                ImportKind.INVOICES,
                "invoiceNo,customerCode,orderNo,issueDate,dueDate,amount",
                "RI1" + x + ",RT" + x + ",RO1" + x + ",2024-01-05,2024-02-05,500.00",
                "RI2" + x + ",RT" + x + ",,2024-01-06,2024-02-06,300.00");
        load(
                ImportKind.PAYMENTS,
                "paymentNo,customerCode,receivedOn,amount,method",
                "RP1" + x + ",RT" + x + ",2024-02-10,650.00,BANK_TRANSFER");

        CustomerRef customer = customers.require("RT" + x, Caller.SYSTEM);
        assertThat(accounts.runningTotals(List.of(customer.id())))
                .as("running totals after the imports")
                .usingRecursiveFieldByFieldElementComparator(BY_VALUE)
                .containsExactlyInAnyOrderElementsOf(
                        CreditAccountPropertyTests.nonZero(ledger.balances(List.of(customer.id()))));
        assertThat(accounts.runningTotals(List.of(customer.id())))
                .singleElement()
                .satisfies(balance -> assertThat(balance.releasedOrders()).isEqualByComparingTo("700.00"))
                .satisfies(balance -> assertThat(balance.openReceivables()).isEqualByComparingTo("150.00"));
    }

    private void load(ImportKind kind, String... lines) {
        byte[] csv = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        imports.importCsv(kind, new ByteArrayInputStream(csv), Caller.SYSTEM);
    }
}

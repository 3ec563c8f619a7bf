package org.creditdesk.collections;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What collections needs of a ledger invoice (through the collections_invoice view). */
record InvoiceRef(
        long id,
        String invoiceNo,
        long customerId,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        BigDecimal openAmount,
        String currency) {}

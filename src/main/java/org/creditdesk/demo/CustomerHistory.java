package org.creditdesk.demo;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One customer's documents up to the as-of date. Amounts are exact minor units (fen): integers
 * keep money exact and cost nothing when millions of rows are written.
 */
record CustomerHistory(
        List<Order> orders,
        List<Invoice> invoices,
        List<Payment> payments,
        List<CreditNote> creditNotes,
        List<BouncedCheque> bouncedCheques,
        List<Payment> replacementPayments) {

    record Order(
            String orderNo,
            LocalDate orderDate,
            long cents,
            String productLine,
            @Nullable String contractNo) {}

    record Invoice(
            String invoiceNo, String orderNo, LocalDate issueDate, LocalDate dueDate, long cents, String productLine) {}

    record Payment(
            String paymentNo,
            LocalDate receivedOn,
            long cents,
            String method,
            @Nullable String chequeNo,
            String invoiceNo) {}

    record CreditNote(String creditNoteNo, String invoiceNo, LocalDate issueDate, long cents, String reason) {}

    record BouncedCheque(Payment cheque, LocalDate bouncedOn, String reason) {}
}

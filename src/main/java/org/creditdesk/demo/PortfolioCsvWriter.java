package org.creditdesk.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.creditdesk.demo.CustomerHistory.BouncedCheque;
import org.creditdesk.demo.CustomerHistory.CreditNote;
import org.creditdesk.demo.CustomerHistory.Invoice;
import org.creditdesk.demo.CustomerHistory.Order;
import org.creditdesk.demo.CustomerHistory.Payment;
import org.jspecify.annotations.Nullable;

/**
 * Streams customers and their histories into the import CSV files (header row = the JSON field
 * names of API.md), one customer at a time, so memory stays flat however large the portfolio.
 */
final class PortfolioCsvWriter implements AutoCloseable {

    private static final String CURRENCY = "CNY";

    private final Path directory;
    private final Writer customers;
    private final Writer orders;
    private final Writer invoices;
    private final Writer payments;
    private final Writer creditNotes;
    private final Writer bouncedCheques;
    private final Writer replacementPayments;
    private final Writer behaviours;
    private final Writer creditLimits;
    private final LocalDate asOf;
    private final StringBuilder line = new StringBuilder(512);
    private boolean firstField;
    private final DateText dates;
    private long customerCount;
    private long orderCount;
    private long invoiceCount;
    private long paymentCount;
    private long creditNoteCount;
    private long bouncedCount;
    private long replacementCount;

    PortfolioCsvWriter(Path directory, LocalDate from, LocalDate to) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.dates = new DateText(from, to);
        this.asOf = to;
        customers = open(
                GeneratedPortfolio.CUSTOMERS,
                "code,name,registrationNo,establishedOn,area,businessGroup,salesRep,paymentTermDays,currency,"
                        + "address,phones,email,bankAccounts,people");
        orders = open(
                GeneratedPortfolio.ORDERS, "orderNo,customerCode,orderDate,amount,currency,productLine,contractNo");
        invoices = open(
                GeneratedPortfolio.INVOICES,
                "invoiceNo,customerCode,orderNo,issueDate,dueDate,amount,currency,productLine");
        String paymentHeader = "paymentNo,customerCode,receivedOn,amount,currency,method,chequeNo,invoiceNo";
        payments = open(GeneratedPortfolio.PAYMENTS, paymentHeader);
        creditNotes =
                open(GeneratedPortfolio.CREDIT_NOTES, "creditNoteNo,customerCode,invoiceNo,issueDate,amount,reason");
        bouncedCheques = open(
                GeneratedPortfolio.BOUNCED_CHEQUES,
                "paymentNo,customerCode,chequeNo,invoiceNo,amount,receivedOn,bouncedOn,reason");
        replacementPayments = open(GeneratedPortfolio.REPLACEMENT_PAYMENTS, paymentHeader);
        behaviours = open(GeneratedPortfolio.BEHAVIOURS, "customerCode,behaviour,businessGroup,keyAccount,linkedTo");
        creditLimits = open(
                GeneratedPortfolio.CREDIT_LIMITS, "customerCode,amount,currency,validFrom,validUntil,reviewOn,reason");
    }

    void write(CustomerProfile customer, CustomerHistory history) throws IOException {
        String code = customer.code();
        start().field(code)
                .field(customer.name())
                .field(customer.registrationNo())
                .field(customer.establishedOn())
                .field(customer.area())
                .field(customer.group().name())
                .field(customer.salesRep())
                .field(Integer.toString(customer.paymentTermDays()))
                .field(CURRENCY)
                .field(customer.address())
                .field(String.join(";", customer.phones()))
                .field(customer.email())
                .field(String.join(";", customer.bankAccounts()))
                .field(people(customer.people()))
                .end(customers);
        customerCount++;
        start().field(code)
                .field(customer.behaviour().name())
                .field(customer.group().name())
                .field(Boolean.toString(customer.keyAccount()))
                .field(customer.linkedTo())
                .end(behaviours);
        var limit = LimitProposal.of(customer, history, asOf);
        if (limit.isPresent()) {
            start().field(code)
                    .amount(limit.get().cents())
                    .field(CURRENCY)
                    .field(limit.get().validFrom())
                    .field(limit.get().validUntil())
                    .field(limit.get().reviewOn())
                    .field(limit.get().reason())
                    .end(creditLimits);
        }

        for (Order order : history.orders()) {
            start().field(order.orderNo())
                    .field(code)
                    .field(order.orderDate())
                    .amount(order.cents())
                    .field(CURRENCY)
                    .field(order.productLine())
                    .field(order.contractNo())
                    .end(orders);
        }
        orderCount += history.orders().size();
        for (Invoice invoice : history.invoices()) {
            start().field(invoice.invoiceNo())
                    .field(code)
                    .field(invoice.orderNo())
                    .field(invoice.issueDate())
                    .field(invoice.dueDate())
                    .amount(invoice.cents())
                    .field(CURRENCY)
                    .field(invoice.productLine())
                    .end(invoices);
        }
        invoiceCount += history.invoices().size();
        for (Payment payment : history.payments()) {
            payment(code, payment, payments);
        }
        paymentCount += history.payments().size();
        for (CreditNote note : history.creditNotes()) {
            start().field(note.creditNoteNo())
                    .field(code)
                    .field(note.invoiceNo())
                    .field(note.issueDate())
                    .amount(note.cents())
                    .field(note.reason())
                    .end(creditNotes);
        }
        creditNoteCount += history.creditNotes().size();
        for (BouncedCheque bounce : history.bouncedCheques()) {
            Payment cheque = bounce.cheque();
            start().field(cheque.paymentNo())
                    .field(code)
                    .field(cheque.chequeNo())
                    .field(cheque.invoiceNo())
                    .amount(cheque.cents())
                    .field(cheque.receivedOn())
                    .field(bounce.bouncedOn())
                    .field(bounce.reason())
                    .end(bouncedCheques);
        }
        bouncedCount += history.bouncedCheques().size();
        for (Payment payment : history.replacementPayments()) {
            payment(code, payment, replacementPayments);
        }
        replacementCount += history.replacementPayments().size();
    }

    GeneratedPortfolio result() {
        return new GeneratedPortfolio(
                directory,
                customerCount,
                orderCount,
                invoiceCount,
                paymentCount,
                creditNoteCount,
                bouncedCount,
                replacementCount);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (Writer writer : List.of(
                customers,
                orders,
                invoices,
                payments,
                creditNotes,
                bouncedCheques,
                replacementPayments,
                behaviours,
                creditLimits)) {
            try {
                writer.close();
            } catch (IOException e) {
                if (failure == null) failure = e;
            }
        }
        if (failure != null) throw failure;
    }

    private void payment(String code, Payment payment, Writer target) throws IOException {
        start().field(payment.paymentNo())
                .field(code)
                .field(payment.receivedOn())
                .amount(payment.cents())
                .field(CURRENCY)
                .field(payment.method())
                .field(payment.chequeNo())
                .field(payment.invoiceNo())
                .end(target);
    }

    private static String people(List<CustomerProfile.Person> people) {
        StringBuilder items = new StringBuilder(160);
        for (CustomerProfile.Person person : people) {
            if (!items.isEmpty()) items.append(';');
            items.append(person.role())
                    .append(':')
                    .append(person.name())
                    .append(':')
                    .append(person.idNo());
        }
        return items.toString();
    }

    private Writer open(String name, String header) throws IOException {
        Writer writer = new BufferedWriter(
                new OutputStreamWriter(Files.newOutputStream(directory.resolve(name)), StandardCharsets.UTF_8),
                1 << 16);
        writer.write(header);
        writer.write("\r\n");
        return writer;
    }

    private PortfolioCsvWriter start() {
        line.setLength(0);
        firstField = true;
        return this;
    }

    private PortfolioCsvWriter field(@Nullable String value) {
        separate();
        if (value != null) Csv.appendField(line, value);
        return this;
    }

    private PortfolioCsvWriter field(LocalDate date) {
        separate();
        line.append(dates.of(date));
        return this;
    }

    private PortfolioCsvWriter amount(long cents) {
        separate();
        Csv.appendCents(line, cents);
        return this;
    }

    private void separate() {
        if (!firstField) line.append(',');
        firstField = false;
    }

    /** RFC 4180 ends records with CRLF. */
    private void end(Writer target) throws IOException {
        line.append("\r\n");
        target.append(line);
    }

    /** ISO dates of the history window, formatted once instead of once per row. */
    private static final class DateText {
        private final long firstDay;
        private final String[] text;

        DateText(LocalDate from, LocalDate to) {
            firstDay = from.toEpochDay();
            text = new String[(int) (to.toEpochDay() - firstDay) + 1];
        }

        String of(LocalDate date) {
            long offset = date.toEpochDay() - firstDay;
            if (offset < 0 || offset >= text.length) return date.toString();
            String cached = text[(int) offset];
            if (cached == null) {
                cached = date.toString();
                text[(int) offset] = cached;
            }
            return cached;
        }
    }
}

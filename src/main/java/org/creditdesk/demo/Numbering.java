package org.creditdesk.demo;

/** Document numbers in the order the generator writes them, unique across the portfolio. */
final class Numbering {

    private long orders;
    private long contracts;
    private long invoices;
    private long payments;
    private long creditNotes;
    private long cheques;

    String nextOrder() {
        return number("SO", ++orders, 8);
    }

    String nextContract() {
        return number("HT", ++contracts, 7);
    }

    String nextInvoice() {
        return number("INV", ++invoices, 8);
    }

    String nextPayment() {
        return number("RC", ++payments, 8);
    }

    String nextCreditNote() {
        return number("CN", ++creditNotes, 7);
    }

    String nextCheque() {
        return number("", 10_300_000 + ++cheques, 8);
    }

    private static String number(String prefix, long value, int width) {
        StringBuilder number = new StringBuilder(prefix.length() + width).append(prefix);
        IdentityNumbers.pad(number, value, width);
        return number.toString();
    }
}

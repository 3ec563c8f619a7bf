package org.creditdesk.demo;

/** How a generated customer pays; the shares are those of a typical distributor's book. */
enum Behaviour {
    /** Pays on or before the due date. */
    PROMPT,
    /** Pays up to a week late: the customer's payment run, not a credit problem. */
    PROCEDURAL_LATE,
    /** Pays 15 to 60 days late, one invoice in ten 61 to 100 days late, sometimes in two instalments. */
    CHRONIC_LATE,
    /**
     * Paid like a procedural late payer until its slide started, 6 to 16 months before the as-of date
     * (each customer at its own date; later in a shorter history); lateness has grown since and the
     * newest invoices stay open.
     */
    DETERIORATING,
    /** Pays by cheque; some cheques bounce and are replaced by a transfer later. */
    BOUNCED_CHEQUES,
    /** Recently registered by the legal representative of a customer whose cheques bounced. */
    NEW_LINKED_COMPANY;

    /** Picks one of the ordinary behaviours by its share. */
    static Behaviour ordinary(double uniform) {
        if (uniform < 0.55) return PROMPT;
        if (uniform < 0.80) return PROCEDURAL_LATE;
        if (uniform < 0.92) return CHRONIC_LATE;
        return DETERIORATING;
    }

    /**
     * The demo's shares: a book a credit team keeps in order, where about one customer in ten is
     * overdue on a given day and only a few slide past 60 days.
     */
    static Behaviour story(double uniform) {
        if (uniform < 0.70) return PROMPT;
        if (uniform < 0.92) return PROCEDURAL_LATE;
        if (uniform < 0.98) return CHRONIC_LATE;
        return DETERIORATING;
    }
}

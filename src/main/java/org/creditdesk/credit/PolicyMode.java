package org.creditdesk.credit;

/** Who owns credit decisions in the company (DESIGN.md point 1). */
public enum PolicyMode {
    /** Sales owns credit: sales managers release blocked orders and set limits. */
    SALES_LED,
    /** Sales managers decide special cases up to a threshold; beyond it the credit department. */
    BALANCED,
    /** Only the credit department (credit manager, finance, general manager) decides; sales never. */
    FINANCE_LED
}

package org.creditdesk.demo;

import java.time.LocalDate;

/**
 * What to generate: how many customers, how many months of history ending on {@code asOf}, and
 * the seed that makes the output reproducible byte for byte.
 *
 * <p>{@code story}: the demo's book, told as a credit team lives it. Fewer bad payers than the
 * benchmark book (about one customer in ten overdue, a few beyond 60 days, see {@link
 * Behaviour#story}) and supply stops at a hold: a wholesale customer overdue beyond grace gets no
 * invoice until it has paid. Without it the book is the benchmark's, whose shares the risk model's
 * calibration was measured on.
 */
public record PortfolioSpec(int customers, int months, long seed, LocalDate asOf, boolean story) {

    /** The demo portfolio of {@code ./creditdesk demo}. */
    public static PortfolioSpec demo(LocalDate asOf) {
        return new PortfolioSpec(1_200, 24, 42, asOf, true);
    }

    public PortfolioSpec(int customers, int months, long seed, LocalDate asOf) {
        this(customers, months, seed, asOf, false);
    }

    public PortfolioSpec {
        if (customers < 1 || customers > 9_999_999) {
            throw new IllegalArgumentException("customers must be between 1 and 9999999, not " + customers);
        }
        if (months < 1 || months > 120) {
            throw new IllegalArgumentException("months must be between 1 and 120, not " + months);
        }
    }
}

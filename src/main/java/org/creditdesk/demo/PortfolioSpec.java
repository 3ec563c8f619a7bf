package org.creditdesk.demo;

import java.time.LocalDate;

/**
 * What to generate: how many customers, how many months of history ending on {@code asOf}, and
 * the seed that makes the output reproducible byte for byte.
 */
public record PortfolioSpec(int customers, int months, long seed, LocalDate asOf) {

    /** The demo portfolio of {@code ./creditdesk demo}. */
    public static PortfolioSpec demo(LocalDate asOf) {
        return new PortfolioSpec(1_200, 24, 42, asOf);
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

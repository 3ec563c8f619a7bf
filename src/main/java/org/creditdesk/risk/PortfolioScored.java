package org.creditdesk.risk;

import java.time.LocalDate;

/** A scoring run of the whole portfolio as of {@code asOf} has committed (published for what follows it). */
public record PortfolioScored(LocalDate asOf) {}

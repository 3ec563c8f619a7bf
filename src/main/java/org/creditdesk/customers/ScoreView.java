package org.creditdesk.customers;

import java.math.BigDecimal;
import java.util.Optional;

/** Implemented by risk: the customer's score from its latest scoring run, if it was ever scored. */
public interface ScoreView {

    Optional<BigDecimal> currentScore(long customerId);
}

package org.creditdesk.risk;

import java.math.BigDecimal;
import java.util.Optional;
import org.creditdesk.customers.ScoreView;
import org.springframework.stereotype.Component;

/** The customer status's score: the one its latest scoring run gave it. */
@Component
class CustomerScore implements ScoreView {

    private final ScoreRepository scores;

    CustomerScore(ScoreRepository scores) {
        this.scores = scores;
    }

    @Override
    public Optional<BigDecimal> currentScore(long customerId) {
        return scores.currentScore(customerId);
    }
}

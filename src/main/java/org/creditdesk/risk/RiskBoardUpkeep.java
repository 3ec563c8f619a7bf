package org.creditdesk.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the risk dashboard's store ({@link RiskBoardRepository}) current: the customers whose score changed folded in
 * inside each full scoring run's transaction (V155), and the customers touched since folded in every minute
 * ({@code creditdesk.risk.board.fold-every}), so a read replays a minute's changes. The fold is off with
 * {@code creditdesk.risk.board.fold=false}.
 */
@Component
class RiskBoardUpkeep {

    private static final Logger log = LoggerFactory.getLogger(RiskBoardUpkeep.class);

    private final RiskBoardRepository board;

    RiskBoardUpkeep(RiskBoardRepository board) {
        this.board = board;
    }

    /** Synchronous: in the scoring run's transaction, so the new scores and the store commit together. */
    @EventListener
    void on(PortfolioScored scored) {
        board.refresh();
    }

    @Component
    @ConditionalOnProperty(name = "creditdesk.risk.board.fold", havingValue = "true", matchIfMissing = true)
    static class Fold {

        private final RiskBoardRepository board;

        Fold(RiskBoardRepository board) {
            this.board = board;
        }

        @Scheduled(
                fixedDelayString = "${creditdesk.risk.board.fold-every:PT1M}",
                initialDelayString = "${creditdesk.risk.board.fold-every:PT1M}")
        @Transactional
        public void fold() {
            long started = System.nanoTime();
            int folded = board.fold();
            if (folded > 0) {
                log.info(
                        "Folded {} touched customer(s) into the risk dashboard's store in {} ms",
                        folded,
                        (System.nanoTime() - started) / 1_000_000);
            }
        }
    }
}

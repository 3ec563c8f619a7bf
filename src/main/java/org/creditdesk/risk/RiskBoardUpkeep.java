package org.creditdesk.risk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the risk dashboard's store ({@link RiskBoardRepository}) current: the customers whose score changed folded in
 * after each full scoring run has committed (V155), and the customers touched since folded in every minute
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

    /**
     * After the run's commit, in a transaction of its own: until then the store's reads replay the customers the run
     * logged as touched (their scores changed) live, so they answer what they would after the fold, and the run's answer
     * does not wait for the fold (0.3-0.5 s at 100,000 customers; session 13, docs/performance.md).
     */
    @ApplicationModuleListener
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

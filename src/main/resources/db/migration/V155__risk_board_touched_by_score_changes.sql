-- Issue 14 target 3, session 8: the full scoring run folds the risk dashboard's store instead of rebuilding it.
--
-- A run rewrites every customer's current score (customer_score.as_of moves), so V151's trigger logged all 100,000
-- customers and the run rebuilt the whole store in its transaction (2.9 s of a run at 100,000 customers under load).
-- A store row reads only the score's class and points (RiskBoardRepository.LIVE_ROWS), and from one day to the next
-- about 6 % of the scores change. An update now logs only the customers whose class or score changed; the run folds
-- those (and the balances touched since) into the store, which then equals the live reads as before. Nothing updates
-- customer_id (the key), so old and new rows pair by it; a first draft that also anti-joined the two transition tables
-- ran for over 10 minutes on a 100,000-row update (no statistics on transition tables: a nested loop).
CREATE FUNCTION risk_board_touch_score() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO risk_board_touched (customer_id)
    SELECT n.customer_id FROM touched_new n JOIN touched_old o ON o.customer_id = n.customer_id
     WHERE n.risk_class IS DISTINCT FROM o.risk_class OR n.score IS DISTINCT FROM o.score;
    RETURN NULL;
END
$$;

DROP TRIGGER customer_score_risk_board_upd ON customer_score;
CREATE TRIGGER customer_score_risk_board_upd AFTER UPDATE ON customer_score
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch_score();

-- Issue 14 target 3, session 8: the full scoring run folds the risk dashboard's store instead of rebuilding it.
--
-- A run rewrites every customer's current score (customer_score.as_of moves), so V151's trigger logged all 100,000
-- customers and the run rebuilt the whole store in its transaction (2.9 s of a run at 100,000 customers under load).
-- A store row reads only the score's class and points (RiskBoardRepository.LIVE_ROWS), and from one day to the next
-- about 6 % of the scores change. An update now logs only the customers whose class or score changed; the run folds
-- those (and the balances touched since) into the store, which then equals the live reads as before. Nothing updates
-- customer_id (the key), so a new row that is not among the old ones (EXCEPT: NULLs compare equal, as IS DISTINCT
-- FROM does) is a customer whose class or score changed. Not a join of the two transition tables: PL/pgSQL keeps the
-- plan of the first call, and a join planned for a one-row update ran as a nested loop on the next 100,000-row one
-- (over 10 minutes, seen at 100,000 customers); a set difference is a hash or a sort whatever the sizes.
CREATE FUNCTION risk_board_touch_score() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO risk_board_touched (customer_id)
    SELECT customer_id
      FROM (SELECT customer_id, risk_class, score FROM touched_new
            EXCEPT
            SELECT customer_id, risk_class, score FROM touched_old) changed;
    RETURN NULL;
END
$$;

DROP TRIGGER customer_score_risk_board_upd ON customer_score;
CREATE TRIGGER customer_score_risk_board_upd AFTER UPDATE ON customer_score
    REFERENCING NEW TABLE AS touched_new OLD TABLE AS touched_old
    FOR EACH STATEMENT EXECUTE FUNCTION risk_board_touch_score();

-- Issue 14 target 3, session 9: the scoring run's daily updates stay in their pages, so a third and fourth day cost
-- what the second did.
--
-- Every run moves every customer's current score (customer_score.as_of), and each move of the kept sums rewrites
-- about a quarter of score_closed's rows (the customers with a paid invoice at a window edge). Both tables were
-- written full (fillfactor 100), so no updated row fitted in its page: on the 100,000-customer copy 614 of 700,000
-- customer_score updates were HOT; each update wrote a row at the table's end and an entry in every index, and the
-- old rows stayed until autovacuum came (a minute or more; the runs of consecutive days in a benchmark follow each
-- other within seconds), so the next day's upsert and alert statements walked 200,000 dead rows and doubled indexes.
-- With room in each page an update that changes no indexed column (the class changes for ~1-2 % of customers a day,
-- the kept sums' key never) stays in its page without index entries, and the page's dead rows are pruned on the
-- next visit. CLUSTER rewrites the table with the new fillfactor (100,000 short rows: well under a second);
-- score_closed is rewritten by its next rebuild (TRUNCATE + INSERT), and here too, so that the free space exists
-- from the first move after the upgrade.
ALTER TABLE customer_score SET (fillfactor = 50);
CLUSTER customer_score USING customer_score_pkey;

ALTER TABLE score_closed SET (fillfactor = 70);
CLUSTER score_closed USING score_closed_pkey;

-- Fitted factors become continuous (issue 16, session 6): a band a fit refined keeps the training median of
-- its values (its anchor), and a value between two anchored neighbours' medians gets a grade interpolated
-- linearly between their grades (Scorecard.Factor.gradeFor), so observations of one band no longer tie.
-- NULL (the seeded cards and every card fitted before) keeps the band's grade: existing cards score as before.
ALTER TABLE scorecard_band ADD COLUMN anchor NUMERIC(19, 4);

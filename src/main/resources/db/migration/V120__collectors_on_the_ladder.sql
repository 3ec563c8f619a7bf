-- Issue 13: collectors work the first three levels of the ladder in their areas (the tasks of a
-- customer entering level 1, 2 or 3 go to the collectors assigned to its area, next to the credit
-- supervisor and the sales manager); at level 4 the lawyer takes over.
INSERT INTO escalation_responsibility (level, role, area_scoped)
VALUES (1, 'COLLECTOR', TRUE), (2, 'COLLECTOR', TRUE), (3, 'COLLECTOR', TRUE)
ON CONFLICT (level, role) DO NOTHING;

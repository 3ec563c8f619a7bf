-- Parsing helpers for set-based checks of staged CSV text: NULL when the text is not a value of
-- the type, instead of an error that would stop the statement at the first bad row.
-- STABLE (not IMMUTABLE) like pg_input_is_valid, so the planner inlines them.

CREATE FUNCTION import_date(value TEXT) RETURNS DATE
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND pg_input_is_valid(value, 'date')
                THEN CAST(value AS DATE) END;

-- At most 2 decimals (NUMERIC(19,2)); the currency's own digits are checked by the caller.
CREATE FUNCTION import_amount(value TEXT) RETURNS NUMERIC
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN value ~ '^[0-9]{1,17}([.][0-9]{1,2})?$' THEN CAST(value AS NUMERIC(19, 2)) END;

CREATE FUNCTION import_integer(value TEXT) RETURNS INTEGER
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE WHEN value ~ '^[0-9]{1,9}$' THEN CAST(value AS INTEGER) END;

-- Splits a ';'-separated list, trimming items and dropping empty ones.
CREATE FUNCTION import_list(value TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT btrim(item) FROM unnest(string_to_array(value, ';')) WITH ORDINALITY AS t (item, n)
                 WHERE btrim(item) <> '' ORDER BY n);

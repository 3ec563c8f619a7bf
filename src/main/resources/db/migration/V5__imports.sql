-- Parsing helpers for set-based checks of staged CSV text: NULL when the text is not a value of
-- the type, instead of an error that would stop the statement at the first bad row. Built from
-- cheap string functions (no regex, no pg_input_is_valid, which parses the type name per call):
-- they run once per value of files with millions of rows.

-- yyyy-MM-dd, a real calendar day.
CREATE FUNCTION import_date(value TEXT) RETURNS DATE
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE
        WHEN length(value) = 10 AND translate(value, '0123456789', '') = '--'
             AND substr(value, 5, 1) = '-' AND substr(value, 1, 4) <> '0000'
             AND substr(value, 6, 2) BETWEEN '01' AND '12' AND substr(value, 9, 2) BETWEEN '01' AND '31'
             AND (substr(value, 9, 2) <= '28'
                  OR (substr(value, 6, 2) <> '02'
                      AND (substr(value, 9, 2) <> '31' OR substr(value, 6, 2) IN ('01', '03', '05', '07', '08', '10', '12')))
                  OR (substr(value, 6, 5) = '02-29'
                      AND CAST(substr(value, 1, 4) AS INTEGER) % 4 = 0
                      AND (CAST(substr(value, 1, 4) AS INTEGER) % 100 <> 0 OR CAST(substr(value, 1, 4) AS INTEGER) % 400 = 0)))
        THEN CAST(value AS DATE) END;

-- Digits with at most 2 decimals (NUMERIC(19,2)); the currency's own digits are checked by the caller.
CREATE FUNCTION import_amount(value TEXT) RETURNS NUMERIC
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN length(value) BETWEEN 1 AND 20 AND translate(value, '0123456789', '') IN ('', '.')
             AND left(value, 1) <> '.' AND right(value, 1) <> '.'
             AND (strpos(value, '.') = 0 OR length(value) - strpos(value, '.') <= 2)
             AND length(split_part(value, '.', 1)) <= 17
        THEN CAST(value AS NUMERIC(19, 2)) END;

CREATE FUNCTION import_integer(value TEXT) RETURNS INTEGER
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE WHEN length(value) BETWEEN 1 AND 9 AND translate(value, '0123456789', '') = ''
                THEN CAST(value AS INTEGER) END;

-- Splits a ';'-separated list, trimming items and dropping empty ones.
CREATE FUNCTION import_list(value TEXT) RETURNS TEXT[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN ARRAY(SELECT btrim(item) FROM unnest(string_to_array(value, ';')) WITH ORDINALITY AS t (item, n)
                 WHERE btrim(item) <> '' ORDER BY n);

-- Customer search: a code prefix and a part of the name, both ignoring case, on large books.
-- pg_trgm is a trusted extension (PostgreSQL 13+), so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX customer_code_lower_idx ON customer (lower(code) text_pattern_ops);
CREATE INDEX customer_name_trgm_idx ON customer USING gin (lower(name) gin_trgm_ops);

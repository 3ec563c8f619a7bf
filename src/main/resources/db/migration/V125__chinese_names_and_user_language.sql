-- Issue 13 (Simplified Chinese): a user's interface language, the customer names sorted the Chinese way,
-- and customer search by pinyin.

-- The language a user chose in the top bar; NULL follows the browser's Accept-Language.
ALTER TABLE app_user ADD COLUMN locale TEXT CHECK (locale IN ('en', 'zh-CN'));

-- Customer names sort by ICU's Chinese collation (CLDR "zh", pinyin order): Han characters by their pinyin,
-- Latin letters alphabetically ignoring case, instead of every Chinese name after every Latin one by code
-- point. PostgreSQL 15+ in the usual distributions and the embedded binaries are built with ICU.
CREATE COLLATION IF NOT EXISTS customer_name (provider = icu, locale = 'zh');
CREATE INDEX customer_name_collated_idx ON customer (name COLLATE customer_name, code);

-- Pinyin of the name, computed in Java (ICU4J's Han-Latin transliteration) on every create, change and
-- customers import: name_pinyin the syllables run together ("shanghaihuadamaoyi"), name_initials their
-- first letters ("shhdmy"), name_pinyin_of the name they were computed from (a name that differs is stale).
ALTER TABLE customer
    ADD COLUMN name_pinyin    TEXT,
    ADD COLUMN name_initials  TEXT,
    ADD COLUMN name_pinyin_of TEXT;
CREATE INDEX customer_name_pinyin_trgm_idx ON customer USING gin (name_pinyin gin_trgm_ops);
CREATE INDEX customer_name_initials_idx ON customer (name_initials text_pattern_ops);
CREATE INDEX customer_name_pinyin_stale_idx ON customer (id) WHERE name_pinyin_of IS DISTINCT FROM name;

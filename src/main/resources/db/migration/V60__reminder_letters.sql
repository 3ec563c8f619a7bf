-- Reminder letters (issue 10): templates per escalation level and language with their versions, the
-- letter runs, and each letter written, with the data that re-renders it identically.

-- The language letters are written in: the customer's own, else the company's.
ALTER TABLE company_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'zh-CN'));
ALTER TABLE customer ADD COLUMN language TEXT CHECK (language IN ('en', 'zh-CN'));

CREATE TABLE letter_settings (
    id                     SMALLINT PRIMARY KEY CHECK (id = 1),
    -- a customer still overdue gets the next letter this many days after its last one
    reminder_interval_days INTEGER NOT NULL CHECK (reminder_interval_days BETWEEN 1 AND 365),
    -- from this escalation level the letter is copied to the customer's generalManager / DECISION_MAKER contacts
    cc_from_level          SMALLINT NOT NULL CHECK (cc_from_level BETWEEN 1 AND 5),
    updated_by             TEXT,
    updated_at             TIMESTAMPTZ
);
INSERT INTO letter_settings (id, reminder_interval_days, cc_from_level) VALUES (1, 7, 2);

-- Every saved version of a template; the current one of a level and language is its highest version.
CREATE TABLE letter_template (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    level      SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    language   TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
    version    INTEGER NOT NULL CHECK (version >= 1),
    subject    TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body       TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 100000),
    note       TEXT CHECK (length(note) <= 2000),
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (level, language, version)
);

-- One row per business date run; a rerun of the date finds it and writes nothing.
CREATE TABLE letter_run (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    as_of         DATE NOT NULL UNIQUE,
    run_by        TEXT NOT NULL,
    run_at        TIMESTAMPTZ NOT NULL,
    letters       INTEGER NOT NULL,
    emails_queued INTEGER NOT NULL,
    duration_ms   BIGINT NOT NULL
);

CREATE TABLE reminder_letter (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         BIGINT NOT NULL REFERENCES letter_run (id),
    customer_id    BIGINT NOT NULL REFERENCES customer (id),
    letter_date    DATE NOT NULL,
    level          SMALLINT NOT NULL CHECK (level BETWEEN 1 AND 4),
    language       TEXT NOT NULL CHECK (language IN ('en', 'zh-CN')),
    template_id    BIGINT NOT NULL REFERENCES letter_template (id),
    -- the FINANCE contact's e-mail, else the customer's own address; NULL = printed and posted only
    recipient      TEXT,
    recipient_name TEXT,
    cc             TEXT[] NOT NULL DEFAULT '{}',
    amount         NUMERIC(19, 2) NOT NULL,
    currency       CHAR(3) NOT NULL,
    -- everything the template's placeholders are filled from, so the letter re-renders identically
    data           JSONB NOT NULL,
    created_by     TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (customer_id, letter_date)
);
CREATE INDEX reminder_letter_customer_idx ON reminder_letter (customer_id, letter_date DESC, id DESC);
CREATE INDEX reminder_letter_run_idx ON reminder_letter (run_id);

-- The mail outbox (monitoring) carries letters too: no escalation episode, copies, and a PDF attachment
-- named by reference and rendered when the mail is sent.
ALTER TABLE mail_outbox ALTER COLUMN history_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN cc TEXT[] NOT NULL DEFAULT '{}';
ALTER TABLE mail_outbox ADD COLUMN attachment TEXT;
CREATE UNIQUE INDEX mail_outbox_attachment_idx ON mail_outbox (attachment, recipient) WHERE attachment IS NOT NULL;

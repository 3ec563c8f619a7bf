-- Issue 13: the seller's letterhead on letters: address and contact lines, and a logo as a data URI
-- (PNG or JPEG, embedded as is in the PDF; at most about 200 KB).
ALTER TABLE company_settings
    ADD COLUMN address TEXT,
    ADD COLUMN phone   TEXT,
    ADD COLUMN email   TEXT,
    ADD COLUMN logo    TEXT CHECK (logo IS NULL OR (logo ~ '^data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+$'
                                                   AND length(logo) <= 280000));

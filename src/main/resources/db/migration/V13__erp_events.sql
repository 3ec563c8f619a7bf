-- The ERP's feed (API.md "Events for the ERP"). Written in the business transaction, so an event
-- exists exactly when its change committed; read in id order, resumable with ?after=.
CREATE TABLE erp_event (
    id            BIGSERIAL PRIMARY KEY,
    type          TEXT NOT NULL CHECK (type IN ('CUSTOMER_HOLD', 'CUSTOMER_RELEASED', 'ORDER_BLOCKED', 'ORDER_RELEASED',
                                                'CREDIT_STOPPED', 'LIMIT_CHANGED')),
    customer_code TEXT NOT NULL,
    order_no      TEXT,
    at            TIMESTAMPTZ NOT NULL,
    payload       JSONB NOT NULL DEFAULT '{}'
);

-- The company's credit policy and the authority matrix: who may approve a limit and release a
-- blocked order, by policy mode, role and amount. Both are data so that admins change them
-- without a release; every change is audited by the application.

CREATE TABLE credit_policy (
    id                     SMALLINT PRIMARY KEY CHECK (id = 1),
    mode                   TEXT NOT NULL CHECK (mode IN ('SALES_LED', 'BALANCED', 'FINANCE_LED')),
    sales_approval_limit   NUMERIC(19, 2) NOT NULL CHECK (sales_approval_limit >= 0),
    credit_manager_ceiling NUMERIC(19, 2) NOT NULL CHECK (credit_manager_ceiling >= 0),
    grace_days             INTEGER NOT NULL CHECK (grace_days BETWEEN 0 AND 60),
    cheque_clearing_days   INTEGER NOT NULL CHECK (cheque_clearing_days BETWEEN 0 AND 60),
    updated_at             TIMESTAMPTZ,
    updated_by             TEXT
);
INSERT INTO credit_policy (id, mode, sales_approval_limit, credit_manager_ceiling, grace_days, cheque_clearing_days)
VALUES (1, 'BALANCED', 100000.00, 1000000.00, 7, 3);

-- The escalation ladder (DESIGN.md point 3): a level applies from this many days overdue.
CREATE TABLE credit_policy_escalation (
    level     SMALLINT PRIMARY KEY CHECK (level BETWEEN 1 AND 4),
    from_days INTEGER NOT NULL CHECK (from_days >= 1)
);
INSERT INTO credit_policy_escalation (level, from_days) VALUES (1, 1), (2, 16), (3, 31), (4, 61);

-- One row per (mode, action, role) that has any authority; no row = no authority.
-- up_to names the ceiling: a fixed amount, one of the policy's amounts (so raising the policy's
-- sales approval limit raises every row that refers to it), or no ceiling at all.
CREATE TABLE authority_rule (
    mode       TEXT NOT NULL CHECK (mode IN ('SALES_LED', 'BALANCED', 'FINANCE_LED')),
    action     TEXT NOT NULL CHECK (action IN ('APPROVE_LIMIT', 'RELEASE_ORDER')),
    role       TEXT NOT NULL CHECK (role IN ('ADMIN', 'GENERAL_MANAGER', 'CREDIT_MANAGER', 'CREDIT_SUPERVISOR', 'FINANCE',
                                             'COLLECTOR', 'SALES_MANAGER', 'SALES_REP', 'LEGAL', 'AUDITOR')),
    up_to      TEXT NOT NULL CHECK (up_to IN ('UNLIMITED', 'SALES_APPROVAL_LIMIT', 'CREDIT_MANAGER_CEILING', 'AMOUNT')),
    max_amount NUMERIC(19, 2) CHECK (max_amount >= 0),
    PRIMARY KEY (mode, action, role),
    CHECK ((up_to = 'AMOUNT') = (max_amount IS NOT NULL))
);
INSERT INTO authority_rule (mode, action, role, up_to)
SELECT d.mode, a.action, d.role, d.up_to
FROM (VALUES ('SALES_LED', 'SALES_MANAGER', 'UNLIMITED'),
             ('SALES_LED', 'CREDIT_MANAGER', 'UNLIMITED'),
             ('SALES_LED', 'FINANCE', 'UNLIMITED'),
             ('SALES_LED', 'GENERAL_MANAGER', 'UNLIMITED'),
             ('BALANCED', 'SALES_MANAGER', 'SALES_APPROVAL_LIMIT'),
             ('BALANCED', 'CREDIT_MANAGER', 'CREDIT_MANAGER_CEILING'),
             ('BALANCED', 'GENERAL_MANAGER', 'UNLIMITED'),
             ('FINANCE_LED', 'CREDIT_MANAGER', 'UNLIMITED'),
             ('FINANCE_LED', 'FINANCE', 'UNLIMITED'),
             ('FINANCE_LED', 'GENERAL_MANAGER', 'UNLIMITED')) AS d (mode, role, up_to)
CROSS JOIN (VALUES ('APPROVE_LIMIT'), ('RELEASE_ORDER')) AS a (action);

-- Team-lead tools (issue 5): coaching notes, the review queue with its audit trail, KPI targets.

-- Notes a team lead keeps about an agent, with who wrote them and when.
CREATE TABLE coaching_notes (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_coaching_notes_agent ON coaching_notes (tenant_id, agent_id, id);

-- Awards waiting for a team lead's decision: picked by hand, or raised by the engine's flags.
CREATE TABLE review_items (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    ledger_id INTEGER NOT NULL,
    origin TEXT NOT NULL,
    note TEXT NULL,
    added_by TEXT NOT NULL,
    added_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_review_items_ledger ON review_items (tenant_id, ledger_id);

-- The audit trail: every approve or contest, never updated or deleted.
CREATE TABLE review_decisions (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    ledger_id INTEGER NOT NULL,
    decision TEXT NOT NULL,
    note TEXT NULL,
    author TEXT NOT NULL,
    adjustment_ledger_id INTEGER NULL,
    decided_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_review_decisions_ledger ON review_decisions (tenant_id, ledger_id);

-- KPI targets a tenant overrides (the playbook defaults apply otherwise).
CREATE TABLE kpi_targets (
    tenant_id TEXT NOT NULL,
    kpi TEXT NOT NULL,
    target REAL NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, kpi)
);

-- Team-lead stats read the inbox by kind and time, and the ledger by time.
CREATE INDEX ix_inbox_tenant_kind_time ON inbox (tenant_id, kind, occurred_at_ms);
CREATE INDEX ix_ledger_tenant_time ON ledger (tenant_id, occurred_at_ms);

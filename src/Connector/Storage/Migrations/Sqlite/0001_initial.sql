-- Tenants: one connected helpdesk account each. Secrets live in settings_protected, encrypted.
CREATE TABLE tenants (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    platform TEXT NOT NULL,
    settings_protected TEXT NOT NULL,
    widget_origins TEXT NOT NULL DEFAULT '[]',
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

-- The webhook inbox: one row per normalized fact, kept with the raw delivery it came from.
-- status: 0 pending, 1 processed, 2 failed (kept for inspection, never rescored silently).
CREATE TABLE inbox (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    source TEXT NOT NULL,
    delivery_id TEXT NOT NULL,
    natural_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    event_json TEXT NOT NULL,
    raw_body BLOB NOT NULL,
    headers_json TEXT NOT NULL,
    status INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    processed_at_ms INTEGER NULL,
    error TEXT NULL
);
CREATE UNIQUE INDEX ux_inbox_delivery ON inbox (tenant_id, source, delivery_id);
CREATE UNIQUE INDEX ux_inbox_natural_key ON inbox (tenant_id, natural_key);
CREATE INDEX ix_inbox_pending ON inbox (status, id);

-- Authenticated deliveries that could not be understood; admins list, replay or discard them.
-- status: 0 open, 1 replayed, 2 discarded.
CREATE TABLE dead_letters (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    source TEXT NOT NULL,
    reason TEXT NOT NULL,
    raw_body BLOB NOT NULL,
    headers_json TEXT NOT NULL,
    received_at_ms INTEGER NOT NULL,
    status INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_dead_letters_tenant ON dead_letters (tenant_id, status, id);

-- Agents and customers, by their helpdesk id.
CREATE TABLE participants (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    external_id TEXT NOT NULL,
    display_name TEXT NULL,
    team TEXT NULL,
    opted_out INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_participants ON participants (tenant_id, kind, external_id);

-- The append-only ledger: every point anyone has, with why.
CREATE TABLE ledger (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL REFERENCES participants (id),
    points INTEGER NOT NULL,
    category TEXT NOT NULL,
    reason TEXT NOT NULL,
    rule_id TEXT NOT NULL,
    entry_kind TEXT NOT NULL,
    source_inbox_id INTEGER NULL,
    ticket_id TEXT NULL,
    occurred_at_ms INTEGER NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_ledger_source ON ledger (tenant_id, participant_id, source_inbox_id, rule_id) WHERE source_inbox_id IS NOT NULL;
CREATE INDEX ix_ledger_participant ON ledger (tenant_id, participant_id, id);

-- Per-period totals, kept incrementally so that boards never sum the ledger.
CREATE TABLE leaderboard_totals (
    tenant_id TEXT NOT NULL,
    board TEXT NOT NULL,
    period_key TEXT NOT NULL,
    member_key TEXT NOT NULL,
    points INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, board, period_key, member_key)
);

-- Tenants: one connected helpdesk account each. Secrets live in settings_protected, encrypted.
CREATE TABLE dbo.tenants (
    id NVARCHAR(40) NOT NULL PRIMARY KEY,
    name NVARCHAR(200) NOT NULL,
    platform NVARCHAR(20) NOT NULL,
    settings_protected NVARCHAR(MAX) NOT NULL,
    widget_origins NVARCHAR(MAX) NOT NULL DEFAULT N'[]',
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
GO
-- The webhook inbox: one row per normalized fact, kept with the raw delivery it came from.
CREATE TABLE dbo.inbox (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    source NVARCHAR(40) NOT NULL,
    delivery_id NVARCHAR(200) NOT NULL,
    natural_key NVARCHAR(400) NOT NULL,
    kind NVARCHAR(40) NOT NULL,
    occurred_at_ms BIGINT NOT NULL,
    received_at_ms BIGINT NOT NULL,
    event_json NVARCHAR(MAX) NOT NULL,
    raw_body VARBINARY(MAX) NOT NULL,
    headers_json NVARCHAR(MAX) NOT NULL,
    status INT NOT NULL DEFAULT 0,
    attempts INT NOT NULL DEFAULT 0,
    processed_at_ms BIGINT NULL,
    error NVARCHAR(MAX) NULL
);
GO
CREATE UNIQUE INDEX ux_inbox_delivery ON dbo.inbox (tenant_id, source, delivery_id);
GO
CREATE UNIQUE INDEX ux_inbox_natural_key ON dbo.inbox (tenant_id, natural_key);
GO
CREATE INDEX ix_inbox_pending ON dbo.inbox (status, id);
GO
CREATE TABLE dbo.dead_letters (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    source NVARCHAR(40) NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    raw_body VARBINARY(MAX) NOT NULL,
    headers_json NVARCHAR(MAX) NOT NULL,
    received_at_ms BIGINT NOT NULL,
    status INT NOT NULL DEFAULT 0
);
GO
CREATE INDEX ix_dead_letters_tenant ON dbo.dead_letters (tenant_id, status, id);
GO
CREATE TABLE dbo.participants (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    kind NVARCHAR(20) NOT NULL,
    external_id NVARCHAR(200) NOT NULL,
    display_name NVARCHAR(200) NULL,
    team NVARCHAR(200) NULL,
    opted_out BIT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_participants ON dbo.participants (tenant_id, kind, external_id);
GO
CREATE TABLE dbo.ledger (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL REFERENCES dbo.participants (id),
    points INT NOT NULL,
    category NVARCHAR(40) NOT NULL,
    reason NVARCHAR(400) NOT NULL,
    rule_id NVARCHAR(100) NOT NULL,
    entry_kind NVARCHAR(20) NOT NULL,
    source_inbox_id BIGINT NULL,
    ticket_id NVARCHAR(100) NULL,
    occurred_at_ms BIGINT NOT NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_ledger_source ON dbo.ledger (tenant_id, participant_id, source_inbox_id, rule_id) WHERE source_inbox_id IS NOT NULL;
GO
CREATE INDEX ix_ledger_participant ON dbo.ledger (tenant_id, participant_id, id);
GO
CREATE TABLE dbo.leaderboard_totals (
    tenant_id NVARCHAR(40) NOT NULL,
    board NVARCHAR(20) NOT NULL,
    period_key NVARCHAR(40) NOT NULL,
    member_key NVARCHAR(200) NOT NULL,
    points BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_leaderboard_totals PRIMARY KEY (tenant_id, board, period_key, member_key)
);

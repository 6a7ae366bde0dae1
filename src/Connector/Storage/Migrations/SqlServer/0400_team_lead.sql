-- Team-lead tools (issue 5): coaching notes, the review queue with its audit trail, KPI targets.

CREATE TABLE dbo.coaching_notes (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    agent_id NVARCHAR(100) NOT NULL,
    author NVARCHAR(100) NOT NULL,
    body NVARCHAR(4000) NOT NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_coaching_notes_agent ON dbo.coaching_notes (tenant_id, agent_id, id);
GO

CREATE TABLE dbo.review_items (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    ledger_id BIGINT NOT NULL,
    origin NVARCHAR(20) NOT NULL,
    note NVARCHAR(1000) NULL,
    added_by NVARCHAR(100) NOT NULL,
    added_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_review_items_ledger ON dbo.review_items (tenant_id, ledger_id);
GO

CREATE TABLE dbo.review_decisions (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    ledger_id BIGINT NOT NULL,
    decision NVARCHAR(20) NOT NULL,
    note NVARCHAR(1000) NULL,
    author NVARCHAR(100) NOT NULL,
    adjustment_ledger_id BIGINT NULL,
    decided_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_review_decisions_ledger ON dbo.review_decisions (tenant_id, ledger_id);
GO

CREATE TABLE dbo.kpi_targets (
    tenant_id NVARCHAR(40) NOT NULL,
    kpi NVARCHAR(40) NOT NULL,
    target FLOAT NOT NULL,
    updated_by NVARCHAR(100) NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_kpi_targets PRIMARY KEY (tenant_id, kpi)
);
GO

CREATE INDEX ix_inbox_tenant_kind_time ON dbo.inbox (tenant_id, kind, occurred_at_ms);
GO
CREATE INDEX ix_ledger_tenant_time ON dbo.ledger (tenant_id, occurred_at_ms);
GO

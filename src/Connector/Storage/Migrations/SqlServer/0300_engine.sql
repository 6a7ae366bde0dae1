-- The gamification engine (see the SQLite script for the reasons behind each table).
ALTER TABLE dbo.ledger ADD pending_points INT NOT NULL CONSTRAINT df_ledger_pending DEFAULT 0, award_key NVARCHAR(450) NULL;
GO
CREATE INDEX ix_ledger_ticket ON dbo.ledger (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
GO
CREATE INDEX ix_ledger_award ON dbo.ledger (tenant_id, participant_id, award_key);
GO
CREATE TABLE dbo.rule_sets (
    tenant_id NVARCHAR(40) NOT NULL PRIMARY KEY,
    version INT NOT NULL,
    rules_json NVARCHAR(MAX) NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
GO
CREATE TABLE dbo.ticket_facts (
    tenant_id NVARCHAR(40) NOT NULL,
    ticket_id NVARCHAR(100) NOT NULL,
    natural_key NVARCHAR(400) NOT NULL,
    inbox_id BIGINT NOT NULL,
    event_json NVARCHAR(MAX) NOT NULL,
    CONSTRAINT pk_ticket_facts PRIMARY KEY NONCLUSTERED (tenant_id, ticket_id, natural_key)
);
GO
CREATE TABLE dbo.tickets (
    tenant_id NVARCHAR(40) NOT NULL,
    ticket_id NVARCHAR(100) NOT NULL,
    customer_id NVARCHAR(200) NULL,
    created_at_ms BIGINT NULL,
    settle_due_ms BIGINT NULL,
    version INT NOT NULL DEFAULT 0,
    CONSTRAINT pk_tickets PRIMARY KEY (tenant_id, ticket_id)
);
GO
CREATE INDEX ix_tickets_due ON dbo.tickets (settle_due_ms) WHERE settle_due_ms IS NOT NULL;
GO
CREATE INDEX ix_tickets_requester ON dbo.tickets (tenant_id, customer_id, created_at_ms);
GO
CREATE TABLE dbo.participant_balances (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL PRIMARY KEY REFERENCES dbo.participants (id),
    balance BIGINT NOT NULL DEFAULT 0,
    pending BIGINT NOT NULL DEFAULT 0,
    earned BIGINT NOT NULL DEFAULT 0,
    level_index INT NOT NULL DEFAULT 0,
    last_activity_ms BIGINT NOT NULL DEFAULT 0
);
GO
CREATE TABLE dbo.daily_usage (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    rule_id NVARCHAR(100) NOT NULL,
    day_key NVARCHAR(20) NOT NULL,
    points INT NOT NULL,
    CONSTRAINT pk_daily_usage PRIMARY KEY (tenant_id, participant_id, rule_id, day_key)
);
GO
CREATE TABLE dbo.participant_badges (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    badge_id NVARCHAR(100) NOT NULL,
    tier NVARCHAR(20) NOT NULL,
    earned_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_participant_badges PRIMARY KEY (tenant_id, participant_id, badge_id, tier)
);
GO
CREATE TABLE dbo.quest_completions (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    quest_key NVARCHAR(200) NOT NULL,
    completed_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_quest_completions PRIMARY KEY (tenant_id, participant_id, quest_key)
);
GO
CREATE TABLE dbo.review_flags (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    flag_kind NVARCHAR(40) NOT NULL,
    subject_key NVARCHAR(300) NOT NULL,
    participant_kind NVARCHAR(20) NOT NULL,
    participant_external_id NVARCHAR(200) NOT NULL,
    detail NVARCHAR(1000) NOT NULL,
    status NVARCHAR(20) NOT NULL DEFAULT N'open',
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_review_flags ON dbo.review_flags (tenant_id, flag_kind, subject_key);
GO
CREATE TABLE dbo.kudos (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    giver_id NVARCHAR(200) NOT NULL,
    receiver_id NVARCHAR(200) NOT NULL,
    week_key NVARCHAR(20) NOT NULL,
    message NVARCHAR(400) NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_kudos_giver ON dbo.kudos (tenant_id, giver_id, week_key);
GO
CREATE TABLE dbo.rewards (
    tenant_id NVARCHAR(40) NOT NULL,
    id NVARCHAR(100) NOT NULL,
    name NVARCHAR(200) NOT NULL,
    description NVARCHAR(1000) NOT NULL,
    reward_kind NVARCHAR(40) NOT NULL,
    cost INT NOT NULL,
    stock INT NULL,
    per_customer_limit INT NULL,
    active BIT NOT NULL DEFAULT 1,
    updated_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_rewards PRIMARY KEY (tenant_id, id)
);
GO
CREATE TABLE dbo.redemptions (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    reward_id NVARCHAR(100) NOT NULL,
    participant_id BIGINT NOT NULL,
    points INT NOT NULL,
    code NVARCHAR(100) NOT NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_redemptions_participant ON dbo.redemptions (tenant_id, participant_id, reward_id);
GO
CREATE TABLE dbo.season_trophies (
    tenant_id NVARCHAR(40) NOT NULL,
    season_key NVARCHAR(20) NOT NULL,
    trophy NVARCHAR(40) NOT NULL,
    participant_external_id NVARCHAR(200) NOT NULL,
    points BIGINT NOT NULL,
    awarded_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_season_trophies PRIMARY KEY (tenant_id, season_key, trophy)
);

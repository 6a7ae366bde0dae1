-- Order independence and an incremental progress pass (see the SQLite script for the reasons).
DROP TABLE dbo.daily_usage;
GO
CREATE TABLE dbo.cap_claims (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    rule_id NVARCHAR(100) NOT NULL,
    award_key NVARCHAR(450) NOT NULL,
    day_key NVARCHAR(20) NOT NULL,
    ticket_id NVARCHAR(100) NULL,
    category NVARCHAR(40) NOT NULL,
    reason NVARCHAR(1000) NOT NULL,
    occurred_at_ms BIGINT NOT NULL,
    balance BIGINT NOT NULL,
    pending BIGINT NOT NULL,
    CONSTRAINT pk_cap_claims PRIMARY KEY NONCLUSTERED (tenant_id, participant_id, rule_id, award_key, occurred_at_ms)
);
GO
CREATE INDEX ix_cap_claims_day ON dbo.cap_claims (tenant_id, participant_id, rule_id, day_key);
GO
CREATE INDEX ix_cap_claims_ticket ON dbo.cap_claims (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
GO
CREATE TABLE dbo.activity_units (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    rule_id NVARCHAR(100) NOT NULL,
    award_key NVARCHAR(450) NOT NULL,
    category NVARCHAR(40) NOT NULL,
    occurred_at_ms BIGINT NOT NULL,
    points BIGINT NOT NULL,
    pending BIGINT NOT NULL,
    CONSTRAINT pk_activity_units PRIMARY KEY NONCLUSTERED (tenant_id, participant_id, rule_id, award_key, occurred_at_ms)
);
GO
CREATE INDEX ix_activity_units_time ON dbo.activity_units (tenant_id, participant_id, occurred_at_ms);
GO
CREATE TABLE dbo.activity_totals (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    rule_id NVARCHAR(100) NOT NULL,
    category NVARCHAR(40) NOT NULL,
    awards BIGINT NOT NULL,
    points BIGINT NOT NULL,
    CONSTRAINT pk_activity_totals PRIMARY KEY (tenant_id, participant_id, rule_id, category)
);
GO
INSERT INTO dbo.activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending)
SELECT tenant_id, participant_id, rule_id, COALESCE(award_key, N''), MIN(category), occurred_at_ms, SUM(CAST(points AS BIGINT)), SUM(CAST(pending_points AS BIGINT))
FROM dbo.ledger WHERE entry_kind NOT IN (N'redemption', N'expiry')
GROUP BY tenant_id, participant_id, rule_id, COALESCE(award_key, N''), occurred_at_ms;
GO
INSERT INTO dbo.activity_totals (tenant_id, participant_id, rule_id, category, awards, points)
SELECT tenant_id, participant_id, rule_id, category, SUM(CASE WHEN points > 0 THEN 1 ELSE 0 END), SUM(points)
FROM dbo.activity_units
GROUP BY tenant_id, participant_id, rule_id, category;
GO

-- Team credit that does not depend on arrival order (see the SQLite script for the reasons).
CREATE TABLE dbo.agent_team_facts (
    tenant_id NVARCHAR(40) NOT NULL,
    participant_id BIGINT NOT NULL,
    occurred_at_ms BIGINT NOT NULL,
    team NVARCHAR(200) NOT NULL,
    CONSTRAINT pk_agent_team_facts PRIMARY KEY (tenant_id, participant_id, occurred_at_ms)
);
GO
ALTER TABLE dbo.activity_units ADD team_as_of BIT NOT NULL CONSTRAINT df_activity_units_team_as_of DEFAULT 0;
GO
CREATE INDEX ix_activity_units_team ON dbo.activity_units (tenant_id, team, occurred_at_ms);
GO
-- Team-quest completions are kept per team (quest key, '#', team): a key can be longer than before.
ALTER TABLE dbo.quest_completions DROP CONSTRAINT pk_quest_completions;
GO
ALTER TABLE dbo.quest_completions ALTER COLUMN quest_key NVARCHAR(450) NOT NULL;
GO
ALTER TABLE dbo.quest_completions ADD CONSTRAINT pk_quest_completions PRIMARY KEY NONCLUSTERED (tenant_id, participant_id, quest_key);
GO
INSERT INTO dbo.agent_team_facts (tenant_id, participant_id, occurred_at_ms, team)
SELECT tenant_id, id, team_as_of_ms, team FROM dbo.participants WHERE kind = N'agent' AND team IS NOT NULL;
GO

-- Team membership and team credit that do not depend on arrival order (see the SQLite script for the reasons).
ALTER TABLE dbo.participants ADD team_as_of_ms BIGINT NOT NULL CONSTRAINT df_participants_team_as_of_ms DEFAULT 0;
GO
ALTER TABLE dbo.activity_units ADD team NVARCHAR(200) NULL;
GO
ALTER TABLE dbo.cap_claims ADD team NVARCHAR(200) NULL;
GO
UPDATE u SET team = p.team
FROM dbo.activity_units u JOIN dbo.participants p ON p.id = u.participant_id AND p.kind = N'agent'
WHERE u.team IS NULL;
GO

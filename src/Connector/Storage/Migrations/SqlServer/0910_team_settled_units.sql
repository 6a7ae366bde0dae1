-- Team quests read only the units of a team that hold settled points (see the SQLite script for the reasons).
CREATE INDEX ix_activity_units_team_settled ON dbo.activity_units (tenant_id, team, occurred_at_ms)
    INCLUDE (participant_id, rule_id, category, points, award_key) WHERE points <> 0;
GO
DROP INDEX ix_activity_units_team ON dbo.activity_units;
GO

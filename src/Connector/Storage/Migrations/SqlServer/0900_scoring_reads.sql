-- Reads of the progress pass that ran once per team per scoring batch (see the SQLite script for the reasons).
CREATE INDEX ix_participants_team ON dbo.participants (tenant_id, kind, team, external_id);
GO
CREATE INDEX ix_activity_units_window ON dbo.activity_units (tenant_id, participant_id, occurred_at_ms) INCLUDE (rule_id, points, category, award_key);
GO
DROP INDEX ix_activity_units_time ON dbo.activity_units;
GO

-- Reads of the progress pass that ran once per team per scoring batch (docs/performance.md, "Statements per fact").

-- A team's roster: the team quests read it directly and as the IN list of every team activity query.
-- Without it SQLite read every agent of the tenant (and each agent's row) to find one team. external_id
-- last keeps the roster in the order the unique index gave it (not in order of arrival).
CREATE INDEX ix_participants_team ON participants (tenant_id, kind, team, external_id);

-- A person's (or a team member's) units in a time window, with what the quests and badges read of them,
-- answered from the index alone instead of one table lookup per unit. Replaces the narrower index.
CREATE INDEX ix_activity_units_window ON activity_units (tenant_id, participant_id, occurred_at_ms, rule_id, points, category, award_key);
DROP INDEX ix_activity_units_time;

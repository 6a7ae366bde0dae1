-- Team quests read only the units of a team that hold settled points (docs/performance.md, "Evening of
-- 2026-11-23 (second session)"). A pending solve writes a unit with no settled points, and a busy team has
-- thousands of them in its quest windows: the index of every unit made each read look at all of them, one
-- table lookup each, every scoring batch. This index holds only units with points, with everything the
-- reads return, so a read touches only what a quest can count and never the table; pending units (the
-- bulk of fresh writes) no longer maintain it. It replaces the index of every unit, which nothing else used.
CREATE INDEX ix_activity_units_team_settled ON activity_units (tenant_id, team, occurred_at_ms, participant_id, rule_id, category, points, award_key)
    WHERE points <> 0;
DROP INDEX ix_activity_units_team;

-- Team credit that does not depend on arrival order (docs/rules.md, "Teams").

-- Every fact that carried an agent's group: when it happened and the group (at one instant, the greater
-- name). An entry with no group of its own (a quest reward, kudos, a fact without a group) is credited to
-- the team of the agent's latest such fact at or before the entry's time, so a late fact can move it.
CREATE TABLE agent_team_facts (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    team TEXT NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, occurred_at_ms)
);

-- 1 when the holding's team was taken from agent_team_facts (it had no group of its own), so a late fact
-- that changes the agent's team as of its time moves its team credit; 0 when the fact (or a team quest) named it.
ALTER TABLE activity_units ADD COLUMN team_as_of INTEGER NOT NULL DEFAULT 0;

-- Team quests measure and reward the units credited to the team in the quest's period.
CREATE INDEX ix_activity_units_team ON activity_units (tenant_id, team, occurred_at_ms);

-- The history before this migration is not recorded; the current team as of its time is the best guess.
-- Holdings already written keep the team they were credited to (team_as_of stays 0).
INSERT INTO agent_team_facts (tenant_id, participant_id, occurred_at_ms, team)
SELECT tenant_id, id, team_as_of_ms, team FROM participants WHERE kind = 'agent' AND team IS NOT NULL;

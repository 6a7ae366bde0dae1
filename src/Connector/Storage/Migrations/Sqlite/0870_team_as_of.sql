-- Team membership and team credit that do not depend on arrival order (docs/rules.md, "Teams").

-- An agent's current team is the team of their latest fact (by when it happened) that carries one;
-- team_as_of_ms is when that fact happened, so only a newer fact moves the agent.
ALTER TABLE participants ADD COLUMN team_as_of_ms INTEGER NOT NULL DEFAULT 0;

-- The team a holding was credited to on the team boards, so that taking it back (or re-sharing a daily
-- cap) debits the same team even after the agent moved.
ALTER TABLE activity_units ADD COLUMN team TEXT NULL;
ALTER TABLE cap_claims ADD COLUMN team TEXT NULL;

-- Holdings written before this migration were credited to the agent's team of the time, which is not
-- recorded; the current team is the best guess.
UPDATE activity_units SET team = (SELECT p.team FROM participants p WHERE p.id = activity_units.participant_id AND p.kind = 'agent')
WHERE team IS NULL;

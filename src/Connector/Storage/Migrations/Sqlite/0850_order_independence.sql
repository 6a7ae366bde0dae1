-- Order independence and an incremental progress pass (docs/rules.md).

-- Daily caps no longer count usage per day (it could not give room back after a clawback).
DROP TABLE daily_usage;

-- What each holding of a capped rule would get without the daily cap. The day's cap is shared out
-- among a person's claims by when they happened, so a late or clawed-back fact re-shares the day
-- instead of depending on which fact arrived first.
CREATE TABLE cap_claims (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    award_key TEXT NOT NULL,
    day_key TEXT NOT NULL,
    ticket_id TEXT NULL,
    category TEXT NOT NULL,
    reason TEXT NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    balance INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, rule_id, award_key, occurred_at_ms)
);
CREATE INDEX ix_cap_claims_day ON cap_claims (tenant_id, participant_id, rule_id, day_key);
CREATE INDEX ix_cap_claims_ticket ON cap_claims (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;

-- A person's net ledger per rule, award and time of the fact (spending excluded; a holding whose fact
-- turns out to have happened at another time is a new unit, so boards and windows follow it), kept by the ledger writer: the unit
-- badges and quests count, so the progress pass reads what a definition needs instead of the ledger.
CREATE TABLE activity_units (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    award_key TEXT NOT NULL,
    category TEXT NOT NULL,
    occurred_at_ms INTEGER NOT NULL,
    points INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, rule_id, award_key, occurred_at_ms)
);
CREATE INDEX ix_activity_units_time ON activity_units (tenant_id, participant_id, occurred_at_ms);

-- Lifetime counters per person, rule and category: awards (units with positive net points) and points.
CREATE TABLE activity_totals (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    category TEXT NOT NULL,
    awards INTEGER NOT NULL,
    points INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, rule_id, category)
);

INSERT INTO activity_units (tenant_id, participant_id, rule_id, award_key, category, occurred_at_ms, points, pending)
SELECT tenant_id, participant_id, rule_id, COALESCE(award_key, ''), MIN(category), occurred_at_ms, SUM(points), SUM(pending_points)
FROM ledger WHERE entry_kind NOT IN ('redemption', 'expiry')
GROUP BY tenant_id, participant_id, rule_id, COALESCE(award_key, ''), occurred_at_ms;

INSERT INTO activity_totals (tenant_id, participant_id, rule_id, category, awards, points)
SELECT tenant_id, participant_id, rule_id, category, SUM(CASE WHEN points > 0 THEN 1 ELSE 0 END), SUM(points)
FROM activity_units
GROUP BY tenant_id, participant_id, rule_id, category;

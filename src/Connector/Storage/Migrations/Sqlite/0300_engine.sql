-- The gamification engine: pending points, per-ticket recomputation, balances, badges, levels,
-- quests, review flags, kudos, rewards and redemptions.

-- pending_points: points held until a rating or a quiet window (balance = SUM(points), pending = SUM(pending_points)).
-- award_key: what a ticket holding is about (rule + fact), so a recompute can diff desired against held.
ALTER TABLE ledger ADD COLUMN pending_points INTEGER NOT NULL DEFAULT 0;
ALTER TABLE ledger ADD COLUMN award_key TEXT NULL;
CREATE INDEX ix_ledger_ticket ON ledger (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;
CREATE INDEX ix_ledger_award ON ledger (tenant_id, participant_id, award_key);

-- A tenant's own rule set (JSON); tenants without a row use the built-in defaults.
CREATE TABLE rule_sets (
    tenant_id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    rules_json TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL
);

-- Every fact seen for a ticket, so its points can be recomputed from the whole set in any arrival order.
CREATE TABLE ticket_facts (
    tenant_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    natural_key TEXT NOT NULL,
    inbox_id INTEGER NOT NULL,
    event_json TEXT NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, natural_key)
);

-- One row per ticket: serialises recomputes (version bump) and tells the release pass when it is due.
CREATE TABLE tickets (
    tenant_id TEXT NOT NULL,
    ticket_id TEXT NOT NULL,
    customer_id TEXT NULL,
    created_at_ms INTEGER NULL,
    settle_due_ms INTEGER NULL,
    version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, ticket_id)
);
CREATE INDEX ix_tickets_due ON tickets (settle_due_ms) WHERE settle_due_ms IS NOT NULL;
CREATE INDEX ix_tickets_requester ON tickets (tenant_id, customer_id, created_at_ms);

-- Running sums of the ledger per person: the redemption guard and the fast summary.
-- earned excludes spending (redemptions, expiry) and is what levels climb on.
CREATE TABLE participant_balances (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL PRIMARY KEY REFERENCES participants (id),
    balance INTEGER NOT NULL DEFAULT 0,
    pending INTEGER NOT NULL DEFAULT 0,
    earned INTEGER NOT NULL DEFAULT 0,
    level_index INTEGER NOT NULL DEFAULT 0,
    last_activity_ms INTEGER NOT NULL DEFAULT 0
);

-- Points per person, rule and day, for daily caps.
CREATE TABLE daily_usage (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    rule_id TEXT NOT NULL,
    day_key TEXT NOT NULL,
    points INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, rule_id, day_key)
);

CREATE TABLE participant_badges (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    badge_id TEXT NOT NULL,
    tier TEXT NOT NULL,
    earned_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, badge_id, tier)
);

-- A quest instance is a quest id plus the period it runs in (quests rotate per week/month/season).
CREATE TABLE quest_completions (
    tenant_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    quest_key TEXT NOT NULL,
    completed_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, participant_id, quest_key)
);

-- Things a team lead should look at (ticket splitting, loops); status: open, approved, contested.
CREATE TABLE review_flags (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    flag_kind TEXT NOT NULL,
    subject_key TEXT NOT NULL,
    participant_kind TEXT NOT NULL,
    participant_external_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_review_flags ON review_flags (tenant_id, flag_kind, subject_key);

CREATE TABLE kudos (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    giver_id TEXT NOT NULL,
    receiver_id TEXT NOT NULL,
    week_key TEXT NOT NULL,
    message TEXT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_kudos_giver ON kudos (tenant_id, giver_id, week_key);

CREATE TABLE rewards (
    tenant_id TEXT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    reward_kind TEXT NOT NULL,
    cost INTEGER NOT NULL,
    stock INTEGER NULL,
    per_customer_limit INTEGER NULL,
    active INTEGER NOT NULL DEFAULT 1,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE redemptions (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    reward_id TEXT NOT NULL,
    participant_id INTEGER NOT NULL,
    points INTEGER NOT NULL,
    code TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_redemptions_participant ON redemptions (tenant_id, participant_id, reward_id);

-- Season-end trophies (overall, quality, speed, first-contact), one winner each per tenant and season.
CREATE TABLE season_trophies (
    tenant_id TEXT NOT NULL,
    season_key TEXT NOT NULL,
    trophy TEXT NOT NULL,
    participant_external_id TEXT NOT NULL,
    points INTEGER NOT NULL,
    awarded_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, season_key, trophy)
);

-- The engine's review flags in the team lead's queue (issue 5): one decision per flag, and the award
-- decisions it made point back at it.

ALTER TABLE review_decisions ADD COLUMN flag_id INTEGER NULL;

CREATE TABLE review_flag_decisions (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    flag_id INTEGER NOT NULL,
    decision TEXT NOT NULL,
    note TEXT NULL,
    author TEXT NOT NULL,
    decided_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_review_flag_decisions ON review_flag_decisions (tenant_id, flag_id);

-- Directory sync brings pictures as well as names, so boards show people.
ALTER TABLE participants ADD COLUMN avatar_url TEXT NULL;

-- Where each helpdesk poller or backfill got to, per tenant (e.g. freshdesk.csat = last rating time).
CREATE TABLE helpdesk_cursors (
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- Helpdesk write-back jobs: what a redemption must change in the helpdesk (a priority-service reward tags the
-- customer and raises their open tickets). Written in the redemption's transaction, run after commit by the
-- WriteBackWorker. status: pending, succeeded, skipped (nothing to do: no API credentials, customer unknown),
-- failed (gave up; the admin can retry it).
CREATE TABLE helpdesk_write_backs (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    redemption_id INTEGER NOT NULL,
    action TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms INTEGER NOT NULL,
    lease_until_ms INTEGER NULL,
    last_error TEXT NULL,
    customer_tagged INTEGER NULL,
    tickets_raised INTEGER NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    completed_at_ms INTEGER NULL
);
CREATE UNIQUE INDEX ux_helpdesk_write_backs ON helpdesk_write_backs (tenant_id, redemption_id, action);
CREATE INDEX ix_helpdesk_write_backs_due ON helpdesk_write_backs (status, next_attempt_at_ms);
CREATE INDEX ix_helpdesk_write_backs_tenant ON helpdesk_write_backs (tenant_id, id);

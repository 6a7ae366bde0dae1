-- Outbound webhook subscriptions. The secret is encrypted (Data Protection): signing needs it in clear.
-- status: active, paused (failed for too long; resumed by the admin), deleted (kept for the delivery log).
CREATE TABLE webhook_subscriptions (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    url TEXT NOT NULL,
    event_types TEXT NOT NULL,
    secret_protected TEXT NOT NULL,
    status TEXT NOT NULL,
    failing_since_ms INTEGER NULL,
    paused_at_ms INTEGER NULL,
    pause_reason TEXT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL
);
CREATE INDEX ix_webhook_subscriptions_tenant ON webhook_subscriptions (tenant_id, status, id);

-- The outbox: award events written in the same transaction as the ledger entries they describe.
CREATE TABLE outbox_events (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    fanned_out INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_outbox_events_fanout ON outbox_events (fanned_out, id);

-- One delivery per (subscription, event); status: pending, succeeded, failed (gave up; can be redelivered).
CREATE TABLE webhook_deliveries (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    subscription_id INTEGER NOT NULL,
    outbox_event_id INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at_ms INTEGER NOT NULL,
    lease_until_ms INTEGER NULL,
    window_start_ms INTEGER NOT NULL,
    last_attempt_at_ms INTEGER NULL,
    last_status_code INTEGER NULL,
    last_error TEXT NULL,
    delivered_at_ms INTEGER NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_webhook_deliveries ON webhook_deliveries (subscription_id, outbox_event_id);
CREATE INDEX ix_webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at_ms);
CREATE INDEX ix_webhook_deliveries_subscription ON webhook_deliveries (tenant_id, subscription_id, id);
CREATE INDEX ix_webhook_deliveries_event ON webhook_deliveries (outbox_event_id);

-- Every attempt, for the delivery log.
CREATE TABLE webhook_delivery_attempts (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    delivery_id INTEGER NOT NULL,
    attempted_at_ms INTEGER NOT NULL,
    status_code INTEGER NULL,
    error TEXT NULL,
    duration_ms INTEGER NOT NULL
);
CREATE INDEX ix_webhook_delivery_attempts ON webhook_delivery_attempts (tenant_id, delivery_id, id);

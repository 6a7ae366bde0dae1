-- Outbound webhook subscriptions. The secret is encrypted (Data Protection): signing needs it in clear.
CREATE TABLE dbo.webhook_subscriptions (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    url NVARCHAR(2000) NOT NULL,
    event_types NVARCHAR(MAX) NOT NULL,
    secret_protected NVARCHAR(MAX) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    failing_since_ms BIGINT NULL,
    paused_at_ms BIGINT NULL,
    pause_reason NVARCHAR(1000) NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_webhook_subscriptions_tenant ON dbo.webhook_subscriptions (tenant_id, status, id);
GO
CREATE TABLE dbo.outbox_events (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    event_type NVARCHAR(60) NOT NULL,
    payload_json NVARCHAR(MAX) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    fanned_out BIT NOT NULL DEFAULT 0
);
GO
CREATE INDEX ix_outbox_events_fanout ON dbo.outbox_events (fanned_out, id);
GO
CREATE TABLE dbo.webhook_deliveries (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    subscription_id BIGINT NOT NULL,
    outbox_event_id BIGINT NOT NULL,
    event_type NVARCHAR(60) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at_ms BIGINT NOT NULL,
    lease_until_ms BIGINT NULL,
    window_start_ms BIGINT NOT NULL,
    last_attempt_at_ms BIGINT NULL,
    last_status_code INT NULL,
    last_error NVARCHAR(1000) NULL,
    delivered_at_ms BIGINT NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_webhook_deliveries ON dbo.webhook_deliveries (subscription_id, outbox_event_id);
GO
CREATE INDEX ix_webhook_deliveries_due ON dbo.webhook_deliveries (status, next_attempt_at_ms);
GO
CREATE INDEX ix_webhook_deliveries_subscription ON dbo.webhook_deliveries (tenant_id, subscription_id, id);
GO
CREATE INDEX ix_webhook_deliveries_event ON dbo.webhook_deliveries (outbox_event_id);
GO
CREATE TABLE dbo.webhook_delivery_attempts (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    delivery_id BIGINT NOT NULL,
    attempted_at_ms BIGINT NOT NULL,
    status_code INT NULL,
    error NVARCHAR(1000) NULL,
    duration_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_webhook_delivery_attempts ON dbo.webhook_delivery_attempts (tenant_id, delivery_id, id);

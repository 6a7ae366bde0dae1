-- Helpdesk write-back jobs: what a redemption must change in the helpdesk (a priority-service reward tags the
-- customer and raises their open tickets). Written in the redemption's transaction, run after commit by the
-- WriteBackWorker. status: pending, succeeded, skipped (nothing to do: no API credentials, customer unknown),
-- failed (gave up; the admin can retry it).
CREATE TABLE dbo.helpdesk_write_backs (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    redemption_id BIGINT NOT NULL,
    action NVARCHAR(40) NOT NULL,
    customer_id NVARCHAR(200) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    attempts INT NOT NULL DEFAULT 0,
    next_attempt_at_ms BIGINT NOT NULL,
    lease_until_ms BIGINT NULL,
    last_error NVARCHAR(1000) NULL,
    customer_tagged BIT NULL,
    tickets_raised INT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    completed_at_ms BIGINT NULL
);
GO
CREATE UNIQUE INDEX ux_helpdesk_write_backs ON dbo.helpdesk_write_backs (tenant_id, redemption_id, action);
GO
CREATE INDEX ix_helpdesk_write_backs_due ON dbo.helpdesk_write_backs (status, next_attempt_at_ms);
GO
CREATE INDEX ix_helpdesk_write_backs_tenant ON dbo.helpdesk_write_backs (tenant_id, id);

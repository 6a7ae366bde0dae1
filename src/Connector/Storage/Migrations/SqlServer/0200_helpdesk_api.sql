-- Directory sync brings pictures as well as names, so boards show people.
ALTER TABLE dbo.participants ADD avatar_url NVARCHAR(1000) NULL;
GO
-- Where each helpdesk poller or backfill got to, per tenant (e.g. freshdesk.csat = last rating time).
CREATE TABLE dbo.helpdesk_cursors (
    tenant_id NVARCHAR(40) NOT NULL,
    name NVARCHAR(100) NOT NULL,
    value NVARCHAR(400) NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_helpdesk_cursors PRIMARY KEY (tenant_id, name)
);

-- Scale-out: a node scores a tenant's inbox only while it holds that tenant's lease, so two nodes
-- never score the same rows and one tenant's events stay in order. A node that dies stops
-- renewing; its lease expires and another node takes the tenant's pending rows.
CREATE TABLE dbo.scoring_leases (
    tenant_id NVARCHAR(40) NOT NULL CONSTRAINT pk_scoring_leases PRIMARY KEY,
    owner NVARCHAR(200) NOT NULL,
    expires_at_ms BIGINT NOT NULL
);
GO
CREATE INDEX ix_inbox_pending_tenant ON dbo.inbox (status, tenant_id, id);
GO
-- The Data Protection key ring, shared by every node (tenant secrets are encrypted with it).
CREATE TABLE dbo.data_protection_keys (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    friendly_name NVARCHAR(200) NOT NULL,
    xml NVARCHAR(MAX) NOT NULL,
    created_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_data_protection_keys_name ON dbo.data_protection_keys (friendly_name);

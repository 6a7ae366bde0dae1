-- Scale-out: a node scores a tenant's inbox only while it holds that tenant's lease, so two nodes
-- never score the same rows and one tenant's events stay in order. A node that dies stops
-- renewing; its lease expires and another node takes the tenant's pending rows.
CREATE TABLE scoring_leases (
    tenant_id TEXT NOT NULL PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at_ms INTEGER NOT NULL
);

-- Finds the tenants with pending work without reading every pending row.
CREATE INDEX ix_inbox_pending_tenant ON inbox (status, tenant_id, id);

-- The Data Protection key ring, when kept in the database rather than in the data directory.
CREATE TABLE data_protection_keys (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    friendly_name TEXT NOT NULL,
    xml TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_data_protection_keys_name ON data_protection_keys (friendly_name);

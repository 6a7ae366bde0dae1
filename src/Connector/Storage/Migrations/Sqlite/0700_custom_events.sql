-- Per-tenant API keys for the custom-event API. Only the SHA-256 of a key is kept; the key is shown once.
CREATE TABLE api_keys (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    revoked_at_ms INTEGER NULL
);
CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (key_hash);
CREATE INDEX ix_api_keys_tenant ON api_keys (tenant_id, id);

-- Tenant-defined event types and the attribute schema their events must follow.
CREATE TABLE custom_event_types (
    tenant_id TEXT NOT NULL,
    name TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

-- Answers remembered per Idempotency-Key, with a hash of the request they answered.
CREATE TABLE idempotency_keys (
    tenant_id TEXT NOT NULL,
    idem_key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    response_json TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, idem_key)
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at_ms);

-- CSV imports: progress of each job and the rows it could not take.
CREATE TABLE import_jobs (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    status TEXT NOT NULL,
    total INTEGER NOT NULL DEFAULT 0,
    processed INTEGER NOT NULL DEFAULT 0,
    accepted INTEGER NOT NULL DEFAULT 0,
    duplicates INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    created_at_ms INTEGER NOT NULL,
    finished_at_ms INTEGER NULL
);
CREATE INDEX ix_import_jobs_tenant ON import_jobs (tenant_id, id);
CREATE TABLE import_errors (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL,
    job_id INTEGER NOT NULL,
    row_number INTEGER NOT NULL,
    field TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX ix_import_errors_job ON import_errors (tenant_id, job_id, id);

-- Per-tenant API keys for the custom-event API. Only the SHA-256 of a key is kept; the key is shown once.
CREATE TABLE dbo.api_keys (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    name NVARCHAR(200) NOT NULL,
    prefix NVARCHAR(20) NOT NULL,
    key_hash NVARCHAR(64) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    revoked_at_ms BIGINT NULL
);
GO
CREATE UNIQUE INDEX ux_api_keys_hash ON dbo.api_keys (key_hash);
GO
CREATE INDEX ix_api_keys_tenant ON dbo.api_keys (tenant_id, id);
GO
CREATE TABLE dbo.custom_event_types (
    tenant_id NVARCHAR(40) NOT NULL,
    name NVARCHAR(100) NOT NULL,
    schema_json NVARCHAR(MAX) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    updated_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_custom_event_types PRIMARY KEY (tenant_id, name)
);
GO
CREATE TABLE dbo.idempotency_keys (
    tenant_id NVARCHAR(40) NOT NULL,
    idem_key NVARCHAR(200) NOT NULL,
    request_hash NVARCHAR(64) NOT NULL,
    status_code INT NOT NULL,
    response_json NVARCHAR(MAX) NOT NULL,
    created_at_ms BIGINT NOT NULL,
    CONSTRAINT pk_idempotency_keys PRIMARY KEY (tenant_id, idem_key)
);
GO
CREATE INDEX ix_idempotency_keys_created ON dbo.idempotency_keys (created_at_ms);
GO
CREATE TABLE dbo.import_jobs (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    status NVARCHAR(20) NOT NULL,
    total BIGINT NOT NULL DEFAULT 0,
    processed BIGINT NOT NULL DEFAULT 0,
    accepted BIGINT NOT NULL DEFAULT 0,
    duplicates BIGINT NOT NULL DEFAULT 0,
    errors BIGINT NOT NULL DEFAULT 0,
    created_at_ms BIGINT NOT NULL,
    finished_at_ms BIGINT NULL
);
GO
CREATE INDEX ix_import_jobs_tenant ON dbo.import_jobs (tenant_id, id);
GO
CREATE TABLE dbo.import_errors (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    job_id BIGINT NOT NULL,
    row_number BIGINT NOT NULL,
    field NVARCHAR(200) NOT NULL,
    message NVARCHAR(1000) NOT NULL
);
GO
CREATE INDEX ix_import_errors_job ON dbo.import_errors (tenant_id, job_id, id);

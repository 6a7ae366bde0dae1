-- One row that the readiness probe rewrites to prove the database still accepts commits
-- (after a full disk or a held lock), without touching any tenant's data.
CREATE TABLE dbo.storage_probe (
    id INT NOT NULL PRIMARY KEY,
    touched_at_ms BIGINT NOT NULL
);
GO
INSERT INTO dbo.storage_probe (id, touched_at_ms) VALUES (1, 0);

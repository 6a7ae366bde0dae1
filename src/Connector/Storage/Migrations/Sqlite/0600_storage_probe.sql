-- One row that the readiness probe rewrites to prove the database still accepts commits
-- (after a full disk or a held lock), without touching any tenant's data.
CREATE TABLE storage_probe (
    id INTEGER NOT NULL PRIMARY KEY,
    touched_at_ms INTEGER NOT NULL
);
INSERT INTO storage_probe (id, touched_at_ms) VALUES (1, 0);

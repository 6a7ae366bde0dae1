-- The staging inbox's mark (docs/architecture.md, "The staging inbox"). SQL Server has no staging file: ingest
-- writes inbox directly and nothing reads this table; it exists so that both providers keep one schema history.
CREATE TABLE dbo.inbox_staging_mark (
    id INT NOT NULL PRIMARY KEY CHECK (id = 1),
    moved_through_id BIGINT NOT NULL
);
GO
INSERT INTO dbo.inbox_staging_mark (id, moved_through_id) SELECT 1, COALESCE(MAX(id), 0) FROM dbo.inbox;

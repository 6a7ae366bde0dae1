-- The staging inbox (docs/architecture.md, "The staging inbox"): on SQLite, ingest commits new facts to a
-- second file, inbox-staging.db, and the scorer moves them into inbox, keeping their ids, in the same main-file
-- transaction that raises this mark. Staged rows at or below the mark are already here and are never moved
-- again. One row for the node's data directory (staging is per data directory, not per tenant).
CREATE TABLE inbox_staging_mark (
    id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    moved_through_id INTEGER NOT NULL
);
-- Every row already in inbox predates staging: staged ids are seeded above it.
INSERT INTO inbox_staging_mark (id, moved_through_id) VALUES (1, COALESCE((SELECT MAX(id) FROM inbox), 0));

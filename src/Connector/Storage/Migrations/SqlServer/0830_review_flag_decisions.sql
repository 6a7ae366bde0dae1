-- The engine's review flags in the team lead's queue (issue 5): one decision per flag, and the award
-- decisions it made point back at it.

ALTER TABLE dbo.review_decisions ADD flag_id BIGINT NULL;
GO

CREATE TABLE dbo.review_flag_decisions (
    id BIGINT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    tenant_id NVARCHAR(40) NOT NULL,
    flag_id BIGINT NOT NULL,
    decision NVARCHAR(20) NOT NULL,
    note NVARCHAR(1000) NULL,
    author NVARCHAR(100) NOT NULL,
    decided_at_ms BIGINT NOT NULL
);
GO
CREATE UNIQUE INDEX ux_review_flag_decisions ON dbo.review_flag_decisions (tenant_id, flag_id);
GO

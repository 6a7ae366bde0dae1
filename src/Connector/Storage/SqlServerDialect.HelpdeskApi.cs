namespace HelpdeskGamify.Connector.Storage;

/// <summary>SQL Server statements of the helpdesk API features.</summary>
public sealed partial class SqlServerDialect
{
    /// <inheritdoc />
    public string UpsertDirectoryParticipant => """
        MERGE participants WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @Kind AS kind, @ExternalId AS external_id) AS source
            ON target.tenant_id = source.tenant_id AND target.kind = source.kind AND target.external_id = source.external_id
        WHEN MATCHED THEN UPDATE SET
            display_name = COALESCE(@DisplayName, target.display_name),
            team = COALESCE(@Team, target.team),
            avatar_url = COALESCE(@AvatarUrl, target.avatar_url),
            updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN
            INSERT (tenant_id, kind, external_id, display_name, team, avatar_url, opted_out, created_at_ms, updated_at_ms)
            VALUES (@TenantId, @Kind, @ExternalId, @DisplayName, @Team, @AvatarUrl, 0, @NowMs, @NowMs);
        """;

    /// <inheritdoc />
    public string UpsertHelpdeskCursor => """
        MERGE helpdesk_cursors WITH (HOLDLOCK) AS target
        USING (SELECT @TenantId AS tenant_id, @Name AS name) AS source
            ON target.tenant_id = source.tenant_id AND target.name = source.name
        WHEN MATCHED THEN UPDATE SET value = @Value, updated_at_ms = @NowMs
        WHEN NOT MATCHED THEN INSERT (tenant_id, name, value, updated_at_ms) VALUES (@TenantId, @Name, @Value, @NowMs);
        """;
}

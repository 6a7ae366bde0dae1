namespace HelpdeskGamify.Connector.Storage;

/// <summary>SQLite statements of the helpdesk API features.</summary>
public sealed partial class SqliteDialect
{
    /// <inheritdoc />
    public string UpsertDirectoryParticipant => """
        INSERT INTO participants (tenant_id, kind, external_id, display_name, team, avatar_url, opted_out, created_at_ms, updated_at_ms)
        VALUES (@TenantId, @Kind, @ExternalId, @DisplayName, @Team, @AvatarUrl, 0, @NowMs, @NowMs)
        ON CONFLICT (tenant_id, kind, external_id) DO UPDATE SET
            display_name = COALESCE(excluded.display_name, participants.display_name),
            team = COALESCE(excluded.team, participants.team),
            avatar_url = COALESCE(excluded.avatar_url, participants.avatar_url),
            updated_at_ms = excluded.updated_at_ms
        """;

    /// <inheritdoc />
    public string UpsertHelpdeskCursor => """
        INSERT INTO helpdesk_cursors (tenant_id, name, value, updated_at_ms)
        VALUES (@TenantId, @Name, @Value, @NowMs)
        ON CONFLICT (tenant_id, name) DO UPDATE SET value = excluded.value, updated_at_ms = excluded.updated_at_ms
        """;
}

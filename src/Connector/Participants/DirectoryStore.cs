using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Participants;

/// <summary>Writes people from a helpdesk directory (names, teams, avatars) into participants, scoped by tenant.</summary>
public sealed class DirectoryStore(Database database, TimeProvider clock)
{
    /// <summary>Inserts or refreshes <paramref name="entries"/> in one transaction; returns how many were written.</summary>
    public async Task<int> UpsertAsync(string tenantId, string kind, IReadOnlyList<DirectoryEntry> entries, CancellationToken ct = default)
    {
        if (entries.Count == 0)
        {
            return 0;
        }
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var e in entries)
        {
            await connection.ExecuteAsync(new CommandDefinition(database.Dialect.UpsertDirectoryParticipant, new
            {
                TenantId = tenantId,
                Kind = kind,
                e.ExternalId,
                e.DisplayName,
                e.Team,
                e.AvatarUrl,
                NowMs = nowMs,
            }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return entries.Count;
    }

    private const string SelectAvatar = """
        SELECT avatar_url FROM participants
        WHERE tenant_id = @TenantId AND kind = @Kind AND external_id = @ExternalId
        """;

    /// <summary>The avatar URL stored for a participant, or null.</summary>
    public async Task<string?> AvatarAsync(string tenantId, string kind, string externalId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(SelectAvatar,
            new { TenantId = tenantId, Kind = kind, ExternalId = externalId }, cancellationToken: ct));
    }
}

/// <summary>One person as the helpdesk directory lists them.</summary>
public sealed record DirectoryEntry(string ExternalId, string? DisplayName, string? Team, string? AvatarUrl);

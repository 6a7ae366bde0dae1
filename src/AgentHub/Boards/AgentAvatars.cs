using Dapper;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Boards;

/// <summary>
/// The agents' avatar URLs that directory sync stored, for the boards to show beside names. Only https
/// URLs leave the server (the pages' CSP allows nothing else), and agents hidden from public boards keep
/// their picture to themselves, as they keep their name.
/// </summary>
public sealed class AgentAvatars(Database database, OptOutRegistry optOuts)
{
    private const string SelectAvatars = """
        SELECT external_id AS AgentId, avatar_url AS Url FROM participants
        WHERE tenant_id = @TenantId AND kind = 'agent' AND avatar_url IS NOT NULL
        """;

    /// <summary>Agent id → https avatar URL, for <paramref name="viewer"/> (who always sees their own).</summary>
    public async Task<IReadOnlyDictionary<string, string>> ForAsync(string tenantId, string? viewer, CancellationToken ct)
    {
        var hidden = await optOuts.HiddenAgentsAsync(tenantId, ct);
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string AgentId, string Url)>(new CommandDefinition(SelectAvatars, new { TenantId = tenantId }, cancellationToken: ct));
        return rows.Where(r => IsHttps(r.Url) && (r.AgentId == viewer || !hidden.Contains(r.AgentId)))
            .ToDictionary(r => r.AgentId, r => r.Url, StringComparer.Ordinal);
    }

    private static bool IsHttps(string url) =>
        url.Length <= 2000 && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo);
}

using System.Text.Json;
using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>Every tenant's widget origins together, refreshed every few seconds, for the hub's CORS answer.</summary>
public sealed class WidgetOriginIndex(Database database, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private (HashSet<string> Origins, DateTimeOffset Expires) _cache = ([], DateTimeOffset.MinValue);

    private const string SelectOrigins = "SELECT widget_origins FROM tenants";

    /// <summary>Whether any tenant lists this origin.</summary>
    public async Task<bool> ContainsAsync(string origin, CancellationToken ct)
    {
        var cache = _cache;
        if (cache.Expires <= clock.GetUtcNow())
        {
            await using var connection = await database.OpenAsync(ct);
            var rows = await connection.QueryAsync<string>(new CommandDefinition(SelectOrigins, cancellationToken: ct));
            var origins = rows.SelectMany(r => JsonSerializer.Deserialize<List<string>>(r) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
            cache = _cache = (origins, clock.GetUtcNow() + Lifetime);
        }
        return cache.Origins.Contains(origin);
    }
}

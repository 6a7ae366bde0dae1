using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>Remembers, per tenant, where a poller got to (for example the newest Freshdesk rating seen).</summary>
public sealed class CursorStore(Database database, TimeProvider clock)
{
    private const string Select = "SELECT value FROM helpdesk_cursors WHERE tenant_id = @TenantId AND name = @Name";

    /// <summary>The stored value, or null.</summary>
    public async Task<string?> GetAsync(string tenantId, string name, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Select, new { TenantId = tenantId, Name = name }, cancellationToken: ct));
    }

    /// <summary>Stores a value.</summary>
    public async Task SetAsync(string tenantId, string name, string value, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.UpsertHelpdeskCursor,
            new { TenantId = tenantId, Name = name, Value = value, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }
}

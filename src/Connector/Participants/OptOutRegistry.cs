using System.Collections.Concurrent;
using Dapper;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Participants;

/// <summary>
/// The agents of a tenant who hid from public boards. Few people opt out, so the set is small and
/// cached briefly per tenant; boards skip these members without scanning.
/// </summary>
public sealed class OptOutRegistry(Database database, TimeProvider clock)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (IReadOnlySet<string> Keys, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    private const string SelectOptedOut = "SELECT external_id FROM participants WHERE tenant_id = @TenantId AND kind = @Kind AND opted_out = 1";

    /// <summary>The hidden agents of a tenant.</summary>
    public async Task<IReadOnlySet<string>> HiddenAgentsAsync(string tenantId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(tenantId, out var cached) && cached.Until > now)
        {
            return cached.Keys;
        }
        await using var connection = await database.OpenAsync(ct);
        var keys = (await connection.QueryAsync<string>(new CommandDefinition(SelectOptedOut,
            new { TenantId = tenantId, Kind = ParticipantKinds.Agent }, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
        _cache[tenantId] = (keys, now + CacheFor);
        return keys;
    }

    private const string UpdateOptedOut = "UPDATE participants SET opted_out = @OptedOut, updated_at_ms = @NowMs WHERE tenant_id = @TenantId AND kind = @Kind AND external_id = @ExternalId";

    /// <summary>Hides or shows an agent on public boards (creating the agent if it has no activity yet).</summary>
    public async Task SetAsync(string tenantId, string agentId, bool hidden, CancellationToken ct = default)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.UpsertParticipant, new
        {
            TenantId = tenantId, Kind = ParticipantKinds.Agent, ExternalId = agentId, DisplayName = (string?)null, Team = (string?)null, TeamAsOfMs = 0L, NowMs = nowMs,
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(UpdateOptedOut, new
        {
            TenantId = tenantId, Kind = ParticipantKinds.Agent, ExternalId = agentId, OptedOut = hidden, NowMs = nowMs,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        _cache.TryRemove(tenantId, out _);
    }
}

using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>Tenants' own rule sets, one JSON document each.</summary>
public sealed class RuleSetStore(Database database, TimeProvider clock)
{
    private const string SelectOne = "SELECT version AS Version, rules_json AS RulesJson FROM rule_sets WHERE tenant_id = @TenantId";

    /// <summary>The tenant's rule set, or null when it uses the defaults.</summary>
    public async Task<RuleSet?> FindAsync(string tenantId, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(int Version, string RulesJson)?>(new CommandDefinition(SelectOne,
            new { TenantId = tenantId }, cancellationToken: ct));
        return row is { } r ? RuleJson.Deserialize(r.RulesJson) with { Version = r.Version } : null;
    }

    /// <summary>Stores <paramref name="set"/> as the tenant's next version and returns it with that version.</summary>
    public async Task<RuleSet> SaveAsync(string tenantId, RuleSet set, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var current = await connection.ExecuteScalarAsync<int?>(new CommandDefinition(database.Dialect.SelectRuleSetVersionLocked,
            new { TenantId = tenantId }, tx, cancellationToken: ct));
        var saved = set with { Version = (current ?? DefaultRules.Set.Version) + 1 };
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.UpsertRuleSet, new
        {
            TenantId = tenantId,
            saved.Version,
            RulesJson = RuleJson.Serialize(saved),
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return saved;
    }
}

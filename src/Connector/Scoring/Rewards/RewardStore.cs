using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Rewards;

/// <summary>A tenant's reward catalog. Rewards are never deleted (redemptions refer to them); they are deactivated.</summary>
public sealed class RewardStore(Database database, TimeProvider clock)
{
    private const string SelectAll = """
        SELECT id AS Id, name AS Name, description AS Description, reward_kind AS Kind, cost AS Cost, stock AS Stock,
               per_customer_limit AS PerCustomerLimit, active AS Active
        FROM rewards WHERE tenant_id = @TenantId AND (@All = 1 OR active = 1)
        ORDER BY cost, id
        """;

    /// <summary>The catalog, cheapest first; only active rewards unless <paramref name="includeInactive"/>.</summary>
    public async Task<IReadOnlyList<Reward>> ListAsync(string tenantId, bool includeInactive = false, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<Reward>(new CommandDefinition(SelectAll, new { TenantId = tenantId, All = includeInactive ? 1 : 0 }, cancellationToken: ct))).AsList();
    }

    /// <summary>Creates or replaces a reward.</summary>
    public async Task SaveAsync(string tenantId, Reward reward, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.UpsertReward, new
        {
            TenantId = tenantId, reward.Id, reward.Name, reward.Description, RewardKind = reward.Kind, reward.Cost, reward.Stock,
            reward.PerCustomerLimit, reward.Active, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken: ct));
    }

    private const string Deactivate = "UPDATE rewards SET active = 0, updated_at_ms = @NowMs WHERE tenant_id = @TenantId AND id = @Id";

    /// <summary>Takes a reward off the catalog; false when there is no such reward.</summary>
    public async Task<bool> DeactivateAsync(string tenantId, string id, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(Deactivate,
            new { TenantId = tenantId, Id = id, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, cancellationToken: ct)) == 1;
    }
}

/// <summary>The kinds of reward.</summary>
public static class RewardKinds
{
    /// <summary>All kinds.</summary>
    public static readonly IReadOnlyList<string> All = ["discount_code", "priority_service", "exclusive_offer"];
}

/// <summary>A reward of the catalog.</summary>
public sealed record Reward
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }
    /// <summary>Shown name.</summary>
    public required string Name { get; init; }
    /// <summary>Shown description.</summary>
    public string Description { get; init; } = "";
    /// <summary>discount_code, priority_service or exclusive_offer.</summary>
    public string Kind { get; init; } = "discount_code";
    /// <summary>Points it costs.</summary>
    public int Cost { get; init; }
    /// <summary>How many are left (null: unlimited).</summary>
    public int? Stock { get; init; }
    /// <summary>How many one customer may redeem (null: no limit).</summary>
    public int? PerCustomerLimit { get; init; }
    /// <summary>Whether it is on offer.</summary>
    public bool Active { get; init; } = true;
}

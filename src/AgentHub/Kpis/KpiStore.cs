using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Kpis;

/// <summary>The counts the KPI dashboard is made of, for one tenant and a time range, and the tenant's targets.</summary>
public sealed class KpiStore(Database database)
{
    private const string CountRegistered = "SELECT COUNT(*) FROM participants WHERE tenant_id = @TenantId AND created_at_ms < @ToMs";

    /// <summary>Participants (agents and customers) registered before <paramref name="toMs"/>.</summary>
    public Task<long> RegisteredBeforeAsync(string tenantId, long toMs, CancellationToken ct) =>
        ScalarAsync(CountRegistered, new { TenantId = tenantId, ToMs = toMs }, ct);

    private const string CountActive = """
        SELECT COUNT(DISTINCT participant_id) FROM ledger
        WHERE tenant_id = @TenantId AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    /// <summary>Participants with any ledger entry in the range.</summary>
    public Task<long> ActiveAsync(string tenantId, long fromMs, long toMs, CancellationToken ct) =>
        ScalarAsync(CountActive, new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs }, ct);

    private const string SumIssued = """
        SELECT COALESCE(SUM(points), 0) FROM ledger
        WHERE tenant_id = @TenantId AND points > 0 AND entry_kind <> 'redemption' AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    /// <summary>Points given in the range.</summary>
    public Task<long> IssuedAsync(string tenantId, long fromMs, long toMs, CancellationToken ct) =>
        ScalarAsync(SumIssued, new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs }, ct);

    private const string SumRedeemed = """
        SELECT COALESCE(-SUM(points), 0) FROM ledger
        WHERE tenant_id = @TenantId AND entry_kind = 'redemption' AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    /// <summary>Points spent on rewards in the range.</summary>
    public Task<long> RedeemedAsync(string tenantId, long fromMs, long toMs, CancellationToken ct) =>
        ScalarAsync(SumRedeemed, new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs }, ct);

    private const string SelectFeedback = """
        SELECT event_json FROM inbox
        WHERE tenant_id = @TenantId AND kind IN ('SatisfactionRated', 'ReviewCompleted') AND status <> 2
          AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs
        """;

    /// <summary>Ratings and reviews of the range, as stored events.</summary>
    public async Task<IReadOnlyList<string>> FeedbackAsync(string tenantId, long fromMs, long toMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(SelectFeedback, new { TenantId = tenantId, FromMs = fromMs, ToMs = toMs }, cancellationToken: ct))).AsList();
    }

    private const string SelectTargets = "SELECT kpi AS Kpi, target AS Target FROM kpi_targets WHERE tenant_id = @TenantId";

    /// <summary>The targets this tenant changed from the defaults.</summary>
    public async Task<IReadOnlyDictionary<string, double>> TargetsAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Kpi, double Target)>(new CommandDefinition(SelectTargets, new { TenantId = tenantId }, cancellationToken: ct));
        return rows.ToDictionary(r => r.Kpi, r => r.Target, StringComparer.Ordinal);
    }

    private const string DeleteTarget = "DELETE FROM kpi_targets WHERE tenant_id = @TenantId AND kpi = @Kpi";

    private const string InsertTarget = """
        INSERT INTO kpi_targets (tenant_id, kpi, target, updated_by, updated_at_ms)
        VALUES (@TenantId, @Kpi, @Target, @UpdatedBy, @NowMs)
        """;

    /// <summary>Replaces targets (delete and insert in one transaction: portable, and targets change rarely).</summary>
    public async Task SetTargetsAsync(string tenantId, IReadOnlyDictionary<string, double> targets, string updatedBy, long nowMs, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (kpi, target) in targets)
        {
            await connection.ExecuteAsync(new CommandDefinition(DeleteTarget, new { TenantId = tenantId, Kpi = kpi }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(InsertTarget,
                new { TenantId = tenantId, Kpi = kpi, Target = target, UpdatedBy = updatedBy, NowMs = nowMs }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    private async Task<long> ScalarAsync(string sql, object args, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, args, cancellationToken: ct));
    }
}

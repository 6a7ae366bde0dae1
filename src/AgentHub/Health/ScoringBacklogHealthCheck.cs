using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskGamify.AgentHub.Health;

/// <summary>
/// Says when scoring falls behind or sets deliveries aside. Degraded, not unhealthy: the node still
/// accepts webhooks durably (so it stays in the load balancer), but an operator sees why points
/// are late. Node-wide on purpose, like the scorer's own queue.
/// </summary>
public sealed class ScoringBacklogHealthCheck(Database database, InboxStaging staging, TimeProvider clock) : IHealthCheck
{
    /// <summary>How old the oldest waiting delivery may be before the check reports it.</summary>
    public static readonly TimeSpan MaxLag = TimeSpan.FromMinutes(2);

    private const string SelectBacklog = """
        SELECT COUNT(*) AS Pending, MIN(received_at_ms) AS OldestMs FROM inbox WHERE status = 0
        """;

    // Acknowledged facts still in the staging inbox (SQLite) wait too.
    private const string SelectStagedBacklogSqlite = """
        SELECT COUNT(*) AS Pending, MIN(received_at_ms) AS OldestMs FROM inbox
        WHERE id > (SELECT moved_through_id FROM hub.inbox_staging_mark)
        """;

    private const string CountFailed = "SELECT COUNT(*) FROM inbox WHERE status = 2";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var backlog = await connection.QuerySingleAsync<(long Pending, long? OldestMs)>(new CommandDefinition(SelectBacklog, cancellationToken: cancellationToken));
            var failed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountFailed, cancellationToken: cancellationToken));
            if (staging.Enabled && File.Exists(staging.StagingFile))
            {
                await using var staged = await staging.OpenAsync(cancellationToken);
                var more = await staged.QuerySingleAsync<(long Pending, long? OldestMs)>(new CommandDefinition(SelectStagedBacklogSqlite, cancellationToken: cancellationToken));
                backlog = (backlog.Pending + more.Pending, backlog.OldestMs is { } a && more.OldestMs is { } b ? Math.Min(a, b) : backlog.OldestMs ?? more.OldestMs);
            }
            var lag = backlog.OldestMs is { } oldest ? clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds(oldest) : TimeSpan.Zero;
            var summary = $"{backlog.Pending} deliveries waiting (oldest {lag.TotalSeconds:0} s); {failed} set aside as unscorable.";
            return lag > MaxLag || failed > 0 ? HealthCheckResult.Degraded("Scoring needs attention: " + summary) : HealthCheckResult.Healthy(summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded($"Backlog unknown: {StorageHealth.Describe(ex)}.");
        }
    }
}

using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HelpdeskGamify.AgentHub.Health;

/// <summary>
/// Ready only while the database accepts commits. After a failed inbox commit (disk full, lock
/// held, server gone) it says why, and each probe retries one tiny write, so the node reports its
/// recovery by itself even when no webhook arrives to prove it.
/// </summary>
public sealed class StorageWriteHealthCheck(Database database, StorageHealth health, TimeProvider clock) : IHealthCheck
{
    private const string TouchProbe = "UPDATE storage_probe SET touched_at_ms = @NowMs WHERE id = 1";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (health.Failure is not { } failure)
        {
            return HealthCheckResult.Healthy(health.LastSuccess is { } at
                ? $"Commits succeed (last inbox commit {(clock.GetUtcNow() - at).TotalSeconds:0} s ago)."
                : "No inbox commit yet.");
        }
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            using var turn = await database.EnterWriteAsync(cancellationToken);
            await using var tx = await connection.BeginTransactionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(TouchProbe, new { NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: cancellationToken));
            await tx.CommitAsync(cancellationToken);
            health.RecordSuccess();
            return HealthCheckResult.Healthy($"Recovered: a probe commit succeeded after '{failure.Reason}'.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            health.RecordFailure(ex);
            return HealthCheckResult.Unhealthy(
                $"Deliveries are refused with 503 since {failure.At:u}: {StorageHealth.Describe(ex)}.");
        }
    }
}

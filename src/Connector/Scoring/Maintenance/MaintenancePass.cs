using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Seasons;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring.Maintenance;

/// <summary>
/// The slow, clock-driven parts of the game, run by the scoring loop at most once a minute: season
/// trophies once a season has ended (and again after late facts, during its grace period), and customer
/// points that expire after a period without activity.
/// Both are idempotent, so several nodes running them at once do no harm.
/// </summary>
public sealed class MaintenancePass(
    Database database,
    RuleBook rules,
    LedgerWriter writer,
    SeasonTrophies trophies,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    TimeProvider clock,
    Outbound.IAwardOutbox outbox,
    ILogger<MaintenancePass> logger)
{
    private const string SelectTenants = "SELECT id FROM tenants";

    private const string SelectBalance = "SELECT balance FROM participant_balances WHERE tenant_id = @TenantId AND participant_id = @ParticipantId";

    private const string SelectLastActivity = "SELECT last_activity_ms FROM participant_balances WHERE tenant_id = @TenantId AND participant_id = @ParticipantId";

    private DateTimeOffset _next = DateTimeOffset.MinValue;

    /// <summary>Runs when a minute has passed since the last run.</summary>
    public async Task RunIfDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (now < _next)
        {
            return;
        }
        _next = now.AddMinutes(1);
        await RunAsync(ct);
    }

    /// <summary>Awards ended seasons' trophies and expires inactive customers' points, for every tenant.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var batch = new ScoringBatch();
        await using var connection = await database.OpenAsync(ct);
        var tenants = (await connection.QueryAsync<string>(new CommandDefinition(SelectTenants, cancellationToken: ct))).AsList();
        foreach (var tenantId in tenants)
        {
            var set = await rules.ForAsync(tenantId, ct);
            // Decide without a transaction whether there is anything to do, so idle tenants never take the write lock.
            var trophiesDue = await SeasonTrophies.DueAsync(connection, tenantId, now, ct);
            var expiring = set.Customers.ExpiryDays <= 0 ? [] : (await connection.QueryAsync<(long ParticipantId, string ExternalId, long Balance)>(new CommandDefinition(
                database.Dialect.SelectExpiringCustomers,
                new { TenantId = tenantId, BeforeMs = (now - TimeSpan.FromDays(set.Customers.ExpiryDays)).ToUnixTimeMilliseconds(), Limit = 500 },
                cancellationToken: ct))).AsList();
            if (!trophiesDue && expiring.Count == 0)
            {
                continue;
            }
            using var turn = await database.EnterWriteAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            if (trophiesDue)
            {
                await trophies.AwardAsync(connection, tx, tenantId, now, batch, ct);
            }
            foreach (var customer in expiring)
            {
                // Re-read inside the transaction: the customer may have earned or spent since the list was read.
                var balance = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectBalance,
                    new { TenantId = tenantId, customer.ParticipantId }, tx, cancellationToken: ct));
                var lastActivity = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectLastActivity,
                    new { TenantId = tenantId, customer.ParticipantId }, tx, cancellationToken: ct));
                if (balance > 0 && lastActivity < (now - TimeSpan.FromDays(set.Customers.ExpiryDays)).ToUnixTimeMilliseconds())
                {
                    await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(ParticipantKinds.Customer, customer.ExternalId, null, null, "expiry",
                        $"expiry:{nowMs}", "rewards", $"Points expired after {set.Customers.ExpiryDays} days without activity", EntryKinds.Expiry,
                        checked((int)-balance), 0, nowMs, null), null, set, nowMs, batch, ct);
                }
            }
            await outbox.AppendAsync(connection, tx, batch.ToOutcome(), ct);
            await tx.CommitAsync(ct);
        }
        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
    }
}

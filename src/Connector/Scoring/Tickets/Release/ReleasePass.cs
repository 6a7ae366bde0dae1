using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring.Tickets.Release;

/// <summary>
/// Settles pending points whose quiet window has passed without a rating or reopen. It simply
/// recomputes the due tickets at the current time (<see cref="TimeProvider"/>), so running it twice,
/// or on two nodes at once, writes each release once.
/// </summary>
public sealed class ReleasePass(
    Database database,
    RuleBook rules,
    TicketScorer tickets,
    ProgressTracker progress,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    TimeProvider clock,
    Outbound.IAwardOutbox outbox,
    ILogger<ReleasePass> logger)
{
    /// <summary>Tickets per transaction.</summary>
    public const int BatchSize = 100;

    /// <summary>Settles one batch of due tickets; returns how many it recomputed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(ct);
        var due = (await connection.QueryAsync<(string TenantId, string TicketId)>(new CommandDefinition(database.Dialect.SelectDueTickets,
            new { NowMs = now.ToUnixTimeMilliseconds(), Limit = BatchSize }, cancellationToken: ct))).AsList();
        if (due.Count == 0)
        {
            return 0;
        }
        var batch = new ScoringBatch();
        using (await database.EnterWriteAsync(ct))
        await using (var tx = await connection.BeginTransactionAsync(ct))
        {
            foreach (var (tenantId, ticketId) in due)
            {
                var set = await rules.ForAsync(tenantId, ct);
                await tickets.ScoreAsync(connection, tx, tenantId, ticketId, fact: null, sourceInboxId: null, set, now, batch, ct);
            }
            await progress.UpdateAsync(connection, tx, t => rules.ForAsync(t, ct), now, batch, ct);
            await outbox.AppendAsync(connection, tx, batch.ToOutcome(), ct);
            await tx.CommitAsync(ct);
        }
        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return due.Count;
    }
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring.Tickets;

/// <summary>
/// Recomputes tickets on request, outside the event stream: a team lead's contest is stored and the tickets it
/// concerns are recomputed in one transaction, so the ledger change is the engine's own (same writer, boards,
/// progress, outbox and live push as an event's) and no later recompute undoes it.
/// </summary>
public sealed class TicketRescore(
    Database database,
    RuleBook rules,
    TicketScorer tickets,
    ProgressTracker progress,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    TimeProvider clock,
    Outbound.IAwardOutbox outbox,
    ILogger<TicketRescore> logger)
{
    // Only entries the ticket recompute wrote (ticket and award key, a ticket with facts) are held by it.
    private const string SelectScoredTicket = """
        SELECT l.ticket_id FROM ledger l
        WHERE l.tenant_id = @TenantId AND l.id = @LedgerId AND l.ticket_id IS NOT NULL AND l.award_key IS NOT NULL
          AND EXISTS (SELECT 1 FROM ticket_facts f WHERE f.tenant_id = l.tenant_id AND f.ticket_id = l.ticket_id)
        """;

    /// <summary>The ticket whose recompute holds this ledger entry, or null (a manual adjustment, a kudos, a redemption…).</summary>
    public async Task<string?> TicketOfAsync(string tenantId, long ledgerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(SelectScoredTicket, new { TenantId = tenantId, LedgerId = ledgerId }, cancellationToken: ct));
    }

    /// <summary>
    /// Runs <paramref name="before"/> (storing the input of the recompute), recomputes the tickets at the current time,
    /// then <paramref name="after"/> with what was written, all in one transaction; pushes the changes once committed.
    /// </summary>
    public async Task<ScoringBatch> RunAsync(string tenantId, IReadOnlyCollection<string> ticketIds,
        Func<DbConnection, DbTransaction, Task> before, Func<DbConnection, DbTransaction, ScoringBatch, Task> after, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var set = await rules.ForAsync(tenantId, ct);
        var batch = new ScoringBatch();
        await using (var connection = await database.OpenAsync(ct))
        {
            using var turn = await database.EnterWriteAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await before(connection, tx);
            foreach (var ticketId in ticketIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                await tickets.ScoreAsync(connection, tx, tenantId, ticketId, fact: null, sourceInboxId: null, set, now, batch, ct);
            }
            await progress.UpdateAsync(connection, tx, t => rules.ForAsync(t, ct), now, batch, ct);
            await outbox.AppendAsync(connection, tx, batch.ToOutcome(), ct);
            await after(connection, tx, batch);
            await tx.CommitAsync(ct);
        }
        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return batch;
    }
}

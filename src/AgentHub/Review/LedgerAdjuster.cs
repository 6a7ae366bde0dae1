using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// Writes a team lead's manual change of points as a ledger entry of kind <c>adjustment</c>, by
/// the scorer's rules: through the engine's <see cref="LedgerWriter"/> (ledger entry, running balance,
/// every period's board totals) in one transaction, the in-memory boards and the live push only after the commit.
/// </summary>
public sealed class LedgerAdjuster(
    Database database,
    RuleBook rules,
    LedgerWriter writer,
    ParticipantStore participants,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    TimeProvider clock,
    ILogger<LedgerAdjuster> logger)
{
    /// <summary>The entry kind every adjustment carries.</summary>
    public const string EntryKind = "adjustment";

    /// <summary>Adjusts an agent's points; null when the agent is unknown in this tenant.</summary>
    public async Task<PointsAwarded?> AdjustAsync(Adjustment adjustment, CancellationToken ct)
    {
        var agent = await participants.FindAsync(adjustment.TenantId, ParticipantKinds.Agent, adjustment.AgentId, ct);
        if (agent is null)
        {
            return null;
        }
        var set = await rules.ForAsync(adjustment.TenantId, ct);
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var batch = new ScoringBatch();
        await using (var connection = await database.OpenAsync(ct))
        {
            using var turn = await database.EnterWriteAsync(ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            // The ticket goes into the reason, not the entry's ticket: the engine recomputes a ticket from what is held on it
            // and would take back any entry there its rules did not produce, undoing the lead's adjustment at the next recompute.
            var reason = adjustment.TicketId is { } ticket && !adjustment.Reason.Contains('#' + ticket, StringComparison.Ordinal)
                ? $"{adjustment.Reason} (ticket #{ticket})"
                : adjustment.Reason;
            var written = await writer.WriteAsync(connection, tx, adjustment.TenantId, new LedgerDelta(ParticipantKinds.Agent, agent.ExternalId, null, null,
                adjustment.RuleId, $"adjustment:{Guid.NewGuid():n}", adjustment.Category, reason.Length > 200 ? reason[..200] : reason, EntryKind, adjustment.Points, 0, nowMs,
                null), null, set, nowMs, batch, ct);
            if (!written)
            {
                throw new InvalidOperationException("An adjustment has no source event, so it is never a duplicate.");
            }
            await tx.CommitAsync(ct);
        }
        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return batch.Awards[^1];
    }
}

/// <summary>One manual change of an agent's points, with the reason the agent will read.</summary>
public sealed record Adjustment(string TenantId, string AgentId, int Points, string Category, string Reason, string? TicketId, string RuleId = "manual.adjustment");

using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// Writes a team lead's manual change of points as a ledger entry of kind <c>adjustment</c>, by
/// the scorer's rules: ledger entry and every period's board total in one transaction, the
/// in-memory boards and the live push only after the commit.
/// </summary>
public sealed class LedgerAdjuster(
    ScoringStore store,
    ParticipantStore participants,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    TimeProvider clock)
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
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var totals = new List<TotalChange>();
        long ledgerId;
        long allTime = 0;
        await using (var connection = await store.OpenAsync(ct))
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            ledgerId = await store.AppendLedgerAsync(connection, tx, new LedgerInsert(adjustment.TenantId, agent.Id, adjustment.Points,
                adjustment.Category, adjustment.Reason, adjustment.RuleId, EntryKind, null, adjustment.TicketId, nowMs, nowMs), ct)
                ?? throw new InvalidOperationException("An adjustment has no source event, so it is never a duplicate.");
            foreach (var period in LeaderboardPeriods.Names)
            {
                var key = LeaderboardPeriods.KeyOf(period, now);
                var total = await store.AddToTotalAsync(connection, tx, adjustment.TenantId, "agents", key, agent.ExternalId, adjustment.Points, nowMs, ct);
                totals.Add(new TotalChange(new BoardKey(adjustment.TenantId, "agents", key), agent.ExternalId, total));
                allTime = period == "all" ? total : allTime;
                if (!string.IsNullOrEmpty(agent.Team))
                {
                    var teamTotal = await store.AddToTotalAsync(connection, tx, adjustment.TenantId, "teams", key, agent.Team, adjustment.Points, nowMs, ct);
                    totals.Add(new TotalChange(new BoardKey(adjustment.TenantId, "teams", key), agent.Team, teamTotal));
                }
            }
            await tx.CommitAsync(ct);
        }
        leaderboards.Apply(totals);
        var award = new PointsAwarded(adjustment.TenantId, ParticipantKinds.Agent, agent.ExternalId, ledgerId, adjustment.Points,
            adjustment.Category, adjustment.Reason, adjustment.TicketId, allTime, 0);
        var boards = totals.Select(t => t.Board.Board).Distinct()
            .Select(b => new BoardChanged(adjustment.TenantId, b, LeaderboardPeriods.Names)).ToList();
        await notifier.PublishAsync(new ScoringOutcome([award], boards), ct);
        return award;
    }
}

/// <summary>One manual change of an agent's points, with the reason the agent will read.</summary>
public sealed record Adjustment(string TenantId, string AgentId, int Points, string Category, string Reason, string? TicketId, string RuleId = "manual.adjustment");

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Progress;

/// <summary>
/// Keeps a person's activity units (net points per rule and award) and lifetime counters per rule
/// and category as ledger entries are appended, so the progress pass never has to sum the ledger.
/// </summary>
public static class ActivityCounters
{
    /// <summary>
    /// Adds an earning entry (not spending) to the counters, inside the ledger writer's transaction. A new unit takes
    /// <paramref name="team"/>; <paramref name="teamAsOf"/> says it was chosen by time (no group of its own), so it can move.
    /// </summary>
    public static async Task AddAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, string tenantId, long participantId,
        LedgerDelta d, string? team, bool teamAsOf, ScoringBatch batch, CancellationToken ct)
    {
        var points = await connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.AddActivityUnit, new
        {
            TenantId = tenantId, ParticipantId = participantId, d.RuleId, d.AwardKey, d.Category, d.OccurredAtMs, d.Points, d.PendingPoints, Team = team, TeamAsOf = teamAsOf,
        }, tx, cancellationToken: ct));
        var awards = AwardsDelta(points - d.Points, points);
        if (awards == 0 && d.Points == 0)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(dialect.AddActivityTotal, new
        {
            TenantId = tenantId, ParticipantId = participantId, d.RuleId, d.Category, Awards = awards, d.Points,
        }, tx, cancellationToken: ct));
        batch.ActivityChanges.Add(new ActivityChange(tenantId, participantId, d.RuleId, d.OccurredAtMs, awards, team));
    }

    /// <summary>+1 when a unit starts counting as an award (net points turn positive), −1 when it stops.</summary>
    public static int AwardsDelta(long before, long after) => (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
}

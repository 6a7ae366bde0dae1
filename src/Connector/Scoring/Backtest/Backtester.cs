using Dapper;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Backtest;

/// <summary>
/// Replays a tenant's stored events under a candidate rule set and under its current one, in memory,
/// and reports the agent board the candidate would give and each agent's change. Nothing is written.
/// </summary>
public sealed class Backtester(Database database, RuleBook rules, ParticipantStore participants, TimeProvider clock)
{
    private const string SelectEvents = "SELECT event_json FROM inbox WHERE tenant_id = @TenantId AND status = 1 ORDER BY id";

    /// <summary>The back-test of <paramref name="candidate"/>; quest rewards, kudos and redemptions are left out of both sides.</summary>
    public async Task<BacktestReport> RunAsync(string tenantId, RuleSet candidate, int limit, CancellationToken ct = default)
    {
        List<HelpdeskEvent> events;
        await using (var connection = await database.OpenAsync(ct))
        {
            events = (await connection.QueryAsync<string>(new CommandDefinition(SelectEvents, new { TenantId = tenantId }, cancellationToken: ct)))
                .Select(EventJson.Deserialize).ToList();
        }
        var now = clock.GetUtcNow();
        var current = ScoreModel.Totals(events, await rules.ForAsync(tenantId, ct), now);
        var proposed = ScoreModel.Totals(events, candidate, now);
        var agents = current.Keys.Concat(proposed.Keys).Where(k => k.Kind == ParticipantKinds.Agent).Select(k => k.Id).Distinct(StringComparer.Ordinal).ToList();
        var names = await participants.FindManyAsync(tenantId, ParticipantKinds.Agent, agents, ct);
        var deltas = agents.Select(id =>
            {
                var before = current.GetValueOrDefault((ParticipantKinds.Agent, id));
                var after = proposed.GetValueOrDefault((ParticipantKinds.Agent, id));
                return new BacktestDelta(id, names.TryGetValue(id, out var p) ? p.DisplayName ?? "Agent " + id : "Agent " + id,
                    before.Points, after.Points, after.Points - before.Points, before.Pending, after.Pending);
            })
            .OrderByDescending(d => d.CandidatePoints).ThenBy(d => d.ParticipantId, StringComparer.Ordinal)
            .ToList();
        var board = deltas.Take(limit).Select((d, i) => new BacktestEntry(i + 1, d.ParticipantId, d.DisplayName, d.CandidatePoints)).ToList();
        return new BacktestReport(events.Count, board, deltas);
    }
}

/// <summary>The result of a back-test.</summary>
public sealed record BacktestReport(int EventsReplayed, IReadOnlyList<BacktestEntry> Leaderboard, IReadOnlyList<BacktestDelta> Agents);

/// <summary>One place of the candidate's all-time agent board.</summary>
public sealed record BacktestEntry(int Rank, string ParticipantId, string DisplayName, long Points);

/// <summary>An agent's settled points under the current and the candidate rules.</summary>
public sealed record BacktestDelta(string ParticipantId, string DisplayName, long CurrentPoints, long CandidatePoints, long Delta,
    long CurrentPending, long CandidatePending);

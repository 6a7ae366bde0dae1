using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Ledger;

/// <summary>
/// Team credit for entries with no group of their own (kudos, quest rewards, facts without a group), by when they
/// happened: such a holding is credited to the agent's team as of its time — the group of their latest fact at or
/// before it (the greater name at one instant; before their first fact, the first one's). Every fact that carries a
/// group is recorded (<c>agent_team_facts</c>); when a fact arriving late changes the team as of some span of time,
/// the holdings of that span move their team credit (team board and team agents board) in the same transaction, and
/// the quests of both teams are measured again. So the end state is the same whatever order the facts arrived in.
/// Moving team credit changes no one's points, so it is no ledger entry; the holdings it moves are the ledger's.
/// </summary>
public static class TeamCredit
{
    private const string SelectNextFact = """
        SELECT MIN(occurred_at_ms) FROM agent_team_facts WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms > @AtMs
        """;

    private const string SelectHoldingsCreditedByTime = """
        SELECT rule_id AS RuleId, award_key AS AwardKey, occurred_at_ms AS OccurredAtMs, points AS Points, team AS Team FROM activity_units
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND occurred_at_ms >= @FromMs AND occurred_at_ms < @ToMs AND team_as_of = 1
        """;

    private const string UpdateHoldingTeam = """
        UPDATE activity_units SET team = @Team
        WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND rule_id = @RuleId AND award_key = @AwardKey AND occurred_at_ms = @OccurredAtMs
        """;

    /// <summary>
    /// Records that a fact of the agent at <paramref name="atMs"/> carried <paramref name="team"/> and moves the team credit
    /// of the holdings whose team as of their time this changes: those from <paramref name="atMs"/> to the agent's next fact
    /// (and, for their first fact, all before it). Usually one read and one upsert; nothing moves when the team stays.
    /// </summary>
    public static async Task RecordFactAsync(DbConnection connection, DbTransaction tx, ISqlDialect dialect, ScoringStore store, string tenantId,
        long participantId, string externalId, string team, long atMs, long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var key = new { TenantId = tenantId, ParticipantId = participantId, AtMs = atMs };
        var before = await connection.QuerySingleOrDefaultAsync<(long OccurredAtMs, string Team)?>(new CommandDefinition(dialect.SelectTeamFactAtOrBefore,
            key, tx, cancellationToken: ct));
        if (before is { } same && same.OccurredAtMs == atMs && same.Team == team)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(dialect.UpsertTeamFact, new { TenantId = tenantId, ParticipantId = participantId, AtMs = atMs, Team = team },
            tx, cancellationToken: ct));
        var after = team;
        if (before is { } b && b.OccurredAtMs == atMs)
        {
            // Two facts of one instant: the database keeps the greater name (its own collation decides), so ask it.
            after = (await connection.QuerySingleAsync<(long OccurredAtMs, string Team)>(new CommandDefinition(dialect.SelectTeamFactAtOrBefore, key, tx,
                cancellationToken: ct))).Team;
            if (after == b.Team)
            {
                return;
            }
        }
        else if (before is { } earlier && earlier.Team == team)
        {
            return;
        }
        var next = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectNextFact, key, tx, cancellationToken: ct));
        var (fromMs, toMs) = (before is null ? long.MinValue : atMs, next ?? long.MaxValue);
        var holdings = await connection.QueryAsync<(string RuleId, string AwardKey, long OccurredAtMs, long Points, string? Team)>(new CommandDefinition(
            SelectHoldingsCreditedByTime, new { TenantId = tenantId, ParticipantId = participantId, FromMs = fromMs, ToMs = toMs }, tx, cancellationToken: ct));
        foreach (var h in holdings.Where(h => h.Team != after))
        {
            await connection.ExecuteAsync(new CommandDefinition(UpdateHoldingTeam, new
            {
                TenantId = tenantId, ParticipantId = participantId, h.RuleId, h.AwardKey, h.OccurredAtMs, Team = after,
            }, tx, cancellationToken: ct));
            if (h.Points != 0)
            {
                await MoveOnBoardsAsync(connection, tx, store, tenantId, externalId, h.OccurredAtMs, h.Points, h.Team, after, nowMs, batch, ct);
            }
            // Both teams' quests of that time are measured again (ProgressTracker settles the teams of the batch's changes).
            batch.ActivityChanges.Add(new ActivityChange(tenantId, participantId, h.RuleId, h.OccurredAtMs, 0, h.Team));
            batch.ActivityChanges.Add(new ActivityChange(tenantId, participantId, h.RuleId, h.OccurredAtMs, 0, after));
        }
    }

    private static async Task MoveOnBoardsAsync(DbConnection connection, DbTransaction tx, ScoringStore store, string tenantId, string externalId,
        long occurredAtMs, long points, string? from, string to, long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(occurredAtMs);
        foreach (var period in LeaderboardPeriods.Names)
        {
            var periodKey = LeaderboardPeriods.KeyOf(period, occurredAt);
            if (from is not null)
            {
                await AddAsync(from, periodKey, -points);
            }
            await AddAsync(to, periodKey, points);
        }

        async Task AddAsync(string team, string periodKey, long delta)
        {
            var teamTotal = await store.AddToTotalAsync(connection, tx, tenantId, "teams", periodKey, team, delta, nowMs, ct);
            batch.Totals.Add(new TotalChange(new BoardKey(tenantId, "teams", periodKey), team, teamTotal));
            var teamBoard = LeaderboardReader.TeamAgentsBoard(team);
            var inTeam = await store.AddToTotalAsync(connection, tx, tenantId, teamBoard, periodKey, externalId, delta, nowMs, ct);
            batch.Totals.Add(new TotalChange(new BoardKey(tenantId, teamBoard, periodKey), externalId, inTeam));
        }
    }
}

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Seasons;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.Scoring.Ledger;

/// <summary>
/// Appends one ledger entry and everything derived from it, inside the caller's transaction:
/// daily caps, the person's running balance, activity counters and the per-period board totals.
/// </summary>
public sealed class LedgerWriter(Database database, ScoringStore store)
{
    // A capped award may have been shared out to nothing, which leaves a claim but no ledger entry.
    private const string CountAwardKey = """
        SELECT (SELECT COUNT(*) FROM ledger WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND award_key = @AwardKey AND rule_id = @RuleId)
             + (SELECT COUNT(*) FROM cap_claims WHERE tenant_id = @TenantId AND participant_id = @ParticipantId AND award_key = @AwardKey AND rule_id = @RuleId)
        """;

    /// <summary>
    /// Writes a one-off award (an event outside any ticket) unless the same rule already awarded the same fact
    /// (same award key) to this person, which a resend under a new delivery id would otherwise repeat.
    /// </summary>
    public async Task<bool> WriteOnceAsync(DbConnection connection, DbTransaction tx, string tenantId, LedgerDelta d, long? sourceInboxId,
        RuleSet rules, long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var participantId = await store.UpsertParticipantAsync(connection, tx, batch, tenantId, d.ParticipantKind, d.ParticipantId, d.DisplayName, d.Team, nowMs, ct, d.OccurredAtMs);
        var seen = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAwardKey,
            new { TenantId = tenantId, ParticipantId = participantId, d.AwardKey, d.RuleId }, tx, cancellationToken: ct));
        return seen == 0 && await WriteAsync(connection, tx, tenantId, d, sourceInboxId, rules, nowMs, batch, ct);
    }

    /// <summary>
    /// Writes <paramref name="d"/>; returns false when nothing was written (a replay, or a cap left no room).
    /// A rule with a daily cap (or a holding that was scored under one, <paramref name="capClaimed"/>) goes through
    /// <see cref="DailyCaps"/>, which may also move other holdings of the same person, rule and day.
    /// </summary>
    public async Task<bool> WriteAsync(DbConnection connection, DbTransaction tx, string tenantId, LedgerDelta d, long? sourceInboxId,
        RuleSet rules, long nowMs, ScoringBatch batch, CancellationToken ct, bool capClaimed = false)
    {
        var participantId = await store.UpsertParticipantAsync(connection, tx, batch, tenantId, d.ParticipantKind, d.ParticipantId, d.DisplayName, d.Team, nowMs, ct, d.OccurredAtMs);
        var cap = rules.Rules.FirstOrDefault(r => r.Id == d.RuleId)?.DailyCap;
        if ((cap is not null || capClaimed) && !EntryKinds.IsSpending(d.EntryKind))
        {
            return await DailyCaps.WriteAsync(connection, tx, database.Dialect, tenantId, participantId, d, cap, sourceInboxId,
                (entry, source) => AppendAsync(connection, tx, tenantId, participantId, entry, source, nowMs, batch, ct), ct);
        }
        return await AppendAsync(connection, tx, tenantId, participantId, d, sourceInboxId, nowMs, batch, ct);
    }

    private async Task<bool> AppendAsync(DbConnection connection, DbTransaction tx, string tenantId, long participantId, LedgerDelta d, long? sourceInboxId,
        long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var ledgerId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Dialect.InsertLedgerIfAbsent, new
        {
            TenantId = tenantId, ParticipantId = participantId, d.Points, d.PendingPoints, d.Category, d.Reason, d.RuleId, d.EntryKind,
            SourceInboxId = sourceInboxId, d.TicketId, d.AwardKey, d.OccurredAtMs, CreatedAtMs = nowMs,
        }, tx, cancellationToken: ct));
        if (ledgerId is null)
        {
            return false;
        }
        batch.Changed();
        var spending = EntryKinds.IsSpending(d.EntryKind);
        // Team boards credit the team carried by the fact itself (the team the agent was in when it happened), so a move
        // between teams never depends on arrival order; a team quest's reward its team. An entry of a holding already written
        // goes to the team the holding was credited to; a new holding with no group of its own (kudos, a quest reward, a fact
        // without a group) to the agent's team as of its time, which a late fact may still move (TeamCredit).
        var named = d.Team ?? d.CreditTeam;
        var team = spending || d.ParticipantKind != ParticipantKinds.Agent ? null
            : named ?? await connection.ExecuteScalarAsync<string?>(new CommandDefinition(database.Dialect.SelectCreditedTeam,
                new { TenantId = tenantId, ParticipantId = participantId, d.RuleId, d.AwardKey, d.OccurredAtMs }, tx, cancellationToken: ct));
        if (!spending)
        {
            await ActivityCounters.AddAsync(connection, tx, database.Dialect, tenantId, participantId, d, team,
                named is null && d.ParticipantKind == ParticipantKinds.Agent, batch, ct);
        }
        var (balance, pending) = await connection.QuerySingleAsync<(long Balance, long Pending)>(new CommandDefinition(database.Dialect.AddToBalance, new
        {
            TenantId = tenantId, ParticipantId = participantId, d.Points, d.PendingPoints, Earned = spending ? 0 : d.Points,
            ActivityMs = spending ? 0 : nowMs,
        }, tx, cancellationToken: ct));
        if (d.Points != 0 && !spending)
        {
            await AddToBoardsAsync(connection, tx, tenantId, d, team, nowMs, batch, ct);
            if (d.ParticipantKind == ParticipantKinds.Agent)
            {
                await SeasonTrophies.NoteLateAsync(connection, tx, tenantId, d.OccurredAtMs, nowMs, ct);
            }
        }
        batch.Touched.Add(new TouchedParticipant(tenantId, participantId, d.ParticipantKind, d.ParticipantId));
        batch.Awards.Add(new PointsAwarded(tenantId, d.ParticipantKind, d.ParticipantId, ledgerId.Value, d.Points, d.Category, d.Reason,
            d.TicketId, balance, pending) { EntryKind = d.EntryKind, PendingPoints = d.PendingPoints });
        return true;
    }

    private async Task AddToBoardsAsync(DbConnection connection, DbTransaction tx, string tenantId, LedgerDelta d, string? team,
        long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var board = d.ParticipantKind == ParticipantKinds.Agent ? "agents" : "customers";
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(d.OccurredAtMs);
        foreach (var period in LeaderboardPeriods.Names)
        {
            var periodKey = LeaderboardPeriods.KeyOf(period, occurredAt);
            var total = await store.AddToTotalAsync(connection, tx, tenantId, board, periodKey, d.ParticipantId, d.Points, nowMs, ct);
            batch.Totals.Add(new TotalChange(new BoardKey(tenantId, board, periodKey), d.ParticipantId, total));
            if (team is not null && board == "agents")
            {
                var teamTotal = await store.AddToTotalAsync(connection, tx, tenantId, "teams", periodKey, team, d.Points, nowMs, ct);
                batch.Totals.Add(new TotalChange(new BoardKey(tenantId, "teams", periodKey), team, teamTotal));
                // The agents of one team ranked among themselves.
                var teamBoard = LeaderboardReader.TeamAgentsBoard(team);
                var inTeam = await store.AddToTotalAsync(connection, tx, tenantId, teamBoard, periodKey, d.ParticipantId, d.Points, nowMs, ct);
                batch.Totals.Add(new TotalChange(new BoardKey(tenantId, teamBoard, periodKey), d.ParticipantId, inTeam));
            }
        }
    }
}

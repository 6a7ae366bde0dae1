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
        var (earned, activityMs) = spending ? (0, 0L) : (d.Points, nowMs);
        var (balance, pending) = (0L, 0L);
        if (batch.DeferBalances)
        {
            // Written by FlushBalancesAsync, which also puts the balance after this entry into its notification.
            batch.DueBalances.Add(new DueBalance(tenantId, participantId, d.Points, d.PendingPoints, earned, activityMs, batch.Awards.Count));
        }
        else
        {
            (balance, pending) = await connection.QuerySingleAsync<(long Balance, long Pending)>(new CommandDefinition(database.Dialect.AddToBalance, new
            {
                TenantId = tenantId, ParticipantId = participantId, d.Points, d.PendingPoints, Earned = earned, ActivityMs = activityMs,
            }, tx, cancellationToken: ct));
        }
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

    // Sums the entry into the batch's due totals; written at once unless the batch defers them to its end.
    private async Task AddToBoardsAsync(DbConnection connection, DbTransaction tx, string tenantId, LedgerDelta d, string? team,
        long nowMs, ScoringBatch batch, CancellationToken ct)
    {
        var board = d.ParticipantKind == ParticipantKinds.Agent ? "agents" : "customers";
        var occurredAt = DateTimeOffset.FromUnixTimeMilliseconds(d.OccurredAtMs);
        var teamBoard = team is not null && board == "agents" ? LeaderboardReader.TeamAgentsBoard(team) : null;
        foreach (var period in LeaderboardPeriods.Names)
        {
            var periodKey = LeaderboardPeriods.KeyOf(period, occurredAt);
            AddDue(batch, (tenantId, board, periodKey, d.ParticipantId), d.Points);
            if (teamBoard is not null)
            {
                AddDue(batch, (tenantId, "teams", periodKey, team!), d.Points);
                // The agents of one team ranked among themselves.
                AddDue(batch, (tenantId, teamBoard, periodKey, d.ParticipantId), d.Points);
            }
        }
        if (!batch.DeferTotals)
        {
            await FlushTotalsAsync(connection, tx, batch, nowMs, ct);
        }
    }

    private static void AddDue(ScoringBatch batch, (string TenantId, string Board, string PeriodKey, string MemberKey) key, long delta) =>
        batch.DueTotals[key] = batch.DueTotals.GetValueOrDefault(key) + delta;

    /// <summary>
    /// Writes the balance changes <paramref name="batch"/> has deferred: one row per person (the sums of their entries; the last
    /// activity is the latest), a few hundred per statement. Each notification then gets the balance after its entry: the
    /// written balance less the person's later entries of the batch, which is what one upsert per entry would have returned.
    /// </summary>
    public async Task FlushBalancesAsync(DbConnection connection, DbTransaction tx, ScoringBatch batch, CancellationToken ct)
    {
        if (batch.DueBalances.Count == 0)
        {
            return;
        }
        var due = batch.DueBalances.ToList();
        batch.DueBalances.Clear();
        foreach (var tenant in due.GroupBy(b => b.TenantId).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            // Ordered by participant, so that two SQL Server transactions lock the same balances in the same order.
            var people = tenant.GroupBy(b => b.ParticipantId).OrderBy(p => p.Key).ToList();
            var written = new Dictionary<long, (long Balance, long Pending)>(people.Count);
            foreach (var chunk in people.Chunk(MultiRowSql.MaxRows))
            {
                await using var command = MultiRowSql.Command(connection, tx, database.Dialect.AddToBalances, MultiRowSql.BalancesRow, chunk.Length);
                MultiRowSql.Bind(command, "TenantId", tenant.Key);
                for (var i = 0; i < chunk.Length; i++)
                {
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("ParticipantId", i), chunk[i].Key);
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("Points", i), chunk[i].Sum(b => b.Points));
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("PendingPoints", i), chunk[i].Sum(b => b.Pending));
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("Earned", i), chunk[i].Sum(b => b.Earned));
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("ActivityMs", i), chunk[i].Max(b => b.ActivityMs));
                }
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    written[reader.GetInt64(0)] = (reader.GetInt64(1), reader.GetInt64(2));
                }
            }
            foreach (var person in people)
            {
                // A balance row of another tenant under this id is never touched: the entries must not go on as if written.
                if (!written.TryGetValue(person.Key, out var after))
                {
                    throw new InvalidOperationException($"The balance of participant {person.Key} was not written.");
                }
                foreach (var entry in person.Reverse())
                {
                    batch.Awards[entry.AwardIndex] = batch.Awards[entry.AwardIndex] with { Total = after.Balance, Pending = after.Pending };
                    after = (after.Balance - entry.Points, after.Pending - entry.Pending);
                }
            }
        }
    }

    /// <summary>
    /// Writes the board totals <paramref name="batch"/> has summed and not written yet, a few hundred per statement, and records
    /// their new absolute values in <see cref="ScoringBatch.Totals"/>. A member touched only by entries that cancel out is still
    /// written (with 0), as entry-by-entry writing would have created its row.
    /// </summary>
    public async Task FlushTotalsAsync(DbConnection connection, DbTransaction tx, ScoringBatch batch, long nowMs, CancellationToken ct)
    {
        if (batch.DueTotals.Count == 0)
        {
            return;
        }
        // A fixed order, so that two SQL Server transactions touching the same totals lock them in the same order.
        var due = batch.DueTotals.OrderBy(t => t.Key.TenantId, StringComparer.Ordinal).ThenBy(t => t.Key.Board, StringComparer.Ordinal)
            .ThenBy(t => t.Key.PeriodKey, StringComparer.Ordinal).ThenBy(t => t.Key.MemberKey, StringComparer.Ordinal).ToList();
        batch.DueTotals.Clear();
        foreach (var tenant in due.GroupBy(t => t.Key.TenantId))
        {
            foreach (var chunk in tenant.Chunk(MultiRowSql.MaxRows))
            {
                await using var command = MultiRowSql.Command(connection, tx, database.Dialect.AddToLeaderboardTotals, MultiRowSql.BoardTotalsRow, chunk.Length);
                MultiRowSql.Bind(command, "TenantId", tenant.Key);
                MultiRowSql.Bind(command, "NowMs", nowMs);
                for (var i = 0; i < chunk.Length; i++)
                {
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("Board", i), chunk[i].Key.Board);
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("PeriodKey", i), chunk[i].Key.PeriodKey);
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("MemberKey", i), chunk[i].Key.MemberKey);
                    MultiRowSql.Bind(command, MultiRowSql.Parameter("Delta", i), chunk[i].Value);
                }
                var count = 0;
                await using (var reader = await command.ExecuteReaderAsync(ct))
                {
                    while (await reader.ReadAsync(ct))
                    {
                        batch.Totals.Add(new TotalChange(new BoardKey(tenant.Key, reader.GetString(0), reader.GetString(1)), reader.GetString(2), reader.GetInt64(3)));
                        count++;
                    }
                }
                if (count != chunk.Length)
                {
                    throw new InvalidOperationException($"Board totals: {chunk.Length} written, {count} returned.");
                }
            }
        }
    }

}

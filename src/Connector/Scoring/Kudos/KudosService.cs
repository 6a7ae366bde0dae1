using Dapper;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring.Kudos;

/// <summary>Agents recognise each other from a weekly budget; each kudos is a ledger entry for the receiver.</summary>
public sealed class KudosService(Database database, RuleBook rules, ScoringStore store, LedgerWriter writer, ProgressTracker progress,
    LeaderboardIndex leaderboards, IGameNotifier notifier, TimeProvider clock, ILogger<KudosService> logger)
{
    /// <summary>Gives a kudos; the result says how many are left this week, or why it was refused.</summary>
    public async Task<KudosResult> GiveAsync(string tenantId, string giverId, string receiverId, string? message, CancellationToken ct = default)
    {
        if (giverId == receiverId)
        {
            return new KudosResult(false, 0, "self");
        }
        var set = await rules.ForAsync(tenantId, ct);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var week = LeaderboardPeriods.KeyOf("week", now);
        var batch = new ScoringBatch();
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var given = await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.CountKudosLocked,
            new { TenantId = tenantId, GiverId = giverId, WeekKey = week }, tx, cancellationToken: ct));
        if (given >= set.Kudos.WeeklyBudget)
        {
            return new KudosResult(false, 0, "budget_exhausted");
        }
        var note = string.IsNullOrWhiteSpace(message) ? null : message.Trim()[..Math.Min(message.Trim().Length, 200)];
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.InsertKudos, new
        {
            TenantId = tenantId, GiverId = giverId, ReceiverId = receiverId, WeekKey = week, Message = note, NowMs = nowMs,
        }, tx, cancellationToken: ct));
        await store.UpsertParticipantAsync(connection, tx, tenantId, ParticipantKinds.Agent, giverId, null, null, nowMs, ct);
        if (set.Kudos.Points > 0)
        {
            var reason = note is null ? $"Kudos from agent {giverId}" : $"Kudos from agent {giverId}: {note}";
            await writer.WriteAsync(connection, tx, tenantId, new LedgerDelta(ParticipantKinds.Agent, receiverId, null, null, "kudos", $"kudos:{id}",
                "engagement", reason, EntryKinds.Award, set.Kudos.Points, 0, nowMs, null), null, set, nowMs, batch, ct);
            await progress.UpdateAsync(connection, tx, _ => Task.FromResult(set), now, batch, ct);
        }
        await tx.CommitAsync(ct);
        turn.Dispose();
        await ScoringWorker.CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return new KudosResult(true, (int)(set.Kudos.WeeklyBudget - given - 1), null);
    }
}

/// <summary>The outcome of giving kudos; <see cref="Error"/> is self or budget_exhausted when refused.</summary>
public sealed record KudosResult(bool Given, int RemainingThisWeek, string? Error);

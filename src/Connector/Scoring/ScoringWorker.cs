using System.Data.Common;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Rules;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// Scores the inbox in order. A batch of rows, their ledger entries, their leaderboard totals and
/// their "processed" marks commit together, so a crash at any point leaves each row either fully
/// scored or still pending. Notifications go out only after the commit.
/// </summary>
public sealed class ScoringWorker(
    ScoringStore store,
    RuleBook rules,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    Outbound.IAwardOutbox outbox,
    InboxSignal signal,
    TimeProvider clock,
    ILogger<ScoringWorker> logger) : BackgroundService
{
    /// <summary>
    /// Rows per transaction. Small on purpose: a batch holds SQLite's one writer until it commits, and
    /// webhook acknowledgements wait behind it (docs/performance.md measures 64 against 256).
    /// </summary>
    public const int BatchSize = 64;

    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var scored = await ScorePendingAsync(stoppingToken);
                if (scored < BatchSize)
                {
                    await signal.WaitAsync(IdlePoll, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Scoring failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), clock, stoppingToken);
            }
        }
    }

    /// <summary>Scores one batch of pending rows; returns how many rows it took.</summary>
    public async Task<int> ScorePendingAsync(CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        var rows = await store.PendingAsync(connection, BatchSize, ct);
        if (rows.Count == 0)
        {
            return 0;
        }
        using var activity = ConnectorTelemetry.Activities.StartActivity("scoring.batch");
        activity?.SetTag("helpdeskgamify.rows", rows.Count);
        ScoringOutcome outcome;
        List<TotalChange> totals;
        try
        {
            (outcome, totals) = await ScoreRowsAsync(connection, rows, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && rows.Count > 1)
        {
            // One bad row must not hold back the rest: score them one at a time to find it.
            logger.LogWarning(ex, "A batch of {Count} failed; scoring its rows one by one", rows.Count);
            (outcome, totals) = await ScoreOneByOneAsync(connection, rows, ct);
        }
        leaderboards.Apply(totals);
        ConnectorTelemetry.RecordScored(rows, outcome);
        await PublishAsync(outcome, ct);
        return rows.Count;
    }

    private async Task<(ScoringOutcome, List<TotalChange>)> ScoreOneByOneAsync(DbConnection connection, IReadOnlyList<PendingInboxRow> rows, CancellationToken ct)
    {
        var awards = new List<PointsAwarded>();
        var boards = new List<BoardChanged>();
        var totals = new List<TotalChange>();
        foreach (var row in rows)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = row.TenantId, ["InboxId"] = row.Id });
            try
            {
                var (outcome, rowTotals) = await ScoreRowsAsync(connection, [row], ct);
                awards.AddRange(outcome.Awards);
                boards.AddRange(outcome.Boards);
                totals.AddRange(rowTotals);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inbox row {InboxId} of tenant {Tenant} cannot be scored; set aside", row.Id, row.TenantId);
                await store.MarkFailedAsync(connection, row.Id, ex.GetType().Name + ": " + ex.Message, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
            }
        }
        return (new ScoringOutcome(awards, boards.DistinctBy(b => (b.TenantId, b.Board)).ToList()), totals);
    }

    private async Task<(ScoringOutcome, List<TotalChange>)> ScoreRowsAsync(DbConnection connection, IReadOnlyList<PendingInboxRow> rows, CancellationToken ct)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var awards = new List<PointsAwarded>();
        var totals = new List<TotalChange>();
        using var turn = await store.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var row in rows)
        {
            var e = EventJson.Deserialize(row.EventJson);
            await RememberPeopleAsync(connection, tx, row.TenantId, e, nowMs, ct);
            foreach (var award in RuleEvaluator.Evaluate(e, rules.For(row.TenantId)))
            {
                var participantId = await store.UpsertParticipantAsync(connection, tx, row.TenantId, award.ParticipantKind,
                    award.ParticipantId, award.DisplayName, award.Team, nowMs, ct);
                var ledgerId = await store.AppendLedgerAsync(connection, tx, new LedgerInsert(row.TenantId, participantId,
                    award.Points, award.Category, award.Reason, award.RuleId, "award", row.Id, award.TicketId,
                    e.OccurredAt.ToUnixTimeMilliseconds(), nowMs), ct);
                if (ledgerId is null)
                {
                    continue;
                }
                var total = await AddToBoardsAsync(connection, tx, row.TenantId, award, e.OccurredAt, nowMs, totals, ct);
                awards.Add(new PointsAwarded(row.TenantId, award.ParticipantKind, award.ParticipantId, ledgerId.Value,
                    award.Points, award.Category, award.Reason, award.TicketId, total, 0));
            }
            await store.MarkProcessedAsync(connection, tx, row.Id, nowMs, ct);
        }
        // Outbound webhook events commit with the awards they describe (transactional outbox).
        await outbox.AppendAsync(connection, tx, new ScoringOutcome(awards, []), ct);
        await tx.CommitAsync(ct);
        var boards = totals.Select(t => (t.Board.TenantId, t.Board.Board)).Distinct()
            .Select(b => new BoardChanged(b.TenantId, b.Board, LeaderboardPeriods.Names))
            .ToList();
        return (new ScoringOutcome(awards, boards), totals);
    }

    private async Task<long> AddToBoardsAsync(DbConnection connection, DbTransaction tx, string tenantId, Award award,
        DateTimeOffset occurredAt, long nowMs, List<TotalChange> totals, CancellationToken ct)
    {
        var board = award.ParticipantKind == ParticipantKinds.Agent ? "agents" : "customers";
        long allTime = 0;
        foreach (var period in LeaderboardPeriods.Names)
        {
            var periodKey = LeaderboardPeriods.KeyOf(period, occurredAt);
            var total = await store.AddToTotalAsync(connection, tx, tenantId, board, periodKey, award.ParticipantId, award.Points, nowMs, ct);
            totals.Add(new TotalChange(new BoardKey(tenantId, board, periodKey), award.ParticipantId, total));
            if (period == "all")
            {
                allTime = total;
            }
            if (award.Team is not null)
            {
                var teamTotal = await store.AddToTotalAsync(connection, tx, tenantId, "teams", periodKey, award.Team, award.Points, nowMs, ct);
                totals.Add(new TotalChange(new BoardKey(tenantId, "teams", periodKey), award.Team, teamTotal));
            }
        }
        return allTime;
    }

    private async Task RememberPeopleAsync(DbConnection connection, DbTransaction tx, string tenantId, HelpdeskEvent e, long nowMs, CancellationToken ct)
    {
        // Names arrive with events; keeping them lets boards show people rather than ids.
        if (e.AgentId is not null && e.AgentName is not null)
        {
            await store.UpsertParticipantAsync(connection, tx, tenantId, ParticipantKinds.Agent, e.AgentId, e.AgentName, e.Group, nowMs, ct);
        }
        if (e.CustomerId is not null && e.CustomerName is not null)
        {
            await store.UpsertParticipantAsync(connection, tx, tenantId, ParticipantKinds.Customer, e.CustomerId, e.CustomerName, null, nowMs, ct);
        }
    }

    private async Task PublishAsync(ScoringOutcome outcome, CancellationToken ct)
    {
        if (outcome.Awards.Count == 0 && outcome.Boards.Count == 0)
        {
            return;
        }
        try
        {
            await notifier.PublishAsync(outcome, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The ledger is committed; a missed push is caught up by clients on reconnect.
            logger.LogWarning(ex, "Publishing {Count} awards failed", outcome.Awards.Count);
        }
    }
}

using System.Data.Common;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Leaderboards;
using HelpdeskGamify.Connector.Scoring.Ledger;
using HelpdeskGamify.Connector.Scoring.Maintenance;
using HelpdeskGamify.Connector.Scoring.Progress;
using HelpdeskGamify.Connector.Scoring.Rules;
using HelpdeskGamify.Connector.Scoring.Tickets;
using HelpdeskGamify.Connector.Scoring.Tickets.Release;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>
/// Scores the inbox in order. A batch of rows, their ledger entries, balances, board totals, badges,
/// levels, quests and their "processed" marks commit together, so a crash at any point leaves each
/// row either fully scored or still pending. Notifications go out only after the commit.
/// </summary>
public sealed class ScoringWorker(
    ScoringStore store,
    RuleBook rules,
    TicketScorer tickets,
    LedgerWriter writer,
    ProgressTracker progress,
    ReleasePass release,
    MaintenancePass maintenance,
    LeaderboardIndex leaderboards,
    IGameNotifier notifier,
    Outbound.IAwardOutbox outbox,
    InboxSignal signal,
    TimeProvider clock,
    ILogger<ScoringWorker> logger) : BackgroundService
{
    /// <summary>
    /// Rows per transaction. A batch holds SQLite's one writer of the main file until it commits, and other
    /// writers wait behind it, so it stays small; webhook acknowledgements no longer wait on it (they commit to
    /// the staging inbox, <see cref="InboxStaging"/>), so it is larger than the 64 chosen when they did: each
    /// transaction's fixed cost (claim, move, commit's fsync, per-team reads) is shared by more facts
    /// (docs/performance.md measures 64, 128 and 256).
    /// </summary>
    public const int BatchSize = 128;

    /// <summary>
    /// How long a scoring transaction may hold the writer once another writer is queued for it: the scorer
    /// then commits at the next row boundary (after at least <see cref="MinRowsBeforeYield"/> rows), so a
    /// webhook's acknowledgement waits for a slice of scoring instead of a whole batch (docs/performance.md).
    /// Rows left over are scored next.
    /// </summary>
    public static readonly TimeSpan WriterSlice = TimeSpan.FromMilliseconds(5);

    /// <summary>The rows a scoring transaction takes before it may yield (each transaction has a fixed cost).</summary>
    public const int MinRowsBeforeYield = 4;

    /// <summary>
    /// How old the oldest row of a batch may be for the scorer to still yield. Behind by more, it keeps the
    /// writer for the whole batch, so acknowledgements wait again: without that back-pressure, a steady
    /// stream of webhooks above what scoring can follow grew the backlog, and with it push latency, without
    /// bound (docs/performance.md measures both).
    /// </summary>
    public static readonly TimeSpan CatchUpAfter = TimeSpan.FromMilliseconds(250);

    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (_, more) = await ScoreNextAsync(stoppingToken);
                var released = await release.RunAsync(stoppingToken);
                await maintenance.RunIfDueAsync(stoppingToken);
                if (!more && released == 0)
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

    /// <summary>Scores one batch of pending rows; returns how many rows it scored (or set aside).</summary>
    public async Task<int> ScorePendingAsync(CancellationToken ct) => (await ScoreNextAsync(ct)).Scored;

    // More: pending rows are probably left (a full batch was fetched, or the transaction ended early).
    private async Task<(int Scored, bool More)> ScoreNextAsync(CancellationToken ct)
    {
        await using var connection = await store.OpenAsync(ct);
        var fetched = await store.PendingAsync(connection, BatchSize, ct);
        if (fetched.Count == 0)
        {
            return (0, false);
        }
        using var activity = ConnectorTelemetry.Activities.StartActivity("scoring.batch");
        IReadOnlyList<PendingInboxRow> rows = fetched;
        ScoringBatch batch;
        try
        {
            (batch, var scored) = await ScoreRowsAsync(connection, fetched, ct);
            rows = scored == fetched.Count ? fetched : fetched.Take(scored).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException && rows.Count > 1)
        {
            // One bad row must not hold back the rest: score them one at a time to find it.
            logger.LogWarning(ex, "A batch of {Count} failed; scoring its rows one by one", rows.Count);
            batch = await ScoreOneByOneAsync(connection, rows, ct);
        }
        store.RowsScored();
        activity?.SetTag("helpdeskgamify.rows", rows.Count);
        ConnectorTelemetry.RecordScored(rows, batch.ToOutcome());
        await CommittedAsync(leaderboards, notifier, logger, batch, ct);
        return (rows.Count, fetched.Count == BatchSize || rows.Count < fetched.Count);
    }

    /// <summary>After a commit: move the in-memory boards, then push (a failed push loses nothing, clients catch up on reconnect).</summary>
    public static async Task CommittedAsync(LeaderboardIndex leaderboards, IGameNotifier notifier, ILogger logger, ScoringBatch batch, CancellationToken ct)
    {
        leaderboards.Apply(batch.Totals);
        var outcome = batch.ToOutcome();
        if (outcome.IsEmpty)
        {
            return;
        }
        try
        {
            await notifier.PublishAsync(outcome, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Publishing {Count} awards failed", outcome.Awards.Count);
        }
    }

    private async Task<ScoringBatch> ScoreOneByOneAsync(DbConnection connection, IReadOnlyList<PendingInboxRow> rows, CancellationToken ct)
    {
        var all = new ScoringBatch();
        foreach (var row in rows)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object?> { ["TenantId"] = row.TenantId, ["InboxId"] = row.Id });
            try
            {
                all.Merge((await ScoreRowsAsync(connection, [row], ct)).Batch);
            }
            // A storage fault (locked, full, unreachable) says nothing about the row: let the outer
            // loop retry the whole batch later instead of parking a good row.
            catch (Exception ex) when (ex is not OperationCanceledException && !Storage.TransientFaults.IsStorageOutage(ex))
            {
                logger.LogError(ex, "Inbox row {InboxId} of tenant {Tenant} cannot be scored; set aside", row.Id, row.TenantId);
                await store.MarkFailedAsync(connection, row.Id, ex.GetType().Name + ": " + ex.Message, clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
            }
        }
        return all;
    }

    // Scores rows in order in one transaction; stops early (at a row boundary) when another writer has
    // been waiting, the transaction has held the writer for WriterSlice and scoring is not behind by
    // CatchUpAfter. Returns how many rows it scored.
    private async Task<(ScoringBatch Batch, int Scored)> ScoreRowsAsync(DbConnection connection, IReadOnlyList<PendingInboxRow> rows, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        // Board totals are summed over the batch and written once per member, board and period before the commit, and balances
        // once per person.
        var batch = new ScoringBatch { DeferTotals = true, DeferBalances = true };
        using var turn = await store.EnterWriteAsync(ct);
        var holding = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await connection.BeginTransactionAsync(ct);
        var scored = 0;
        var mayYield = nowMs - rows[0].ReceivedAtMs < (long)CatchUpAfter.TotalMilliseconds;
        foreach (var row in rows)
        {
            if (mayYield && scored >= MinRowsBeforeYield && holding.Elapsed >= WriterSlice && store.WritersWaiting)
            {
                break;
            }
            scored++;
            var e = EventJson.Deserialize(row.EventJson);
            var set = await rules.ForAsync(row.TenantId, ct);
            await RememberPeopleAsync(connection, tx, batch, row.TenantId, e, nowMs, ct);
            if (e.TicketId is { } ticketId)
            {
                await tickets.ScoreAsync(connection, tx, row.TenantId, ticketId, new TicketFact(NaturalKey.For(e), e), row.Id, set, now, batch, ct);
            }
            else
            {
                var key = NaturalKey.For(e);
                foreach (var award in RuleEvaluator.Evaluate(e, set))
                {
                    await writer.WriteOnceAsync(connection, tx, row.TenantId, new LedgerDelta(award.ParticipantKind, award.ParticipantId, award.DisplayName,
                        award.Team, award.RuleId, key, award.Category, award.Reason, award.Points < 0 ? EntryKinds.Penalty : EntryKinds.Award,
                        award.Points, 0, e.OccurredAt.ToUnixTimeMilliseconds(), null), row.Id, set, nowMs, batch, ct);
                }
            }
            await store.MarkProcessedAsync(connection, tx, row.Id, nowMs, ct);
        }
        await progress.UpdateAsync(connection, tx, t => rules.ForAsync(t, ct), now, batch, ct);
        await writer.FlushBalancesAsync(connection, tx, batch, ct);
        await writer.FlushTotalsAsync(connection, tx, batch, nowMs, ct);
        // Outbound webhook events commit with the awards they describe (transactional outbox).
        await outbox.AppendAsync(connection, tx, batch.ToOutcome(), ct);
        await tx.CommitAsync(ct);
        return (batch, scored);
    }

    private async Task RememberPeopleAsync(DbConnection connection, DbTransaction tx, ScoringBatch batch, string tenantId, HelpdeskEvent e, long nowMs, CancellationToken ct)
    {
        // Names arrive with events; keeping them lets boards show people rather than ids.
        if (e.AgentId is not null && e.AgentName is not null)
        {
            await store.UpsertParticipantAsync(connection, tx, batch, tenantId, ParticipantKinds.Agent, e.AgentId, e.AgentName, e.Group, nowMs, ct,
                e.OccurredAt.ToUnixTimeMilliseconds());
        }
        if (e.CustomerId is not null && e.CustomerName is not null)
        {
            await store.UpsertParticipantAsync(connection, tx, batch, tenantId, ParticipantKinds.Customer, e.CustomerId, e.CustomerName, null, nowMs, ct);
        }
    }
}

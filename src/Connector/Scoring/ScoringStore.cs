using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Scoring;

/// <summary>The writes of scoring, all inside the caller's transaction so that a row is processed exactly once.</summary>
public sealed class ScoringStore(Database database, InboxLeases leases, InboxStaging staging)
{
    /// <summary>A store for one node alone, holding leases under a fresh identity with the default duration.</summary>
    public ScoringStore(Database database)
        : this(database, new InboxLeases(database, new NodeIdentity(), Options.Create(new InboxLeaseOptions()), TimeProvider.System))
    {
    }

    /// <summary>A store holding leases with <paramref name="leases"/> (tests play several nodes).</summary>
    public ScoringStore(Database database, InboxLeases leases)
        : this(database, leases, new InboxStaging(database))
    {
    }

    /// <summary>Opens a connection for a scoring batch (on SQLite, one that can read the staging inbox).</summary>
    public Task<DbConnection> OpenAsync(CancellationToken ct) => staging.Enabled ? staging.OpenMainAsync(ct) : database.OpenAsync(ct);

    /// <summary>Waits for this node's turn to write (see <see cref="Database.EnterWriteAsync"/>).</summary>
    public ValueTask<WriteTurn> EnterWriteAsync(CancellationToken ct) => database.EnterWriteAsync(ct);

    /// <summary>Says that a scoring batch committed, so that ingest held behind the backlog looks again (see <see cref="InboxStaging.HoldWhileBehindAsync"/>).</summary>
    public void RowsScored() => staging.RecordScored();

    /// <summary>Whether another writer (an inbox commit, usually) is queued behind the current turn.</summary>
    public bool WritersWaiting => database.WritersWaiting;

    /// <summary>
    /// Moves staged rows into the main inbox (SQLite, see <see cref="InboxStaging"/>), claims the tenants with
    /// pending work that no other live node holds, then returns the oldest pending rows of this node's tenants
    /// only (see <see cref="InboxLeases"/>). <paramref name="connection"/> comes from <see cref="OpenAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<PendingInboxRow>> PendingAsync(DbConnection connection, int limit, CancellationToken ct)
    {
        var nowMs = leases.NowMs;
        // While the last fetch came back full the scorer is working through a backlog of tenants it holds;
        // re-claiming before every batch (a write and a commit, and a scan of every pending row for their
        // tenants) then only renews leases that run for InboxLeaseOptions.Duration. Renew at most every
        // ReclaimWhileBusy instead; whenever the scorer catches up it claims before each batch again.
        // Staged rows (SQLite) move with the claim: their ids are above every row already in inbox, so
        // while a full batch is pending there they would only queue behind it.
        var claim = !_lastFetchFull || nowMs - _claimedAtMs >= (long)ReclaimWhileBusy.TotalMilliseconds || nowMs < _claimedAtMs;
        var leftover = false;
        if (claim)
        {
            // Any node may move (the mark makes a second move of the same rows impossible); leases only decide who scores.
            var staged = staging.Enabled && await staging.AttachStagedAsync(connection, ct);
            (var waiting, leftover) = staged ? await InboxStaging.InspectAsync(connection, ct) : (false, false);
            // Moving and claiming write the main file, so they take this node's SQLite write turn like every writer,
            // and share one transaction (one fsync). BEGIN IMMEDIATE takes the main write lock before the snapshot
            // of the attached staging file, so the move sees every row staged before it.
            using (await database.EnterWriteAsync(ct))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                if (waiting)
                {
                    await InboxStaging.MoveAsync(connection, tx, ct);
                }
                nowMs = await leases.ClaimAsync(connection, tx, ct);
                await tx.CommitAsync(ct);
            }
            _claimedAtMs = nowMs;
            leftover &= !waiting;
        }
        var rows = (await connection.QueryAsync<PendingInboxRow>(new CommandDefinition(database.Dialect.SelectPendingInbox,
            new { leases.Owner, NowMs = nowMs, Limit = limit }, cancellationToken: ct))).AsList();
        _lastFetchFull = rows.Count == limit;
        if (leftover && rows.Count == 0)
        {
            // Idle: ingest deletes moved rows in its own commits, but none may come for a while.
            await staging.DeleteMovedAsync(ct);
        }
        ConnectorTelemetry.RecordClaimed(rows, nowMs);
        return rows;
    }

    /// <summary>How often leases are renewed while every fetch comes back full (see <see cref="PendingAsync"/>).</summary>
    public static readonly TimeSpan ReclaimWhileBusy = TimeSpan.FromSeconds(1);

    private long _claimedAtMs = long.MinValue / 2;
    private bool _lastFetchFull;

    /// <summary>
    /// Creates the participant or refreshes its name and team; returns its id. <paramref name="teamAsOfMs"/> is when the fact
    /// carrying <paramref name="team"/> happened: only a newer fact (or, at the same time, the greater team name) moves the
    /// participant, so the current team does not depend on the order facts arrive in.
    /// </summary>
    public Task<long> UpsertParticipantAsync(DbConnection connection, DbTransaction tx, string tenantId, string kind,
        string externalId, string? displayName, string? team, long nowMs, CancellationToken ct, long teamAsOfMs = 0) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.UpsertParticipant,
            new { TenantId = tenantId, Kind = kind, ExternalId = externalId, DisplayName = displayName, Team = team, TeamAsOfMs = teamAsOfMs, NowMs = nowMs },
            tx, cancellationToken: ct));

    /// <summary>
    /// As <see cref="UpsertParticipantAsync(DbConnection, DbTransaction, string, string, string, string?, string?, long, CancellationToken, long)"/>,
    /// but skips the statement when <paramref name="batch"/> already made the same upsert in this transaction at the
    /// same time (it would change nothing): scoring one fact upserted the same agent two or three times.
    /// </summary>
    public async Task<long> UpsertParticipantAsync(DbConnection connection, DbTransaction tx, ScoringBatch batch, string tenantId, string kind,
        string externalId, string? displayName, string? team, long nowMs, CancellationToken ct, long teamAsOfMs = 0)
    {
        if (batch.KnownParticipant(tx, tenantId, kind, externalId, displayName, team, teamAsOfMs, nowMs) is { } known)
        {
            return known;
        }
        var id = await UpsertParticipantAsync(connection, tx, tenantId, kind, externalId, displayName, team, nowMs, ct, teamAsOfMs);
        batch.RememberParticipant(tx, tenantId, kind, externalId, displayName, team, teamAsOfMs, nowMs, id);
        if (team is not null && kind == ParticipantKinds.Agent)
        {
            // A fact naming the agent's group: what no-group entries are credited to by time (docs/rules.md, "Teams").
            await Ledger.TeamCredit.RecordFactAsync(connection, tx, database.Dialect, this, tenantId, id, externalId, team, teamAsOfMs, nowMs, batch, ct);
        }
        return id;
    }

    /// <summary>Appends a ledger entry unless this rule already awarded this event to this person; returns its id or null.</summary>
    public Task<long?> AppendLedgerAsync(DbConnection connection, DbTransaction tx, LedgerInsert entry, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(database.Dialect.InsertLedgerIfAbsent, entry, tx, cancellationToken: ct));

    /// <summary>Adds to a leaderboard total and returns the new total.</summary>
    public Task<long> AddToTotalAsync(DbConnection connection, DbTransaction tx, string tenantId, string board,
        string periodKey, string memberKey, long delta, long nowMs, CancellationToken ct) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(database.Dialect.AddToLeaderboardTotal,
            new { TenantId = tenantId, Board = board, PeriodKey = periodKey, MemberKey = memberKey, Delta = delta, NowMs = nowMs },
            tx, cancellationToken: ct));

    private const string MarkProcessed = "UPDATE inbox SET status = 1, processed_at_ms = @NowMs, attempts = attempts + 1 WHERE id = @Id AND status = 0";

    /// <summary>Marks an inbox row processed; false if another worker got there first.</summary>
    public async Task<bool> MarkProcessedAsync(DbConnection connection, DbTransaction tx, long id, long nowMs, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(MarkProcessed, new { Id = id, NowMs = nowMs }, tx, cancellationToken: ct)) == 1;

    private const string MarkFailed = "UPDATE inbox SET status = 2, processed_at_ms = @NowMs, attempts = attempts + 1, error = @Error WHERE id = @Id AND status = 0";

    /// <summary>Sets a row aside that cannot be scored, with the reason, so that it stops blocking the rest.</summary>
    public async Task MarkFailedAsync(DbConnection connection, long id, string error, long nowMs, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(MarkFailed, new { Id = id, Error = error, NowMs = nowMs }, cancellationToken: ct));
}

/// <summary>An inbox row waiting to be scored.</summary>
public sealed class PendingInboxRow
{
    /// <summary>The inbox row id; rows are scored in id order.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>The webhook source.</summary>
    public string Source { get; init; } = "";
    /// <summary>The normalized event.</summary>
    public string EventJson { get; init; } = "";
    /// <summary>How often scoring was tried.</summary>
    public long Attempts { get; init; }
    /// <summary>When the delivery was made durable (for the inbox lag metric).</summary>
    public long ReceivedAtMs { get; init; }
}

/// <summary>The parameters of one ledger insert.</summary>
public sealed record LedgerInsert(
    string TenantId,
    long ParticipantId,
    int Points,
    string Category,
    string Reason,
    string RuleId,
    string EntryKind,
    long? SourceInboxId,
    string? TicketId,
    long OccurredAtMs,
    long CreatedAtMs,
    int PendingPoints = 0,
    string? AwardKey = null);

using System.Data.Common;
using Dapper;
using HelpdeskGamify.Connector.Storage;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// The staging inbox of a SQLite node: a second file (<see cref="FileName"/>, beside the main database) that only
/// ingest writes, so that a webhook's durable commit never waits for SQLite's one writer of the main file, which
/// the scorer holds most of the time. The scorer moves staged rows into the main <c>inbox</c> table, keeping their
/// ids, in its own main-file transaction together with a "moved through id N" mark; ingest deletes moved rows in
/// its next commit. No transaction ever writes both files (WAL commits are not atomic across attached files):
/// each side attaches the other read-only. SQL Server has no staging file (<see cref="Enabled"/> is false) and
/// <see cref="InboxWriter"/> writes <c>inbox</c> directly (docs/architecture.md, "The staging inbox").
/// </summary>
/// <remarks>
/// Why nothing is lost or scored twice:
/// <list type="bullet">
/// <item>Ids: staging allocates them (<c>AUTOINCREMENT</c>), and every process seeds the staging sequence at start
/// above the main file's largest id, sequence and mark. On SQLite the main table only receives ids from moves, so
/// ids never collide, also after the staging file was lost or a node restarted.</item>
/// <item>Order: a staging id is allocated inside the staging write lock and committed before the next writer
/// starts, so once a reader sees id N committed, no id below N can still appear. The mark is therefore exact.</item>
/// <item>Moves: rows above the mark are inserted into main and the mark raised in one main transaction; a crash
/// before its commit leaves both unchanged, a crash after it leaves rows in staging at or below the mark, which
/// are never moved again and are deleted later.</item>
/// <item>Duplicates: ingest holds the staging write lock and reads main in a snapshot taken after it; a row leaves
/// staging only after its move committed, so a fact is always visible in one file or the other.</item>
/// </list>
/// </remarks>
public sealed class InboxStaging : IDisposable
{
    /// <summary>The staging file's name, in the main database's folder.</summary>
    public const string FileName = "inbox-staging.db";

    /// <summary>The main file, attached read-only to staging connections.</summary>
    public const string MainAlias = "hub";

    /// <summary>The staging file, attached read-only to the scorer's main-file connections.</summary>
    public const string StagedAlias = "staged";

    // Same columns as the main inbox; staged rows are always pending (status 0), so the state columns are not kept.
    private const string CreateSchemaSqlite = """
        PRAGMA main.journal_mode=WAL;
        CREATE TABLE IF NOT EXISTS inbox (
            id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
            tenant_id TEXT NOT NULL,
            source TEXT NOT NULL,
            delivery_id TEXT NOT NULL,
            natural_key TEXT NOT NULL,
            kind TEXT NOT NULL,
            occurred_at_ms INTEGER NOT NULL,
            received_at_ms INTEGER NOT NULL,
            event_json TEXT NOT NULL,
            raw_body BLOB NOT NULL,
            headers_json TEXT NOT NULL
        );
        CREATE UNIQUE INDEX IF NOT EXISTS ux_inbox_delivery ON inbox (tenant_id, source, delivery_id);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_inbox_natural_key ON inbox (tenant_id, natural_key);
        """;

    // Above every id either file has used or the mark has passed (sqlite_sequence exists once an AUTOINCREMENT table does).
    private const string SelectSeedSqlite = """
        SELECT MAX(
            COALESCE((SELECT seq FROM main.sqlite_sequence WHERE name = 'inbox'), 0),
            COALESCE((SELECT MAX(id) FROM main.inbox), 0),
            COALESCE((SELECT seq FROM hub.sqlite_sequence WHERE name = 'inbox'), 0),
            COALESCE((SELECT MAX(id) FROM hub.inbox), 0),
            COALESCE((SELECT moved_through_id FROM hub.inbox_staging_mark), 0))
        """;

    private const string UpdateSequenceSqlite = "UPDATE main.sqlite_sequence SET seq = @Seed WHERE name = 'inbox'";

    private const string InsertSequenceSqlite = "INSERT INTO main.sqlite_sequence (name, seq) VALUES ('inbox', @Seed)";

    private const string CountAttachedSqlite = "SELECT COUNT(*) FROM pragma_database_list WHERE name = @Alias";

    private const string AttachMainSqlite = "ATTACH DATABASE @Uri AS hub";

    private const string AttachStagedSqlite = "ATTACH DATABASE @Uri AS staged";

    /// <summary>Stages one fact unless the main file or staging already has its delivery id or natural key; returns the new id or nothing.</summary>
    internal const string InsertIfAbsentSqlite = """
        INSERT INTO inbox (tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json)
        SELECT @TenantId, @Source, @DeliveryId, @NaturalKey, @Kind, @OccurredAtMs, @ReceivedAtMs, @EventJson, @RawBody, @HeadersJson
        WHERE NOT EXISTS (SELECT 1 FROM hub.inbox WHERE tenant_id = @TenantId AND source = @Source AND delivery_id = @DeliveryId)
          AND NOT EXISTS (SELECT 1 FROM hub.inbox WHERE tenant_id = @TenantId AND natural_key = @NaturalKey)
        ON CONFLICT DO NOTHING
        RETURNING id
        """;

    /// <summary>Deletes staged rows the scorer has moved (in ingest's own commit, so it costs no extra fsync).</summary>
    internal const string DeleteMovedSqlite = "DELETE FROM inbox WHERE id <= (SELECT moved_through_id FROM hub.inbox_staging_mark)";

    private const string SelectWaitingSqlite = """
        SELECT (SELECT MIN(id) FROM staged.inbox) AS MinStaged, (SELECT MAX(id) FROM staged.inbox) AS MaxStaged,
               (SELECT moved_through_id FROM inbox_staging_mark) AS MovedThrough
        """;

    private const string SelectMarkSqlite = "SELECT moved_through_id FROM inbox_staging_mark";

    private const string MoveSqlite = """
        INSERT INTO inbox (id, tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json, status, attempts)
        SELECT id, tenant_id, source, delivery_id, natural_key, kind, occurred_at_ms, received_at_ms, event_json, raw_body, headers_json, 0, 0
        FROM staged.inbox WHERE id > @MovedThrough ORDER BY id LIMIT @Limit
        """;

    private const string RaiseMarkSqlite = """
        UPDATE inbox_staging_mark SET moved_through_id = COALESCE(
            (SELECT MAX(id) FROM (SELECT id FROM staged.inbox WHERE id > @MovedThrough ORDER BY id LIMIT @Limit)), moved_through_id)
        """;

    private const string SelectUnmovedMarkSqlite = "SELECT moved_through_id FROM hub.inbox_staging_mark";

    // The oldest fact not yet scored: pending in the main file, or staged and not yet moved.
    private const string SelectOldestWaitingSqlite = """
        SELECT MIN(i) FROM (
            SELECT (SELECT id FROM hub.inbox WHERE status = 0 ORDER BY id LIMIT 1) AS i
            UNION ALL
            SELECT (SELECT MIN(id) FROM inbox WHERE id > (SELECT moved_through_id FROM hub.inbox_staging_mark)))
        """;

    /// <summary>
    /// How many of this node's acknowledged facts may wait unscored before ingest holds its next commit (see
    /// <see cref="HoldWhileBehindAsync"/>): a scoring batch and a half, so that the next batch is mostly staged when
    /// one commits and a new fact waits for about two batches. Measured against one and two batches (docs/performance.md):
    /// at one the scorer waited for ingest's fsync after each batch (~7% fewer acknowledgements), at two the push tail
    /// grew by about a batch.
    /// </summary>
    public const int MaxBacklog = Scoring.ScoringWorker.BatchSize * 3 / 2;

    /// <summary>Ingest stops holding when the oldest waiting fact has not been scored for this long (a tenant whose scorer is gone).</summary>
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(1);

    /// <summary>The longest ingest holds one commit, well inside the 30 s a delivery may wait for its commit.</summary>
    public static readonly TimeSpan MaxHold = TimeSpan.FromSeconds(10);

    // A hold re-reads progress when this node's scorer commits, or after this long (the tenant's scorer may be on another node).
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromMilliseconds(5);

    private readonly Queue<long[]> _commits = new();
    private TaskCompletionSource _scored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _commitsGate = new();
    private readonly Database _database;
    private readonly string? _stagingConnection;
    private readonly string? _mainConnection;
    private readonly string? _mainReadOnlyUri;
    private readonly string? _stagingReadOnlyUri;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _created;

    /// <summary>Finds the staging file beside the main SQLite file; disabled on SQL Server and for in-memory databases.</summary>
    public InboxStaging(Database database)
    {
        _database = database;
        if (database.SqliteFile is not { } main)
        {
            return;
        }
        StagingFile = Path.Combine(Path.GetDirectoryName(main)!, FileName);
        // URIs, so that these connections may attach the other file with mode=ro; their own pools, so that no
        // other store's pooled connection carries an attachment it did not ask for.
        _stagingConnection = new SqliteConnectionStringBuilder { DataSource = Uri(StagingFile, readOnly: false), Pooling = true, DefaultTimeout = 30 }.ToString();
        _mainConnection = new SqliteConnectionStringBuilder { DataSource = Uri(main, readOnly: false), Pooling = true, DefaultTimeout = 30 }.ToString();
        _mainReadOnlyUri = Uri(main, readOnly: true);
        _stagingReadOnlyUri = Uri(StagingFile, readOnly: true);
    }

    /// <summary>Whether ingest stages (SQLite on a file); false on SQL Server.</summary>
    public bool Enabled => StagingFile is not null;

    /// <summary>The staging file's full path, or null when <see cref="Enabled"/> is false.</summary>
    public string? StagingFile { get; }

    /// <summary>The most rows one move carries into the main file.</summary>
    public const int MaxMove = 4096;

    /// <summary>
    /// Opens the staging file with the main file attached read-only as <see cref="MainAlias"/>, creating and seeding it
    /// on first use in this process (the main schema must be migrated).
    /// </summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = await _database.OpenSqliteAsync(_stagingConnection ?? throw new InvalidOperationException("This node has no staging inbox."), ct);
        try
        {
            await AttachAsync(connection, MainAlias, AttachMainSqlite, _mainReadOnlyUri!, ct);
            if (!_created)
            {
                await CreateAsync(connection, ct);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Opens the main file (for the scorer) with the staging file attached read-only as <see cref="StagedAlias"/> when
    /// it exists; see <see cref="AttachStagedAsync"/>.
    /// </summary>
    public async Task<DbConnection> OpenMainAsync(CancellationToken ct)
    {
        var connection = await _database.OpenSqliteAsync(_mainConnection ?? throw new InvalidOperationException("This node has no staging inbox."), ct);
        try
        {
            await AttachStagedAsync(connection, ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Attaches the staging file read-only to a connection from <see cref="OpenMainAsync"/> if it is not yet; false while
    /// no staging file exists (nothing was ever staged on this data directory).
    /// </summary>
    public async Task<bool> AttachStagedAsync(DbConnection connection, CancellationToken ct)
    {
        if (!File.Exists(StagingFile))
        {
            return false;
        }
        await AttachAsync(connection, StagedAlias, AttachStagedSqlite, _stagingReadOnlyUri!, ct);
        // The file appears when ingest first opens it, a moment before its table: until then there is nothing to move.
        if (!_stagedTableSeen)
        {
            _stagedTableSeen = await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountStagedTableSqlite, cancellationToken: ct)) > 0;
        }
        return _stagedTableSeen;
    }

    private const string CountStagedTableSqlite = "SELECT COUNT(*) FROM staged.sqlite_master WHERE type = 'table' AND name = 'inbox'";

    private volatile bool _stagedTableSeen;

    /// <summary>Notes that this node committed these staged ids (ascending; for <see cref="HoldWhileBehindAsync"/>).</summary>
    public void RecordCommit(long[] ids)
    {
        if (ids.Length == 0)
        {
            return;
        }
        lock (_commitsGate)
        {
            _commits.Enqueue(ids);
        }
    }

    /// <summary>Says that this node's scorer committed a batch: a held ingest commit looks again at once.</summary>
    public void RecordScored()
    {
        TaskCompletionSource scored;
        lock (_commitsGate)
        {
            (scored, _scored) = (_scored, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }
        scored.TrySetResult();
    }

    /// <summary>
    /// Back-pressure. Staged acknowledgements no longer wait for the scorer, so a steady stream above what scoring
    /// follows would grow the backlog, and with it the time to a point on screen, without bound. Before its next
    /// commit, ingest therefore waits while <see cref="MaxBacklog"/> or more facts this node committed are not yet
    /// scored, and commits as soon as a scoring batch brings it below, so acknowledgements keep step with scoring
    /// batch by batch. (A rule on the oldest fact's age held all-or-nothing: ingest ran free until the oldest
    /// fact was 100 ms old, then waited until every fact of that burst was scored, ~0.5 s; docs/performance.md.)
    /// It stops holding when the oldest waiting fact is not being scored (<see cref="StallAfter"/>) and after
    /// <see cref="MaxHold"/>. Facts committed before this process started or by another node are not counted here,
    /// so they never hold it.
    /// </summary>
    public async Task HoldWhileBehindAsync(DbConnection connection, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var progressAt = started;
        long? seen = null;
        while (System.Diagnostics.Stopwatch.GetElapsedTime(started) < MaxHold)
        {
            Task scored;
            lock (_commitsGate)
            {
                scored = _scored.Task;
            }
            var oldest = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectOldestWaitingSqlite, cancellationToken: ct));
            if (BacklogFrom(oldest) < MaxBacklog)
            {
                return;
            }
            if (oldest != seen)
            {
                (seen, progressAt) = (oldest, System.Diagnostics.Stopwatch.GetTimestamp());
            }
            else if (System.Diagnostics.Stopwatch.GetElapsedTime(progressAt) >= StallAfter)
            {
                return;
            }
            try
            {
                await scored.WaitAsync(RecheckAfter, ct);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    // How many facts this node committed at or above the oldest waiting one (0 when nothing waits).
    private int BacklogFrom(long? oldestWaiting)
    {
        lock (_commitsGate)
        {
            if (oldestWaiting is not { } id)
            {
                _commits.Clear();
                return 0;
            }
            while (_commits.TryPeek(out var c) && c[^1] < id)
            {
                _commits.Dequeue();
            }
            var backlog = 0;
            foreach (var ids in _commits)
            {
                var from = Array.BinarySearch(ids, id);
                backlog += ids.Length - (from < 0 ? ~from : from);
            }
            return backlog;
        }
    }

    /// <summary>Waits for this node's turn to write the staging file; dispose the result after the commit.</summary>
    public async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        return new WriteTurn(_writer);
    }

    /// <summary>
    /// Inside the caller's main-file write transaction on a connection with the staging file attached: moves up to
    /// <see cref="MaxMove"/> staged rows above the mark into <c>inbox</c>, keeping their ids, and raises the mark.
    /// Returns how many rows moved. A row that collides in main fails the transaction instead of being dropped.
    /// </summary>
    public static async Task<int> MoveAsync(DbConnection connection, DbTransaction tx, CancellationToken ct)
    {
        // The staging snapshot of this transaction was taken after the main write lock (BEGIN IMMEDIATE), so rows
        // staged later are all above what is read here.
        var movedThrough = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectMarkSqlite, transaction: tx, cancellationToken: ct));
        var moved = await connection.ExecuteAsync(new CommandDefinition(MoveSqlite, new { MovedThrough = movedThrough, Limit = MaxMove }, tx, cancellationToken: ct));
        if (moved > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(RaiseMarkSqlite, new { MovedThrough = movedThrough, Limit = MaxMove }, tx, cancellationToken: ct));
        }
        return moved;
    }

    /// <summary>What a connection from <see cref="OpenMainAsync"/> sees: staged rows waiting to move, moved rows not yet deleted.</summary>
    public static async Task<(bool Waiting, bool Leftover)> InspectAsync(DbConnection connection, CancellationToken ct)
    {
        var seen = await connection.QuerySingleAsync<(long? MinStaged, long? MaxStaged, long MovedThrough)>(new CommandDefinition(SelectWaitingSqlite, cancellationToken: ct));
        return (seen.MaxStaged > seen.MovedThrough, seen.MinStaged <= seen.MovedThrough);
    }

    private const string CountUnmovedSqlite = "SELECT COUNT(*) FROM inbox WHERE id > (SELECT moved_through_id FROM hub.inbox_staging_mark)";

    /// <summary>How many acknowledged facts wait in the staging file to be moved (0 when there is no staging file).</summary>
    public async Task<long> CountUnmovedAsync(CancellationToken ct = default)
    {
        if (!Enabled || !File.Exists(StagingFile))
        {
            return 0;
        }
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountUnmovedSqlite, cancellationToken: ct));
    }

    /// <summary>Deletes moved rows from the staging file (when ingest is idle; otherwise its own commits do it).</summary>
    public async Task DeleteMovedAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        using var turn = await EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(DeleteMovedSqlite, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on the staging file (nothing when there is none), for readers that only need to
    /// know whether a fact exists: read the staging file before the main one, and no fact can be missed, because a
    /// row leaves staging only after its move committed.
    /// </summary>
    public async Task<List<T>> ReadStagedAsync<T>(Func<DbConnection, Task<List<T>>> read, CancellationToken ct)
    {
        if (!Enabled || !File.Exists(StagingFile))
        {
            return [];
        }
        await using var connection = await OpenAsync(ct);
        return await read(connection);
    }

    /// <summary>
    /// Staged rows not yet moved, for readers that must see a fact right after its 200 (privacy, health). Reads the
    /// staging file first and the mark after, so a row moved meanwhile is left to the caller's read of the main file,
    /// which must come after this one (dedupe by id: a row may be in both).
    /// </summary>
    public async Task<IReadOnlyList<T>> UnmovedAsync<T>(Func<DbConnection, DbTransaction, Task<List<T>>> read, Func<T, long> id, CancellationToken ct)
    {
        if (!Enabled || !File.Exists(StagingFile))
        {
            return [];
        }
        await using var connection = await OpenAsync(ct);
        // Deferred: a read transaction whose staging snapshot starts with the first statement and the main one with the second.
        await using var tx = ((SqliteConnection)connection).BeginTransaction(deferred: true);
        var rows = await read(connection, tx);
        var movedThrough = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectUnmovedMarkSqlite, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return rows.Where(r => id(r) > movedThrough).ToList();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _writer.Dispose();
        _creating.Dispose();
    }

    private async Task CreateAsync(DbConnection connection, CancellationToken ct)
    {
        await _creating.WaitAsync(ct);
        try
        {
            if (_created)
            {
                return;
            }
            await connection.ExecuteAsync(new CommandDefinition(CreateSchemaSqlite, cancellationToken: ct));
            using (await EnterWriteAsync(ct))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                var seed = await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectSeedSqlite, transaction: tx, cancellationToken: ct));
                if (await connection.ExecuteAsync(new CommandDefinition(UpdateSequenceSqlite, new { Seed = seed }, tx, cancellationToken: ct)) == 0)
                {
                    await connection.ExecuteAsync(new CommandDefinition(InsertSequenceSqlite, new { Seed = seed }, tx, cancellationToken: ct));
                }
                await tx.CommitAsync(ct);
            }
            _created = true;
        }
        finally
        {
            _creating.Release();
        }
    }

    private static async Task AttachAsync(DbConnection connection, string alias, string attach, string uri, CancellationToken ct)
    {
        // Pooled connections keep their attachments.
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(CountAttachedSqlite, new { Alias = alias }, cancellationToken: ct)) > 0)
        {
            return;
        }
        await connection.ExecuteAsync(new CommandDefinition(attach, new { Uri = uri }, cancellationToken: ct));
    }

    // SQLite URI filename: '?', '#' and '%' must be escaped in the path.
    private static string Uri(string path, bool readOnly) =>
        "file:" + path.Replace("%", "%25", StringComparison.Ordinal).Replace("?", "%3f", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal)
        + (readOnly ? "?mode=ro" : "");
}

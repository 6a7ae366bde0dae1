using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Polly;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>Opens connections to the configured store and knows its dialect.</summary>
public sealed class Database : IDisposable
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);
    private int _waitingWriters;
    private readonly ResiliencePipeline _retry;
    private readonly string _sqlitePragmas;

    /// <summary>Creates the factory from <see cref="StorageOptions"/>.</summary>
    public Database(IOptions<StorageOptions> options)
        : this(options, TransientFaults.Pipeline(TransientFaults.IsTransient))
    {
    }

    /// <summary>Creates the factory with a given retry pipeline for SQL Server (a seam for tests).</summary>
    internal Database(IOptions<StorageOptions> options, ResiliencePipeline sqlServerRetry)
    {
        var o = options.Value;
        _sqlitePragmas = $"PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={o.BusyTimeoutMs};";
        Provider = o.Provider;
        Dialect = o.Provider == StorageProvider.SqlServer ? new SqlServerDialect() : new SqliteDialect();
        _connectionString = o.Provider switch
        {
            StorageProvider.SqlServer => o.ConnectionString
                ?? throw new InvalidOperationException("Storage:ConnectionString is required when Storage:Provider is SqlServer."),
            _ => SqliteConnectionString(o),
        };
        _retry = o.Provider == StorageProvider.SqlServer ? sqlServerRetry : ResiliencePipeline.Empty;
        SqliteFile = o.Provider == StorageProvider.Sqlite ? FileOf(_connectionString) : null;
    }

    /// <summary>The full path of the SQLite database file; null on SQL Server or for an in-memory SQLite database.</summary>
    public string? SqliteFile { get; }

    private static string? FileOf(string connectionString)
    {
        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return Path.GetFullPath(source);
    }

    /// <summary>
    /// Opens another SQLite file of this node (the staging inbox, or the main file under another pool) with the
    /// same per-connection settings as <see cref="OpenAsync"/>.
    /// </summary>
    internal async Task<SqliteConnection> OpenSqliteAsync(string connectionString, CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var pragma = connection.CreateCommand();
            // FULL makes every commit survive power loss, which is what the 2xx promises;
            // group commit keeps that affordable.
#pragma warning disable CA2100 // Built once from an integer option validated by range; no input reaches it.
            pragma.CommandText = _sqlitePragmas;
#pragma warning restore CA2100
            await pragma.ExecuteNonQueryAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The configured provider.</summary>
    public StorageProvider Provider { get; }

    /// <summary>The provider's SQL for the statements that differ.</summary>
    public ISqlDialect Dialect { get; }

    /// <summary>
    /// Runs an operation that is safe to repeat (a read, an upsert, an insert-if-absent), again after a
    /// transient SQL Server fault. The operation must open its own connection through <see cref="OpenAsync"/>.
    /// </summary>
    public ValueTask<T> RetryAsync<T>(Func<CancellationToken, ValueTask<T>> idempotent, CancellationToken ct = default) =>
        _retry.ExecuteAsync(idempotent, ct);

    /// <summary>Opens a connection (retrying transient connect failures on SQL Server), with the per-connection settings SQLite needs.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default) => await _retry.ExecuteAsync(OpenOnceAsync, ct);

    private async ValueTask<DbConnection> OpenOnceAsync(CancellationToken ct)
    {
        if (Provider == StorageProvider.Sqlite)
        {
            return await OpenSqliteAsync(_connectionString, ct);
        }
        var connection = new SqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Waits for this node's turn to write a transaction; dispose the result after the commit. SQLite has
    /// one writer per file: queueing the inbox writer and the scorer here, in order, is far cheaper than
    /// letting them collide and back off inside SQLite's busy handler, which sleeps in steps of up to
    /// 100 ms and so turned a busy moment into acknowledgements of hundreds of milliseconds.
    /// SQL Server locks rows, so there it returns at once.
    /// </summary>
    public async ValueTask<WriteTurn> EnterWriteAsync(CancellationToken ct = default)
    {
        if (Provider != StorageProvider.Sqlite)
        {
            return WriteTurn.None;
        }
        if (!_sqliteWriter.Wait(0, CancellationToken.None))
        {
            Interlocked.Increment(ref _waitingWriters);
            try
            {
                await _sqliteWriter.WaitAsync(ct);
            }
            finally
            {
                Interlocked.Decrement(ref _waitingWriters);
            }
        }
        return new WriteTurn(_sqliteWriter);
    }

    /// <summary>
    /// Whether another writer of this node is queued for the SQLite write turn right now (always false on
    /// SQL Server). A long writer (the scorer) checks it to commit early and let acknowledgements through.
    /// </summary>
    public bool WritersWaiting => Volatile.Read(ref _waitingWriters) > 0;

    /// <inheritdoc />
    public void Dispose() => _sqliteWriter.Dispose();

    private static string SqliteConnectionString(StorageOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.ConnectionString))
        {
            return o.ConnectionString;
        }
        Directory.CreateDirectory(o.DataDirectory);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(o.DataDirectory, "helpdeskgamify.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}

/// <summary>A turn to write, from <see cref="Database.EnterWriteAsync"/>; disposing it lets the next writer in.</summary>
public sealed class WriteTurn : IDisposable
{
    internal static readonly WriteTurn None = new(null);

    private SemaphoreSlim? _gate;

    internal WriteTurn(SemaphoreSlim? gate) => _gate = gate;

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
}

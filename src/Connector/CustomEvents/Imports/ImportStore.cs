using Dapper;
using HelpdeskGamify.Connector.Storage;

namespace HelpdeskGamify.Connector.CustomEvents.Imports;

/// <summary>Import jobs with their progress, and the rows they could not take.</summary>
public sealed class ImportStore(Database database, TimeProvider clock)
{
    /// <summary>The most error rows kept per job (all are counted).</summary>
    public const int MaxStoredErrors = 10_000;

    private const string InsertSqlite = """
        INSERT INTO import_jobs (tenant_id, status, total, processed, accepted, duplicates, errors, created_at_ms)
        VALUES (@TenantId, 'running', 0, 0, 0, 0, 0, @NowMs) RETURNING id
        """;
    private const string InsertSqlServer = """
        INSERT INTO import_jobs (tenant_id, status, total, processed, accepted, duplicates, errors, created_at_ms)
        OUTPUT inserted.id VALUES (@TenantId, 'running', 0, 0, 0, 0, 0, @NowMs);
        """;

    /// <summary>Starts a job; returns its id.</summary>
    public async Task<long> StartAsync(string tenantId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        return database.Provider == StorageProvider.SqlServer
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlServer, args, cancellationToken: ct))
            : await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertSqlite, args, cancellationToken: ct));
    }

    private const string Progress = """
        UPDATE import_jobs SET status = @Status, total = @Total, processed = @Processed, accepted = @Accepted, duplicates = @Duplicates,
            errors = @Errors, finished_at_ms = @FinishedAtMs
        WHERE tenant_id = @TenantId AND id = @Id
        """;
    private const string InsertError = """
        INSERT INTO import_errors (tenant_id, job_id, row_number, field, message)
        VALUES (@TenantId, @JobId, @Row, @Field, @Message)
        """;

    /// <summary>Records progress and the new error rows of one chunk.</summary>
    public async Task ReportAsync(ImportJob job, IReadOnlyList<ImportError> newErrors, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var turn = await database.EnterWriteAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var room = Math.Max(0, MaxStoredErrors - (job.Errors - newErrors.Count));
        foreach (var e in newErrors.Take((int)Math.Min(room, newErrors.Count)))
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertError, new { job.TenantId, JobId = job.Id, e.Row, e.Field, e.Message }, tx, cancellationToken: ct));
        }
        await connection.ExecuteAsync(new CommandDefinition(Progress, new
        {
            job.Status, job.Total, job.Processed, job.Accepted, job.Duplicates, job.Errors, job.FinishedAtMs, job.TenantId, job.Id,
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    private const string SelectJob = """
        SELECT id AS Id, tenant_id AS TenantId, status AS Status, total AS Total, processed AS Processed, accepted AS Accepted,
               duplicates AS Duplicates, errors AS Errors, created_at_ms AS CreatedAtMs, finished_at_ms AS FinishedAtMs
        FROM import_jobs WHERE tenant_id = @TenantId AND id = @Id
        """;

    /// <summary>A job, or null.</summary>
    public async Task<ImportJob?> FindAsync(string tenantId, long id, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ImportJob>(new CommandDefinition(SelectJob, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string SelectRecentSqlite = """
        SELECT id AS Id, tenant_id AS TenantId, status AS Status, total AS Total, processed AS Processed, accepted AS Accepted,
               duplicates AS Duplicates, errors AS Errors, created_at_ms AS CreatedAtMs, finished_at_ms AS FinishedAtMs
        FROM import_jobs WHERE tenant_id = @TenantId ORDER BY id DESC
        LIMIT @Limit
        """;
    private const string SelectRecentSqlServer = """
        SELECT TOP (@Limit) id AS Id, tenant_id AS TenantId, status AS Status, total AS Total, processed AS Processed, accepted AS Accepted,
               duplicates AS Duplicates, errors AS Errors, created_at_ms AS CreatedAtMs, finished_at_ms AS FinishedAtMs
        FROM import_jobs WHERE tenant_id = @TenantId ORDER BY id DESC;
        """;

    /// <summary>The tenant's most recent jobs, newest first (a running one included, so its progress can be watched).</summary>
    public async Task<IReadOnlyList<ImportJob>> RecentAsync(string tenantId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, Limit = limit };
        return (database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<ImportJob>(new CommandDefinition(SelectRecentSqlServer, args, cancellationToken: ct))
            : await connection.QueryAsync<ImportJob>(new CommandDefinition(SelectRecentSqlite, args, cancellationToken: ct))).AsList();
    }

    private const string SelectErrorsSqlite = """
        SELECT row_number AS "Row", field AS Field, message AS Message
        FROM import_errors WHERE tenant_id = @TenantId AND job_id = @JobId ORDER BY id
        LIMIT @Limit
        """;
    private const string SelectErrorsSqlServer = """
        SELECT TOP (@Limit) row_number AS "Row", field AS Field, message AS Message
        FROM import_errors WHERE tenant_id = @TenantId AND job_id = @JobId ORDER BY id;
        """;

    /// <summary>The first <paramref name="limit"/> error rows of a job.</summary>
    public async Task<IReadOnlyList<ImportError>> ErrorsAsync(string tenantId, long jobId, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var args = new { TenantId = tenantId, JobId = jobId, Limit = limit };
        return (database.Provider == StorageProvider.SqlServer
            ? await connection.QueryAsync<ImportError>(new CommandDefinition(SelectErrorsSqlServer, args, cancellationToken: ct))
            : await connection.QueryAsync<ImportError>(new CommandDefinition(SelectErrorsSqlite, args, cancellationToken: ct))).AsList();
    }
}

/// <summary>An import job and its counters.</summary>
public sealed record ImportJob
{
    /// <summary>The id.</summary>
    public long Id { get; init; }
    /// <summary>The tenant.</summary>
    public string TenantId { get; init; } = "";
    /// <summary>running, completed or failed.</summary>
    public string Status { get; set; } = "running";
    /// <summary>Data rows read so far (final once the job is no longer running).</summary>
    public long Total { get; set; }
    /// <summary>Rows handled (stored, duplicate or refused).</summary>
    public long Processed { get; set; }
    /// <summary>Rows stored as new facts.</summary>
    public long Accepted { get; set; }
    /// <summary>Rows already known.</summary>
    public long Duplicates { get; set; }
    /// <summary>Rows refused (see the error report).</summary>
    public long Errors { get; set; }
    /// <summary>When the job started.</summary>
    public long CreatedAtMs { get; init; }
    /// <summary>When it finished.</summary>
    public long? FinishedAtMs { get; set; }
}

/// <summary>One refused row: its 1-based line in the file, the column and why.</summary>
public sealed record ImportError(long Row, string Field, string Message);

using Microsoft.Data.SqlClient;
using Polly;
using Polly.Retry;

namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// Retries for SQL Server's transient faults (failovers, throttling, dropped connections, deadlock
/// victims), used on connects and on operations that are safe to repeat. SQLite needs none: a busy
/// file is waited out by <c>busy_timeout</c> inside the call.
/// </summary>
public static class TransientFaults
{
    // The error numbers Azure SQL and SQL Server document as "try again": timeouts, network drops,
    // database moving or starting during failover, resource throttling, deadlock victim.
    private static readonly HashSet<int> TransientNumbers =
    [
        -2, 20, 64, 233, 1205, 4060, 4221, 10053, 10054, 10060, 10928, 10929, 40143, 40197, 40501, 40540, 40613,
        42108, 42109, 49918, 49919, 49920,
    ];

    /// <summary>Whether a SQL Server error number means "the same call may succeed if made again".</summary>
    public static bool IsTransientNumber(int number) => TransientNumbers.Contains(number);

    /// <summary>Whether an exception from SqlClient is worth a retry.</summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => IsTransientNumber(e.Number)),
        TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// Whether an exception is the storage being unavailable for now (SQLite busy, locked, I/O error,
    /// disk full, cannot open; a transient SQL Server error) rather than anything about the data.
    /// </summary>
    public static bool IsStorageOutage(Exception exception) => exception switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 or 10 or 13 or 14,
        _ => IsTransient(exception),
    };

    /// <summary>
    /// A pipeline that retries what <paramref name="isTransient"/> accepts, with exponential back-off
    /// and jitter from <paramref name="firstDelay"/>, at most <paramref name="retries"/> times.
    /// </summary>
    public static ResiliencePipeline Pipeline(Func<Exception, bool> isTransient, int retries = 4, TimeSpan? firstDelay = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException && isTransient(ex)),
                MaxRetryAttempts = retries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = firstDelay ?? TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
            })
            .Build();
}

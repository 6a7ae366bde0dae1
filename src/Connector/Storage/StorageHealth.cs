namespace HelpdeskGamify.Connector.Storage;

/// <summary>
/// What the writers last saw of the database: the time of the last successful commit and, when
/// the latest attempt failed, why. The readiness probe reports it, so that an operator sees
/// "disk full" or "database locked" instead of a bare 503.
/// </summary>
public sealed class StorageHealth(TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _lastSuccess;
    private (DateTimeOffset At, string Reason)? _failure;

    /// <summary>Records a commit that reached the database.</summary>
    public void RecordSuccess()
    {
        lock (_gate)
        {
            _lastSuccess = clock.GetUtcNow();
            _failure = null;
        }
    }

    /// <summary>Records a commit that failed, with a reason safe to show (no data, no secrets).</summary>
    public void RecordFailure(Exception error)
    {
        lock (_gate)
        {
            _failure = (clock.GetUtcNow(), Describe(error));
        }
    }

    /// <summary>The current failure, or null when the latest write succeeded.</summary>
    public (DateTimeOffset At, string Reason)? Failure
    {
        get { lock (_gate) { return _failure; } }
    }

    /// <summary>When a commit last succeeded.</summary>
    public DateTimeOffset? LastSuccess
    {
        get { lock (_gate) { return _lastSuccess; } }
    }

    /// <summary>A short reason: the provider's own words for locks and full disks, the type otherwise.</summary>
    public static string Describe(Exception error)
    {
        var root = error;
        while (root.InnerException is not null && root is not System.Data.Common.DbException and not IOException)
        {
            root = root.InnerException;
        }
        var message = root.Message.Split('\n')[0];
        return root switch
        {
            Microsoft.Data.Sqlite.SqliteException s => $"SQLite error {s.SqliteErrorCode}: {message}",
            System.Data.Common.DbException or IOException => $"{root.GetType().Name}: {message}",
            _ => root.GetType().Name,
        };
    }
}

namespace HelpdeskGamify.Connector.WriteBack;

/// <summary>How the write-back worker runs (section <c>WriteBack</c>).</summary>
public sealed class WriteBackOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "WriteBack";

    /// <summary>Whether this node runs write-back jobs (jobs are still written when off; another node, or this one after a restart, runs them).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the worker looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times one job is started before it is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failed attempt; doubled per attempt, with jitter, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between attempts (a longer <c>Retry-After</c> is honoured still).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a node holds a job it started; a node that dies mid-job lets another retry it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(10);
}

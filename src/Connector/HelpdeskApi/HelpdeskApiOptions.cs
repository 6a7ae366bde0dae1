namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// What every helpdesk API client shares: where to call (normally derived from the tenant's
/// subdomain or domain), how long to wait, and how politely to retry when rate limited.
/// </summary>
public abstract class HelpdeskApiOptions
{
    /// <summary>
    /// A base URL used for every tenant instead of the one derived from its settings (tests point
    /// this at a loopback fake; a proxy in front of the helpdesk works too).
    /// </summary>
    public string? BaseUrlOverride { get; set; }

    /// <summary>How long one HTTP call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many times one call is tried in all (429, 5xx, timeouts and network errors are retried).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The first backoff when the helpdesk sends no <c>Retry-After</c>; doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single wait, whether from <c>Retry-After</c> or the backoff; a longer <c>Retry-After</c> fails the call.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(2);
}

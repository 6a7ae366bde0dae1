namespace HelpdeskGamify.Connector.Outbound;

/// <summary><c>OutboundWebhooks:*</c>: how award events are delivered to the tenants' subscriptions.</summary>
public sealed class OutboundWebhookOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "OutboundWebhooks";

    /// <summary>
    /// Whether subscriptions may point at loopback, private, link-local or other internal addresses.
    /// Off by default: a tenant admin must not be able to make this server call into its own network
    /// (server-side request forgery). Tests turn it on because their receiver listens on loopback.
    /// </summary>
    public bool AllowPrivateNetworkTargets { get; set; }

    /// <summary>Whether subscription URLs must use https (default true; tests use plain http on loopback).</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>How long one delivery attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait before the first retry; it doubles each attempt (with ±20 % jitter).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a delivery is retried before it is marked failed (at least 24 hours in production).</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>A subscription that has not had one success for this long is paused and the admin told.</summary>
    public TimeSpan PauseAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How often the dispatcher looks for new events and due retries.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long delivered (or given-up) deliveries, their attempts and their events are kept for the log.</summary>
    public TimeSpan LogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How many deliveries are sent at once.</summary>
    public int MaxConcurrency { get; set; } = 8;
}

namespace HelpdeskGamify.AgentHub.ScaleOut;

/// <summary><c>Redis:*</c>: set a connection string and this node runs as one of many.</summary>
public sealed class RedisOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=…</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Prefixes every channel, so that several deployments can share one Redis.</summary>
    public string ChannelPrefix { get; set; } = "helpdeskgamify";
}

using System.ComponentModel.DataAnnotations;

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary><c>Auth:*</c>: how agent, team-lead and widget tokens are signed.</summary>
public sealed class AuthOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>
    /// Base64 key (at least 32 bytes) for HS256 tokens. Every node must share it. In Development
    /// one is generated once and kept in the data directory.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>The issuer and audience written into tokens.</summary>
    [Required]
    public string Issuer { get; set; } = "helpdeskgamify";

    /// <summary>How long agent and team-lead tokens live.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How long a widget session token lives.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan WidgetSessionLifetime { get; set; } = TimeSpan.FromHours(2);
}

/// <summary><c>Admin:*</c>: the admin API key.</summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Admin";

    /// <summary>The admin key, sent as <c>Authorization: Bearer {key}</c>. Generated in Development when absent.</summary>
    public string? ApiKey { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// <c>Security:*</c>: per-tenant rate limits and request body limits. The defaults are generous on
/// purpose (far above what one helpdesk sends or the benchmarks drive); they exist to stop one
/// tenant's runaway automation or a scripted client from starving the others.
/// </summary>
public sealed class SecurityOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Security";

    /// <summary>Webhook deliveries one tenant may burst (token bucket size).</summary>
    [Range(1, int.MaxValue)]
    public int WebhookBurst { get; set; } = 50_000;

    /// <summary>Webhook deliveries per second one tenant may sustain.</summary>
    [Range(1, int.MaxValue)]
    public int WebhookPerSecond { get; set; } = 10_000;

    /// <summary>API requests one tenant (all its tokens together) may burst.</summary>
    [Range(1, int.MaxValue)]
    public int ApiBurst { get; set; } = 20_000;

    /// <summary>API requests per second one tenant may sustain.</summary>
    [Range(1, int.MaxValue)]
    public int ApiPerSecond { get; set; } = 5_000;

    /// <summary>The largest body of an API request (admin and tenant routes); webhooks have their own 1 MiB limit.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public long ApiMaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Where agents' avatars may load from on <c>/agent</c> and <c>/team</c> (CSP img-src sources, https only):
    /// the helpdesks' photo hosts and Gravatar by default. An avatar elsewhere is blocked and its initials shown.
    /// </summary>
    public string[] AvatarImageHosts { get; set; } =
        ["https://*.zendesk.com", "https://*.zdusercontent.com", "https://secure.gravatar.com", "https://*.freshdesk.com", "https://s3.amazonaws.com"];
}

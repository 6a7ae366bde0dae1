using HelpdeskGamify.Connector.HelpdeskApi;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>Freshdesk API settings (<c>Freshdesk:*</c>): base URL override, timeouts, retries, the CSAT poller.</summary>
public sealed class FreshdeskOptions : HelpdeskApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Freshdesk";

    /// <summary>Items per page (Freshdesk allows up to 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// Whether the satisfaction-rating poller runs (Freshdesk has no rating placeholder for webhooks).
    /// On by default; it only calls tenants that have a Freshdesk API key. Tests turn it off.
    /// </summary>
    public bool CsatPollEnabled { get; set; } = true;

    /// <summary>How often the poller asks each Freshdesk tenant for new ratings.</summary>
    public TimeSpan CsatPollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far back the first poll of a tenant looks.</summary>
    public TimeSpan CsatInitialLookback { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The base URL of a tenant: the override, or <c>https://{domain}</c> (<c>acme</c> means acme.freshdesk.com).</summary>
    public string BaseUrlFor(string domain)
    {
        if (BaseUrlOverride is not null)
        {
            return BaseUrlOverride.TrimEnd('/');
        }
        var host = domain.Trim().TrimEnd('/');
        host = host.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? host[8..] : host;
        return "https://" + (host.Contains('.', StringComparison.Ordinal) ? host : host + ".freshdesk.com");
    }
}

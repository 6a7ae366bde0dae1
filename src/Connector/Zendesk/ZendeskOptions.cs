using HelpdeskGamify.Connector.HelpdeskApi;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>Zendesk API settings (<c>Zendesk:*</c>): base URL override, timeouts, retries, page size.</summary>
public sealed class ZendeskOptions : HelpdeskApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Zendesk";

    /// <summary>Items per page on cursor-paginated lists (Zendesk allows up to 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>The base URL of a tenant: the override, or <c>https://{subdomain}.zendesk.com</c>.</summary>
    public string BaseUrlFor(string subdomain) =>
        BaseUrlOverride?.TrimEnd('/') ?? $"https://{subdomain}.zendesk.com";
}

using System.Net;
using HelpdeskGamify.Connector.Outbound;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>The body of <c>POST/PUT /subscriptions</c>: <c>{"url", "eventTypes": ["points.awarded"], "secret"}</c>.</summary>
public sealed record SubscriptionRequest(string? Url, IReadOnlyList<string>? EventTypes, string? Secret)
{
    /// <summary>Errors by field; empty when the request is usable.</summary>
    public Dictionary<string, string[]> Validate(OutboundWebhookOptions options, bool secretRequired)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || Url!.Length > 2000)
        {
            errors["url"] = ["An absolute http(s) URL of at most 2,000 characters."];
        }
        else if (options.RequireHttps && uri.Scheme != "https")
        {
            errors["url"] = ["Must use https."];
        }
        else if (!options.AllowPrivateNetworkTargets && (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var ip) && PrivateNetworkGuard.IsPrivate(ip))))
        {
            errors["url"] = ["Must be a public address; private, loopback and link-local targets are refused."];
        }
        if (EventTypes is not { Count: > 0 } || EventTypes.Any(t => t != "*" && !OutboundEventTypes.All.Contains(t)))
        {
            errors["eventTypes"] = [$"One or more of: {string.Join(", ", OutboundEventTypes.All.Order(StringComparer.Ordinal))}, or \"*\" for all."];
        }
        if (Secret is null ? secretRequired : Secret.Length is < 16 or > 200)
        {
            errors["secret"] = ["A secret of 16 to 200 characters (omit it on creation to have one generated)."];
        }
        return errors;
    }
}

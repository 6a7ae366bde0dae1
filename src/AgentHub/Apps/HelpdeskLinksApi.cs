using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Apps;

/// <summary><c>GET /links</c>: where a ticket opens in the tenant's helpdesk, so "why did I get these points" can link to it.</summary>
public static class HelpdeskLinksApi
{
    /// <summary>Maps the route into the tenant group.</summary>
    public static RouteGroupBuilder MapHelpdeskLinksApi(this RouteGroupBuilder group)
    {
        group.MapGet("/links", LinksAsync).WithTags("Agents").WithSummary("The ticket URL template ({ticket} is replaced by the id).");
        return group;
    }

    private static async Task<Ok<HelpdeskLinks>> LinksAsync(string tenant, TenantDirectory tenants, CancellationToken ct)
    {
        var t = await tenants.FindAsync(tenant, ct);
        return TypedResults.Ok(new HelpdeskLinks(TicketUrl(t)));
    }

    /// <summary>The ticket URL template of a tenant, or null when its helpdesk address is unknown.</summary>
    public static string? TicketUrl(Tenant? tenant) => tenant?.Platform switch
    {
        "zendesk" when IsHostLabel(tenant.Settings.Zendesk?.Subdomain) => $"https://{tenant.Settings.Zendesk!.Subdomain}.zendesk.com/agent/tickets/{{ticket}}",
        "freshdesk" when IsHost(tenant.Settings.Freshdesk?.Domain) => $"https://{tenant.Settings.Freshdesk!.Domain}/a/tickets/{{ticket}}",
        _ => null,
    };

    private static bool IsHostLabel(string? s) => !string.IsNullOrEmpty(s) && s.Length <= 63 && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsHost(string? s) => !string.IsNullOrEmpty(s) && s.Length <= 253 && s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}

/// <summary>Links into the helpdesk.</summary>
public sealed record HelpdeskLinks(string? TicketUrl);

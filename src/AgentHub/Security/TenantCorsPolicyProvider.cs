using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Cors.Infrastructure;

namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// CORS for the widget only: a tenant's widget routes answer cross-origin requests from the
/// origins that tenant configured (<c>widgetOrigins</c>) and from nowhere else. Every other route
/// gets no CORS headers at all, so browsers keep them same-origin.
/// </summary>
public sealed class TenantCorsPolicyProvider(TenantDirectory tenants, WidgetOriginIndex allOrigins) : ICorsPolicyProvider
{
    /// <inheritdoc />
    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return null;
        }
        if (WidgetRoutes.IsHub(context.Request.Path))
        {
            // The hub URL names no tenant and a preflight carries no token, so the origin must be one
            // some tenant configured; the token then decides which tenant's groups the connection joins.
            return await allOrigins.ContainsAsync(origin, context.RequestAborted) ? PolicyFor([origin]) : null;
        }
        if (WidgetRoutes.TenantOf(context.Request.Path) is not { } tenantId)
        {
            return null;
        }
        var tenant = await tenants.FindAsync(tenantId, context.RequestAborted);
        return tenant is { WidgetOrigins.Count: > 0 } ? PolicyFor(tenant.WidgetOrigins) : null;
    }

    private static CorsPolicy PolicyFor(IEnumerable<string> origins)
    {
        var builder = new CorsPolicyBuilder()
            .WithOrigins([.. origins])
            .WithMethods("GET", "POST")
            .WithHeaders("Authorization", "Content-Type", "X-Requested-With", "X-SignalR-User-Agent")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        // The SignalR client sends credentials on negotiate; tokens travel in headers, never cookies.
        return builder.AllowCredentials().Build();
    }
}

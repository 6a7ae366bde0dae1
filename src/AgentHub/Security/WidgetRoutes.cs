namespace HelpdeskGamify.AgentHub.Security;

/// <summary>The routes a customer's browser calls from the company's site, and so the only ones with CORS.</summary>
public static class WidgetRoutes
{
    /// <summary>Segments after <c>/api/tenants/{tenant}/</c> that the widget calls.</summary>
    public static readonly IReadOnlyList<string> TenantSegments = ["widget", "customers", "rewards", "leaderboards"];

    /// <summary>Whether the path is the hub (negotiate and transports).</summary>
    public static bool IsHub(PathString path) => path.StartsWithSegments("/hubs/game", StringComparison.Ordinal);

    /// <summary>The tenant of a widget route, or null for any other path.</summary>
    public static string? TenantOf(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", "tenants", var tenant, var area, ..] && TenantSegments.Contains(area, StringComparer.Ordinal)
            ? tenant
            : null;
    }
}

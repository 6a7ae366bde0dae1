namespace HelpdeskGamify.AgentHub.Security;

/// <summary>
/// Which limit a request counts against, read from its path so that it works before routing and
/// for routes other helpers add later: webhooks and the tenant API by tenant, the admin API as one.
/// </summary>
public readonly record struct RequestPartition(string Kind, string Key)
{
    /// <summary>Webhook deliveries, by tenant.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>The tenant API, by tenant.</summary>
    public const string TenantApi = "api";

    /// <summary>The admin API.</summary>
    public const string AdminApi = "admin";

    /// <summary>The partition of a path, or null for pages, assets, health and the hub.</summary>
    public static RequestPartition? Of(PathString path)
    {
        var segments = (path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["webhooks", _, var tenant, ..] => new RequestPartition(Webhooks, tenant),
            ["api", "tenants", var tenant, ..] => new RequestPartition(TenantApi, tenant),
            ["api", "admin", ..] => new RequestPartition(AdminApi, "admin"),
            _ => null,
        };
    }
}

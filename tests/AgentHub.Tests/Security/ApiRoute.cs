namespace HelpdeskGamify.AgentHub.Tests.Security;

/// <summary>Who may call a route.</summary>
public enum Access
{
    /// <summary>The admin key only.</summary>
    Admin,
    /// <summary>Anyone with a token of the tenant.</summary>
    Member,
    /// <summary>The agent named in the route, team leads and the admin.</summary>
    AgentSelf,
    /// <summary>The customer named in the route, team leads and the admin.</summary>
    CustomerSelf,
    /// <summary>Team leads of the tenant and the admin.</summary>
    Lead,
    /// <summary>The tenant's admins (admin-role tokens) and the admin key.</summary>
    TenantAdmin,
    /// <summary>The customer named in the route and the admin, never a team lead or agent: spending points.</summary>
    CustomerSpend,
    /// <summary>Anyone, with or without a token: what a widget shows visitors who are not identified.</summary>
    Public,
}

/// <summary>
/// One API route for the isolation matrix. <c>{tenant}</c>, <c>{agent}</c> and <c>{customer}</c> are
/// filled per caller. New routes plug in with one line in <see cref="All"/>.
/// </summary>
public sealed record ApiRoute(string Method, string Template, Access Access, Func<object>? Body = null)
{
    /// <summary>The agent and customer the seeded data has.</summary>
    public const string Agent = "9001";

    /// <summary>The seeded customer.</summary>
    public const string Customer = "7001";

    /// <summary>The seeded reward: one point, no stock or per-customer limit, so every allowed caller can redeem it.</summary>
    public const string Reward = "sticker";

    /// <summary>Every API route the host serves today.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/api/admin/tenants/{tenant}", Access.Admin),
        new("PUT", "/api/admin/tenants/{tenant}", Access.Admin, () => new { name = "Renamed", platform = "zendesk" }),
        new("POST", "/api/admin/tenants/{tenant}/tokens", Access.Admin, () => new { role = "agent", subject = "9001" }),
        new("GET", "/api/admin/tenants/{tenant}/dead-letters", Access.Admin),
        new("GET", "/api/admin/tenants/{tenant}/dead-letters/1", Access.Admin),
        new("GET", "/api/admin/tenants/{tenant}/customers/{customer}/export", Access.Admin),
        new("GET", "/api/admin/tenants/{tenant}/write-backs", Access.Admin),
        new("GET", "/api/tenants/{tenant}/leaderboards/agents?period=all", Access.Member),
        new("GET", "/api/tenants/{tenant}/leaderboards/customers?period=all", Access.Member),
        new("GET", "/api/tenants/{tenant}/leaderboards/teams?period=all", Access.Member),
        new("GET", "/api/tenants/{tenant}/agents/{agent}", Access.AgentSelf),
        new("GET", "/api/tenants/{tenant}/agents/{agent}/ledger", Access.AgentSelf),
        new("GET", "/api/tenants/{tenant}/customers/{customer}", Access.CustomerSelf),
        new("GET", "/api/tenants/{tenant}/customers/{customer}/ledger", Access.CustomerSelf),
        new("GET", "/api/tenants/{tenant}/kpis", Access.Lead),
        new("GET", "/api/tenants/{tenant}/review/queue", Access.Lead),
        new("GET", "/api/tenants/{tenant}/review/decisions", Access.Lead),
        new("GET", "/api/tenants/{tenant}/stats/agents", Access.Lead),
        new("GET", "/api/tenants/{tenant}/stats/agents.csv", Access.Lead),
        new("GET", "/api/tenants/{tenant}/agents/{agent}/notes", Access.Lead),
        new("GET", "/api/admin/tenants/{tenant}/rules", Access.Admin),
        new("GET", "/api/tenants/{tenant}/rules", Access.Lead),
        new("POST", "/api/tenants/{tenant}/rules/validate", Access.Lead, DefaultRules),
        new("POST", "/api/tenants/{tenant}/rules/backtest", Access.Lead, DefaultRules),
        new("PUT", "/api/tenants/{tenant}/rules", Access.TenantAdmin, DefaultRules),
        new("GET", "/api/tenants/{tenant}/review/flags?status=open", Access.Lead),
        new("GET", "/api/tenants/{tenant}/rewards", Access.Member),
        new("POST", "/api/tenants/{tenant}/customers/{customer}/redemptions", Access.CustomerSpend, () => new { rewardId = Reward }),
        new("GET", "/api/tenants/{tenant}/widget/programme", Access.Public),
        new("GET", "/api/admin/tenants/{tenant}/rewards", Access.Admin),
        new("PUT", "/api/admin/tenants/{tenant}/rewards/mug", Access.Admin, () => new { name = "Mug", kind = "exclusive_offer", cost = 50, stock = 3 }),
        new("DELETE", "/api/admin/tenants/{tenant}/rewards/mug", Access.Admin),
    ];

    // The default rule set as a JSON body: valid, so a caller who may use the route gets a 2xx.
    private static object DefaultRules() => System.Text.Json.Nodes.JsonNode.Parse(
        HelpdeskGamify.Connector.Scoring.Rules.RuleJson.Serialize(HelpdeskGamify.Connector.Scoring.Rules.DefaultRules.Set))!;

    /// <summary>The path for a tenant.</summary>
    public string Path(string tenant) => Template.Replace("{tenant}", tenant, StringComparison.Ordinal)
        .Replace("{agent}", Agent, StringComparison.Ordinal).Replace("{customer}", Customer, StringComparison.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Template}";
}

namespace HelpdeskGamify.AgentHub.Auth;

/// <summary>Who a token speaks for.</summary>
public static class Roles
{
    /// <summary>A support agent: sees their own details and the boards.</summary>
    public const string Agent = "agent";

    /// <summary>A team lead: sees everything of their tenant.</summary>
    public const string TeamLead = "teamlead";

    /// <summary>A customer in the widget: sees only themselves and the public boards.</summary>
    public const string Customer = "customer";

    /// <summary>
    /// The admin key (every tenant, no tenant claim) or a tenant's admin-role token (that tenant only: a team
    /// lead who may also change its rules). <see cref="ClaimsPrincipalExtensions.IsAdminKey"/> tells them apart.
    /// </summary>
    public const string Admin = "admin";

    /// <summary>A tenant API key (<c>hgk_…</c>): posts custom events for its tenant, reads nothing.</summary>
    public const string Integration = "integration";
}

/// <summary>The claims our tokens carry.</summary>
public static class GameClaims
{
    /// <summary>The tenant slug.</summary>
    public const string Tenant = "tenant";

    /// <summary>The role (one of <see cref="Roles"/>).</summary>
    public const string Role = "role";

    /// <summary>The helpdesk user id the token speaks for.</summary>
    public const string Subject = "sub";
}

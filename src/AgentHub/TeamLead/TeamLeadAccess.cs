using HelpdeskGamify.AgentHub.Auth;

namespace HelpdeskGamify.AgentHub.TeamLead;

/// <summary>
/// The team-lead policy: team-lead tokens and the admin key only. An agent's token is
/// authenticated, so it gets 403 (not 401) on every team-lead route, and the page says so.
/// </summary>
public static class TeamLeadAccess
{
    /// <summary>The policy name.</summary>
    public const string Policy = "teamlead";

    /// <summary>Adds the policy.</summary>
    public static IServiceCollection AddTeamLeadPolicy(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.RequireClaim(GameClaims.Role, Roles.TeamLead, Roles.Admin));
        return services;
    }
}

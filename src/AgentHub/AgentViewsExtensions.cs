using System.Security.Claims;
using HelpdeskGamify.AgentHub.Apps;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Boards;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.AgentHub.Kpis;
using HelpdeskGamify.AgentHub.Review;
using HelpdeskGamify.AgentHub.TeamLead;
using HelpdeskGamify.AgentHub.TeamLead.Notes;
using HelpdeskGamify.AgentHub.TeamLead.Rules;
using HelpdeskGamify.AgentHub.TeamLead.Stats;

namespace HelpdeskGamify.AgentHub;

/// <summary>The agent view, the team-lead view and the helpdesk apps: their services and routes.</summary>
public static class AgentViewsExtensions
{
    /// <summary>Adds the stores and services behind the views, and the team-lead policy.</summary>
    public static IServiceCollection AddAgentViews(this IServiceCollection services)
    {
        services.AddTeamLeadPolicy();
        services.AddSingleton<HubMembership>();
        services.AddSingleton<CatchUpReader>();
        services.AddSingleton<AgentBoardViews>();
        services.AddSingleton<AgentAvatars>();
        services.AddSingleton<HelpdeskAppTokenVerifier>();
        services.AddSingleton<LedgerAdjuster>();
        services.AddSingleton<ReviewStore>();
        services.AddSingleton<FlagReviewStore>();
        services.AddSingleton<FlagReview>();
        services.AddSingleton<AgentStatsStore>();
        services.AddSingleton<CoachingNoteStore>();
        services.AddSingleton<KpiStore>();
        services.AddSingleton<KpiDashboard>();
        return services;
    }

    /// <summary>Maps the views' routes into the <c>/api/tenants/{tenant}</c> group; team-lead routes in a sub-group behind the policy.</summary>
    public static RouteGroupBuilder MapAgentViewsApi(this RouteGroupBuilder tenantGroup)
    {
        tenantGroup.MapBoardViewsApi();
        tenantGroup.MapHelpdeskLinksApi();
        var leads = tenantGroup.MapGroup("").RequireAuthorization(TeamLeadAccess.Policy);
        leads.MapGet("/team/me", (ClaimsPrincipal user) => TypedResults.Ok(new { role = user.Role(), subject = user.Subject() }))
            .WithTags("Team lead").WithSummary("200 for a team lead; the team page asks this first.");
        leads.MapStatsApi();
        leads.MapNotesApi();
        leads.MapReviewApi();
        leads.MapAdjustmentApi();
        leads.MapKpiApi();
        leads.MapTenantRulesApi();
        return tenantGroup;
    }
}

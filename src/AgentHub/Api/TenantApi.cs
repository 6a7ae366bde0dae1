using HelpdeskGamify.AgentHub.Auth;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>The <c>/api/tenants/{tenant}</c> group: authenticated, and only for tokens of that tenant.</summary>
public static class TenantApi
{
    /// <summary>Maps every tenant-scoped read and act route.</summary>
    public static RouteGroupBuilder MapTenantApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tenants/{tenant}")
            .RequireAuthorization(Policies.TenantMember)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapLeaderboardApi();
        group.MapParticipantApi();
        group.MapAgentViewsApi();
        group.MapRewardsApi();
        group.MapAgentActionsApi();
        return group;
    }
}

using System.Security.Claims;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.AgentHub.Hubs;
using HelpdeskGamify.Connector.Leaderboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Boards;

/// <summary><c>/leaderboards/agents/around-me</c> and <c>/leaderboards/agents/my-team</c> for the agent view.</summary>
public static class BoardViewsApi
{
    /// <summary>Maps the routes into the tenant group.</summary>
    public static RouteGroupBuilder MapBoardViewsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/leaderboards/agents/around-me", AroundAsync).WithTags("Leaderboards").WithSummary("The caller and the agents just above and below.");
        group.MapGet("/leaderboards/agents/my-team", TeamAsync).WithTags("Leaderboards").WithSummary("The caller's team ranked among itself (team leads may pass ?team=).");
        group.MapGet("/avatars/agents", AvatarsAsync).WithTags("Leaderboards").WithSummary("Agent id → avatar URL (https only) for the boards; staff only.");
        return group;
    }

    private static async Task<Results<Ok<AvatarList>, ProblemHttpResult>> AvatarsAsync(string tenant, ClaimsPrincipal user, AgentAvatars avatars, CancellationToken ct)
    {
        if (user.Role() is not (Roles.Agent or Roles.TeamLead or Roles.Admin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Avatars are for staff.");
        }
        return TypedResults.Ok(new AvatarList(await avatars.ForAsync(tenant, user.Subject(), ct)));
    }

    private static async Task<Results<Ok<LeaderboardPage>, ValidationProblem, ProblemHttpResult>> AroundAsync(
        string tenant, string? period, int? radius, ClaimsPrincipal user, AgentBoardViews views, CancellationToken ct)
    {
        period ??= "week";
        if (!LeaderboardPeriods.IsValid(period))
        {
            return Problems.BadQuery("period", "Must be day, week, month, season or all.");
        }
        if (user.Role() is not (Roles.Agent or Roles.TeamLead) || user.Subject() is not { } me)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only agents have a place on the agents board.");
        }
        return TypedResults.Ok(await views.AroundAsync(tenant, period, me, Math.Clamp(radius ?? 2, 0, 10), ct));
    }

    private static async Task<Results<Ok<LeaderboardPage>, ValidationProblem, ProblemHttpResult>> TeamAsync(
        string tenant, string? period, string? team, ClaimsPrincipal user, AgentBoardViews views, HubMembership membership, CancellationToken ct)
    {
        period ??= "week";
        if (!LeaderboardPeriods.IsValid(period))
        {
            return Problems.BadQuery("period", "Must be day, week, month, season or all.");
        }
        var role = user.Role();
        if (role is not (Roles.Agent or Roles.TeamLead or Roles.Admin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Team boards are for staff.");
        }
        var me = user.Subject();
        // Agents see their own team only; team leads and the admin may look at any team.
        var chosen = role == Roles.Agent || string.IsNullOrWhiteSpace(team)
            ? me is null ? null : await membership.TeamOfAsync(user, tenant, me, ct)
            : team;
        if (chosen is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No team known yet.", detail: "Your team is learned from the helpdesk's group on your tickets.");
        }
        return TypedResults.Ok(await views.TeamAsync(tenant, chosen, period, me, ct));
    }
}

/// <summary>The agents' avatars by agent id.</summary>
public sealed record AvatarList(IReadOnlyDictionary<string, string> Avatars);

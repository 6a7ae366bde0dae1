using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Leaderboards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary><c>GET leaderboards/{board}</c>: top-N and the caller's own entry.</summary>
public static class LeaderboardApi
{
    /// <summary>Maps the leaderboard route into the tenant group.</summary>
    public static RouteGroupBuilder MapLeaderboardApi(this RouteGroupBuilder group)
    {
        group.MapGet("/leaderboards/{board}", GetAsync).WithTags("Leaderboards").WithSummary("A board for a period, best first.");
        return group;
    }

    private static async Task<Results<Ok<LeaderboardPage>, ValidationProblem>> GetAsync(
        string tenant, string board, string? period, int? limit, int? around, string? team, HttpContext http, LeaderboardReader reader, CancellationToken ct)
    {
        period ??= "week";
        if (!LeaderboardReader.Boards.Contains(board))
        {
            return Problems.BadQuery("board", "Must be agents, customers or teams.");
        }
        if (!LeaderboardPeriods.IsValid(period))
        {
            return Problems.BadQuery("period", "Must be day, week, month, season or all.");
        }
        if (limit is < 1 or > 100)
        {
            return Problems.BadQuery("limit", "Must be between 1 and 100.");
        }
        if (around is < 0 or > 10)
        {
            return Problems.BadQuery("around", "Must be between 0 and 10.");
        }
        if (team is not null && (board != "agents" || team.Length is 0 or > 200))
        {
            return Problems.BadQuery("team", "Only the agents board has per-team pages; give a team name of at most 200 characters.");
        }
        var me = MemberKeyFor(http.User, board);
        var key = team is null ? board : LeaderboardReader.TeamAgentsBoard(team);
        var page = await reader.ReadAsync(tenant, key, period, limit ?? 10, me, around ?? 2, ct);
        return TypedResults.Ok(team is null ? page : page with { Team = team });
    }

    private static string? MemberKeyFor(System.Security.Claims.ClaimsPrincipal user, string board) => (user.Role(), board) switch
    {
        (Roles.Agent or Roles.TeamLead, "agents") => user.Subject(),
        (Roles.Customer, "customers") => user.Subject(),
        _ => null,
    };
}

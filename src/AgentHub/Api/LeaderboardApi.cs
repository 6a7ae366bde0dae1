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
        string tenant, string board, string? period, int? limit, HttpContext http, LeaderboardReader reader, CancellationToken ct)
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
        var me = MemberKeyFor(http.User, board);
        return TypedResults.Ok(await reader.ReadAsync(tenant, board, period, limit ?? 10, me, ct));
    }

    private static string? MemberKeyFor(System.Security.Claims.ClaimsPrincipal user, string board) => (user.Role(), board) switch
    {
        (Roles.Agent or Roles.TeamLead, "agents") => user.Subject(),
        (Roles.Customer, "customers") => user.Subject(),
        _ => null,
    };
}

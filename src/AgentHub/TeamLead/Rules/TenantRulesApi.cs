using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Scoring.Backtest;
using HelpdeskGamify.Connector.Scoring.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.TeamLead.Rules;

/// <summary>
/// The rules editor of <c>/team</c>, on the tenant's own routes: team leads read, validate and back-test a
/// candidate rule set; only the tenant's admins (admin-role tokens, or the admin key) save it. Saving
/// changes every agent's future points, so it stays with whoever administers the game, while a lead can
/// still try a change and show its preview to them.
/// </summary>
public static class TenantRulesApi
{
    /// <summary>Maps the routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapTenantRulesApi(this RouteGroupBuilder leads)
    {
        var rules = leads.MapGroup("/rules").WithTags("Rules");
        rules.MapGet("", GetAsync).WithSummary("The tenant's rule set (the defaults until it saves its own).");
        rules.MapPost("/validate", ValidateAsync).WithSummary("Checks a candidate rule set; errors name the rule and field.");
        rules.MapPost("/backtest", BacktestAsync).WithSummary("Replays stored events under a candidate rule set; writes nothing.");
        rules.MapPut("", PutAsync).WithSummary("Replaces the rule set: the tenant's admins only.");
        return leads;
    }

    private static async Task<ContentHttpResult> GetAsync(string tenant, RuleBook rules, CancellationToken ct) =>
        TypedResults.Text(RuleJson.Serialize(await rules.ForAsync(tenant, ct)), "application/json");

    private static async Task<Results<Ok<RulesValidation>, ValidationProblem>> ValidateAsync(HttpRequest request, CancellationToken ct)
    {
        var (set, errors) = await RulesAdminApi.ReadAsync(request, ct);
        return set is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(new RulesValidation(true, set.Rules.Count, set.Badges.Count, set.Quests.Count));
    }

    private static async Task<Results<Ok<BacktestReport>, ValidationProblem>> BacktestAsync(
        string tenant, int? limit, HttpRequest request, Backtester backtester, CancellationToken ct)
    {
        var (set, errors) = await RulesAdminApi.ReadAsync(request, ct);
        return set is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await backtester.RunAsync(tenant, set, Math.Clamp(limit ?? 10, 1, 100), ct));
    }

    private static async Task<Results<ContentHttpResult, ValidationProblem, ProblemHttpResult>> PutAsync(
        string tenant, HttpContext http, RuleBook rules, CancellationToken ct)
    {
        if (http.User.Role() != Roles.Admin)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the tenant's admins save rules; team leads validate and back-test them.");
        }
        var (set, errors) = await RulesAdminApi.ReadAsync(http.Request, ct);
        if (set is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Text(RuleJson.Serialize(await rules.ReplaceAsync(tenant, set, ct)), "application/json");
    }
}

/// <summary>The answer of <c>POST /rules/validate</c> for a valid set.</summary>
public sealed record RulesValidation(bool Valid, int Rules, int Badges, int Quests);

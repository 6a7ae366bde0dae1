using System.Text.Json;
using HelpdeskGamify.Connector.Scoring.Backtest;
using HelpdeskGamify.Connector.Scoring.Rewards;
using HelpdeskGamify.Connector.Scoring.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>Admin routes of the game: a tenant's rule set, its back-test, and the reward catalog.</summary>
public static class RulesAdminApi
{
    /// <summary>Maps the routes into the admin group.</summary>
    public static RouteGroupBuilder MapRulesAdminApi(this RouteGroupBuilder group)
    {
        group.MapGet("/tenants/{tenant}/rules", GetRulesAsync).WithSummary("The tenant's rule set (the defaults until it saves its own).");
        group.MapPut("/tenants/{tenant}/rules", PutRulesAsync).WithSummary("Replaces the rule set; errors name the rule and field.");
        group.MapPost("/tenants/{tenant}/rules/backtest", BacktestAsync).WithSummary("Replays stored events under a candidate rule set; writes nothing.");
        group.MapGet("/tenants/{tenant}/rewards", ListRewardsAsync).WithSummary("The catalog including inactive rewards.");
        group.MapPut("/tenants/{tenant}/rewards/{rewardId}", PutRewardAsync).WithSummary("Creates or replaces a reward.");
        group.MapDelete("/tenants/{tenant}/rewards/{rewardId}", DeleteRewardAsync).WithSummary("Takes a reward off the catalog.");
        return group;
    }

    private static async Task<ContentHttpResult> GetRulesAsync(string tenant, RuleBook rules, CancellationToken ct) =>
        TypedResults.Text(RuleJson.Serialize(await rules.ForAsync(tenant, ct)), "application/json");

    private static async Task<Results<ContentHttpResult, ValidationProblem>> PutRulesAsync(string tenant, HttpRequest request, RuleBook rules, CancellationToken ct)
    {
        var (set, errors) = await ReadAsync(request, ct);
        if (set is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var saved = await rules.ReplaceAsync(tenant, set, ct);
        return TypedResults.Text(RuleJson.Serialize(saved), "application/json");
    }

    private static async Task<Results<Ok<BacktestReport>, ValidationProblem>> BacktestAsync(
        string tenant, int? limit, HttpRequest request, Backtester backtester, CancellationToken ct)
    {
        var (set, errors) = await ReadAsync(request, ct);
        return set is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await backtester.RunAsync(tenant, set, Math.Clamp(limit ?? 10, 1, 100), ct));
    }

    /// <summary>Reads a candidate rule set from the body: the set, or the errors naming rule and field.</summary>
    internal static async Task<(RuleSet?, Dictionary<string, string[]>)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        RuleSet set;
        try
        {
            set = RuleJson.Deserialize(text);
        }
        catch (JsonException ex)
        {
            return (null, new Dictionary<string, string[]> { [ex.Path ?? "$"] = [ex.Message] });
        }
        var errors = RuleSetValidator.Validate(set);
        return errors.Count == 0 ? (set, errors) : (null, errors);
    }

    private static async Task<Ok<RewardList>> ListRewardsAsync(string tenant, RewardStore rewards, CancellationToken ct) =>
        TypedResults.Ok(new RewardList(await rewards.ListAsync(tenant, includeInactive: true, ct)));

    private static async Task<Results<Ok<Reward>, ValidationProblem>> PutRewardAsync(string tenant, string rewardId, RewardRequest body, RewardStore rewards, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 200)
        {
            errors["name"] = ["A name of 1 to 200 characters is required."];
        }
        if (body.Kind is not null && !RewardKinds.All.Contains(body.Kind))
        {
            errors["kind"] = [$"Must be one of {string.Join(", ", RewardKinds.All)}."];
        }
        if (body.Cost is null or < 1)
        {
            errors["cost"] = ["A positive cost in points is required."];
        }
        if (body.Stock is < 0 || body.PerCustomerLimit is < 1 || rewardId.Length > 90)
        {
            errors["stock"] = ["Stock must be 0 or more and the per-customer limit 1 or more (omit for none); ids are at most 90 characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var reward = new Reward
        {
            Id = rewardId, Name = body.Name!.Trim(), Description = body.Description ?? "", Kind = body.Kind ?? "discount_code",
            Cost = body.Cost!.Value, Stock = body.Stock, PerCustomerLimit = body.PerCustomerLimit, Active = body.Active ?? true,
        };
        await rewards.SaveAsync(tenant, reward, ct);
        return TypedResults.Ok(reward);
    }

    private static async Task<Results<NoContent, NotFound>> DeleteRewardAsync(string tenant, string rewardId, RewardStore rewards, CancellationToken ct) =>
        await rewards.DeactivateAsync(tenant, rewardId, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}

/// <summary>The body of <c>PUT rewards/{id}</c>.</summary>
public sealed record RewardRequest(string? Name, string? Description, string? Kind, int? Cost, int? Stock, int? PerCustomerLimit, bool? Active);

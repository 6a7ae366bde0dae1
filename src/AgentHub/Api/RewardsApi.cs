using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Scoring;
using HelpdeskGamify.Connector.Scoring.Rewards;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>The reward catalog and redemptions of a tenant.</summary>
public static class RewardsApi
{
    /// <summary>Maps the reward routes into the tenant group.</summary>
    public static RouteGroupBuilder MapRewardsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/rewards", ListAsync).WithTags("Rewards").WithSummary("The rewards on offer, cheapest first.");
        group.MapPost("/customers/{customerId}/redemptions", RedeemAsync).WithTags("Rewards")
            .WithSummary("Spends a customer's points on a reward: 201, or 409 with code insufficient_points, out_of_stock or limit_reached.");
        return group;
    }

    private static async Task<Ok<RewardList>> ListAsync(string tenant, RewardStore rewards, CancellationToken ct) =>
        TypedResults.Ok(new RewardList(await rewards.ListAsync(tenant, ct: ct)));

    private static async Task<Results<Created<RedemptionView>, ProblemHttpResult, ValidationProblem>> RedeemAsync(
        string tenant, string customerId, RedemptionRequest body, HttpContext http, RedemptionService redemptions, CancellationToken ct)
    {
        // Spending is the customer's own act; the operator's admin key may do it for support, but a tenant's
        // team leads and admin-role staff may not spend a customer's points.
        var spender = http.User.IsAdminKey()
            || (http.User.Role() == Roles.Customer && ParticipantApi.MaySee(http.User, ParticipantKinds.Customer, customerId));
        if (!spender)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the customer can spend their points.");
        }
        if (string.IsNullOrWhiteSpace(body.RewardId))
        {
            return Problems.BadQuery("rewardId", "The reward id is required.");
        }
        var result = await redemptions.RedeemAsync(tenant, customerId, body.RewardId, ct);
        if (result.Redeemed is { } r)
        {
            return TypedResults.Created($"/api/tenants/{tenant}/customers/{customerId}/redemptions/{r.RedemptionId}",
                new RedemptionView(r.RedemptionId, r.RewardId, r.RewardName, r.Code, r.Points, r.Balance));
        }
        return result.Failure switch
        {
            RedemptionFailure.NotFound => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such reward.",
                detail: $"Reward '{body.RewardId}' is not on offer."),
            RedemptionFailure.OutOfStock => Conflict("out_of_stock", "This reward is out of stock."),
            RedemptionFailure.LimitReached => Conflict("limit_reached", "You have already redeemed this reward as often as allowed."),
            _ => Conflict("insufficient_points", "You do not have enough points for this reward."),
        };
    }

    private static ProblemHttpResult Conflict(string code, string title) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}

/// <summary>The body of a redemption.</summary>
public sealed record RedemptionRequest(string? RewardId);

/// <summary>A redemption as the customer sees it (also the <c>rewardRedeemed</c> push).</summary>
public sealed record RedemptionView(long RedemptionId, string RewardId, string RewardName, string Code, int Points, long Balance);

/// <summary>The catalog.</summary>
public sealed record RewardList(IReadOnlyList<Reward> Rewards);

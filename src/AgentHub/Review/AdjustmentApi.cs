using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary><c>POST /agents/{agentId}/adjustments</c>: a team lead's manual change of points, with a reason.</summary>
public static class AdjustmentApi
{
    private static readonly string[] Categories = ["quality", "speed", "productivity", "engagement"];

    /// <summary>Maps the adjustment route into the team-lead group.</summary>
    public static RouteGroupBuilder MapAdjustmentApi(this RouteGroupBuilder leads)
    {
        leads.MapPost("/agents/{agentId}/adjustments", AdjustAsync).WithTags("Review").WithSummary("Adds or removes points with a reason, live.");
        return leads;
    }

    private static async Task<Results<Created<PointsAwarded>, ValidationProblem, ProblemHttpResult>> AdjustAsync(
        string tenant, string agentId, AdjustmentRequest body, LedgerAdjuster adjuster, CancellationToken ct)
    {
        if (body.Points is 0 or < -10_000 or > 10_000)
        {
            return Problems.BadQuery("points", "Must be between -10000 and 10000, and not 0.");
        }
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 200)
        {
            return Problems.BadQuery("reason", "A reason of 1 to 200 characters is required; the agent reads it.");
        }
        var category = body.Category ?? "quality";
        if (!Categories.Contains(category))
        {
            return Problems.BadQuery("category", "Must be quality, speed, productivity or engagement.");
        }
        var award = await adjuster.AdjustAsync(new Adjustment(tenant, agentId, body.Points, category, body.Reason.Trim(), body.TicketId), ct);
        return award is null
            ? Problems.ParticipantNotFound("agent", agentId)
            : TypedResults.Created($"/api/tenants/{tenant}/agents/{agentId}/ledger", award);
    }
}

/// <summary>Body of an adjustment.</summary>
public sealed record AdjustmentRequest(int Points, string? Category, string? Reason, string? TicketId);

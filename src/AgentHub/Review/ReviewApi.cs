using System.Security.Claims;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// The review queue: team leads pick or receive flagged awards, approve or contest each once (a
/// contest reverses the points with an adjustment), and every decision stays in the audit trail.
/// </summary>
public static class ReviewApi
{
    /// <summary>Maps the review routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder leads)
    {
        var review = leads.MapGroup("/review").WithTags("Review");
        review.MapGet("/queue", async (string tenant, ReviewStore store, CancellationToken ct) =>
            TypedResults.Ok(new { items = await store.QueueAsync(tenant, ct) })).WithSummary("Awards waiting for a decision.");
        review.MapGet("/awards", async (string tenant, string? agent, ReviewStore store, CancellationToken ct) =>
            TypedResults.Ok(new { items = await store.RecentAwardsAsync(tenant, agent, 50, ct) })).WithSummary("Recent agent awards to pick for review.");
        review.MapPost("/items", AddAsync).WithSummary("Puts an award in the queue.");
        review.MapPost("/items/{ledgerId:long}/decision", DecideAsync).WithSummary("Approves or contests a queued award.");
        review.MapGet("/decisions", async (string tenant, ReviewStore store, CancellationToken ct) =>
            TypedResults.Ok(new { items = await store.DecisionsAsync(tenant, ct) })).WithSummary("The audit trail, newest first.");
        return leads;
    }

    private static async Task<Results<Created, ProblemHttpResult>> AddAsync(
        string tenant, PickRequest body, ClaimsPrincipal user, ReviewStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await store.FindAwardAsync(tenant, body.LedgerId, ct) is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such award in this tenant.");
        }
        var added = await store.AddItemAsync(tenant, body.LedgerId, "manual", Trim(body.Note, 1000), user.Subject() ?? "admin", clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        if (!added)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This award is in the queue already.");
        }
        return TypedResults.Created($"/api/tenants/{tenant}/review/queue");
    }

    private static async Task<Results<Ok<ReviewDecision>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string tenant, long ledgerId, DecisionRequest body, ClaimsPrincipal user, ReviewStore store, LedgerAdjuster adjuster, TimeProvider clock, CancellationToken ct)
    {
        if (body.Decision is not ("approve" or "contest"))
        {
            return Problems.BadQuery("decision", "Must be 'approve' or 'contest'.");
        }
        if (body.Decision == "contest" && string.IsNullOrWhiteSpace(body.Note))
        {
            return Problems.BadQuery("note", "Say why the award is contested; the agent reads it.");
        }
        var award = await store.FindAwardAsync(tenant, ledgerId, ct);
        if (award is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such award in this tenant.");
        }
        if (await store.IsDecidedAsync(tenant, ledgerId, ct))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This award was decided already; see the audit trail.");
        }
        long? adjustmentId = null;
        if (body.Decision == "contest" && award.Points != 0)
        {
            var reversed = await adjuster.AdjustAsync(new Adjustment(tenant, award.AgentId, (int)-award.Points, award.Category,
                $"Contested: {award.Reason} ({Trim(body.Note, 200)})", award.TicketId, "review.contest"), ct);
            adjustmentId = reversed?.LedgerId;
        }
        var decision = new ReviewDecision
        {
            TenantId = tenant,
            LedgerId = ledgerId,
            Decision = body.Decision == "approve" ? "approved" : "contested",
            Note = Trim(body.Note, 1000),
            Author = user.Subject() ?? "admin",
            AdjustmentLedgerId = adjustmentId,
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        await store.RecordDecisionAsync(decision, ct);
        return TypedResults.Ok(decision);
    }

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}

/// <summary>Body of <c>POST /review/items</c>.</summary>
public sealed record PickRequest(long LedgerId, string? Note);

/// <summary>Body of <c>POST /review/items/{ledgerId}/decision</c>.</summary>
public sealed record DecisionRequest(string? Decision, string? Note);

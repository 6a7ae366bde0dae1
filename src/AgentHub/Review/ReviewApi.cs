using System.Security.Claims;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Scoring.Tickets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Review;

/// <summary>
/// The review queue: team leads pick or receive flagged awards, approve or contest each once (a
/// contest holds a ticket's award at zero through the engine's recompute; any other entry is reversed
/// with an adjustment), and every decision stays in the audit trail.
/// </summary>
public static class ReviewApi
{
    /// <summary>Maps the review routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapReviewApi(this RouteGroupBuilder leads)
    {
        var review = leads.MapGroup("/review").WithTags("Review");
        review.MapGet("/queue", QueueAsync).WithSummary("Awards waiting for a decision, and the engine's open flags with the awards they concern.");
        review.MapGet("/awards", async (string tenant, string? agent, ReviewStore store, CancellationToken ct) =>
            TypedResults.Ok(new { items = await store.RecentAwardsAsync(tenant, agent, 50, ct) })).WithSummary("Recent agent awards to pick for review.");
        review.MapPost("/items", AddAsync).WithSummary("Puts an award in the queue.");
        review.MapPost("/items/{ledgerId:long}/decision", DecideAsync).WithSummary("Approves or contests a queued award.");
        review.MapPost("/flags/{flagId:long}/decision", DecideFlagAsync).WithSummary("Approves or contests an engine flag and every undecided award it concerns.");
        review.MapGet("/decisions", DecisionsAsync).WithSummary("The audit trail, newest first: award decisions and flag decisions.");
        return leads;
    }

    private static async Task<Ok<ReviewQueue>> QueueAsync(string tenant, ReviewStore store, FlagReview flags, CancellationToken ct) =>
        TypedResults.Ok(new ReviewQueue(await store.QueueAsync(tenant, ct), await flags.QueueAsync(tenant, ct)));

    private static async Task<Ok<ReviewTrail>> DecisionsAsync(string tenant, ReviewStore store, FlagReviewStore flags, CancellationToken ct) =>
        TypedResults.Ok(new ReviewTrail(await store.DecisionsAsync(tenant, ct), await flags.DecisionsAsync(tenant, ct)));

    private static async Task<Results<Ok<FlagDecisionResult>, ValidationProblem, ProblemHttpResult>> DecideFlagAsync(
        string tenant, long flagId, DecisionRequest body, ClaimsPrincipal user, FlagReview flags, CancellationToken ct)
    {
        if (body.Decision is not ("approve" or "contest"))
        {
            return Problems.BadQuery("decision", "Must be 'approve' or 'contest'.");
        }
        if (body.Decision == "contest" && string.IsNullOrWhiteSpace(body.Note))
        {
            return Problems.BadQuery("note", "Say why the flag is contested; the agent reads it.");
        }
        var (result, found) = await flags.DecideAsync(tenant, flagId, body.Decision == "contest", Trim(body.Note, 1000), user.Subject() ?? "admin", ct);
        return result is not null
            ? TypedResults.Ok(result)
            : TypedResults.Problem(statusCode: found ? StatusCodes.Status409Conflict : StatusCodes.Status404NotFound,
                title: found ? "This flag was decided already; see the audit trail." : "No such flag in this tenant.");
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
        string tenant, long ledgerId, DecisionRequest body, ClaimsPrincipal user, ReviewStore store, LedgerAdjuster adjuster, TicketRescore rescore, TimeProvider clock, CancellationToken ct)
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
        var decision = new ReviewDecision
        {
            TenantId = tenant,
            LedgerId = ledgerId,
            Decision = body.Decision == "approve" ? "approved" : "contested",
            Note = Trim(body.Note, 1000),
            Author = user.Subject() ?? "admin",
            NowMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        var ticket = body.Decision == "contest" ? await rescore.TicketOfAsync(tenant, ledgerId, ct) : null;
        if (ticket is not null)
        {
            // The ticket's recompute holds the contested award at zero from now on (pending or settled, before or after
            // a release, reopen or rating), writing the take-back itself; the decision is its input, in the same transaction.
            long? entryId = null;
            await rescore.RunAsync(tenant, [ticket], (c, tx) => ReviewStore.RecordDecisionAsync(c, tx, decision, ct), async (c, tx, batch) =>
            {
                entryId = batch.Awards.LastOrDefault(a => a.ParticipantId == award.AgentId && a.TicketId == ticket && a.Reason.StartsWith("Contested: ", StringComparison.Ordinal))?.LedgerId;
                if (entryId is { } id)
                {
                    await ReviewStore.LinkEntryAsync(c, tx, tenant, ledgerId, id, ct);
                }
            }, ct);
            return TypedResults.Ok(new ReviewDecision
            {
                TenantId = decision.TenantId, LedgerId = ledgerId, Decision = decision.Decision, Note = decision.Note, Author = decision.Author,
                AdjustmentLedgerId = entryId, NowMs = decision.NowMs,
            });
        }
        long? adjustmentId = null;
        if (body.Decision == "contest" && award.Points != 0)
        {
            // Not a ticket recompute's entry (a manual adjustment, kudos…): nothing recomputes it, so a reversal stays put.
            var reversed = await adjuster.AdjustAsync(new Adjustment(tenant, award.AgentId, (int)-award.Points, award.Category,
                $"Contested: {award.Reason} ({Trim(body.Note, 200)})", award.TicketId, "review.contest"), ct);
            adjustmentId = reversed?.LedgerId;
        }
        var recorded = new ReviewDecision
        {
            TenantId = decision.TenantId, LedgerId = ledgerId, Decision = decision.Decision, Note = decision.Note, Author = decision.Author,
            AdjustmentLedgerId = adjustmentId, NowMs = decision.NowMs,
        };
        await store.RecordDecisionAsync(recorded, ct);
        return TypedResults.Ok(recorded);
    }

    private static string? Trim(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim() is var t && t.Length > max ? t[..max] : text.Trim();
}

/// <summary>The queue: picked awards and the engine's open flags with their awards.</summary>
public sealed record ReviewQueue(IReadOnlyList<ReviewQueueItem> Items, IReadOnlyList<FlagQueueItem> Flags);

/// <summary>The audit trail: award decisions and flag decisions, each newest first.</summary>
public sealed record ReviewTrail(IReadOnlyList<ReviewDecision> Items, IReadOnlyList<FlagDecision> Flags);

/// <summary>Body of <c>POST /review/items</c>.</summary>
public sealed record PickRequest(long LedgerId, string? Note);

/// <summary>Body of <c>POST /review/items/{ledgerId}/decision</c>.</summary>
public sealed record DecisionRequest(string? Decision, string? Note);

using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring.Kudos;
using HelpdeskGamify.Connector.Scoring.Review;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>What agents do themselves (hide from boards, give kudos) and the team lead's review queue.</summary>
public static class AgentActionsApi
{
    /// <summary>Maps the routes into the tenant group.</summary>
    public static RouteGroupBuilder MapAgentActionsApi(this RouteGroupBuilder group)
    {
        group.MapPut("/agents/{agentId}/visibility", SetVisibilityAsync).WithTags("Agents")
            .WithSummary("Hides an agent from (or shows them on) public boards; they still see their own rank.");
        group.MapPost("/agents/{agentId}/kudos", GiveKudosAsync).WithTags("Agents")
            .WithSummary("The caller gives the agent a kudos from their weekly budget.");
        group.MapGet("/review/flags", ListFlagsAsync).WithTags("Review").WithSummary("Possible gaming for team leads to review.");
        return group;
    }

    private static async Task<Results<Ok<VisibilityView>, ProblemHttpResult>> SetVisibilityAsync(
        string tenant, string agentId, VisibilityRequest body, HttpContext http, OptOutRegistry optOuts, CancellationToken ct)
    {
        // Consent is personal: only the agent (or the admin acting for them) decides.
        var role = http.User.Role();
        if (!(role == Roles.Admin || (role == Roles.Agent && http.User.Subject() == agentId)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only the agent can change their own visibility.");
        }
        await optOuts.SetAsync(tenant, agentId, body.OptedOut, ct);
        return TypedResults.Ok(new VisibilityView(agentId, body.OptedOut));
    }

    private static async Task<Results<Created<KudosView>, ProblemHttpResult, ValidationProblem>> GiveKudosAsync(
        string tenant, string agentId, KudosRequest? body, HttpContext http, KudosService kudos, CancellationToken ct)
    {
        if (http.User.Role() is not (Roles.Agent or Roles.TeamLead) || http.User.Subject() is not { } giver)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only agents and team leads give kudos.");
        }
        var result = await kudos.GiveAsync(tenant, giver, agentId, body?.Message, ct);
        return result.Error switch
        {
            null => TypedResults.Created($"/api/tenants/{tenant}/agents/{agentId}", new KudosView(agentId, result.RemainingThisWeek)),
            "self" => Problems.BadQuery("agentId", "You cannot give kudos to yourself."),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Your kudos budget for this week is used up.",
                extensions: new Dictionary<string, object?> { ["code"] = result.Error }),
        };
    }

    private static async Task<Results<Ok<ReviewFlagList>, ProblemHttpResult>> ListFlagsAsync(
        string tenant, string? status, HttpContext http, ReviewFlagStore flags, CancellationToken ct)
    {
        if (http.User.Role() is not (Roles.TeamLead or Roles.Admin))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only team leads see the review queue.");
        }
        var list = await flags.ListAsync(tenant, status, ct);
        return TypedResults.Ok(new ReviewFlagList(list.Select(f => new ReviewFlagView(f.Id, f.FlagKind, f.SubjectKey, f.ParticipantKind,
            f.ParticipantExternalId, f.Detail, f.Status, DateTimeOffset.FromUnixTimeMilliseconds(f.CreatedAtMs))).ToList()));
    }
}

/// <summary>The body of <c>PUT visibility</c>.</summary>
public sealed record VisibilityRequest(bool OptedOut);

/// <summary>An agent's visibility.</summary>
public sealed record VisibilityView(string AgentId, bool OptedOut);

/// <summary>The body of <c>POST kudos</c>.</summary>
public sealed record KudosRequest(string? Message);

/// <summary>A given kudos.</summary>
public sealed record KudosView(string ReceiverId, int RemainingThisWeek);

/// <summary>The review queue.</summary>
public sealed record ReviewFlagList(IReadOnlyList<ReviewFlagView> Flags);

/// <summary>One flag.</summary>
public sealed record ReviewFlagView(long Id, string Kind, string Subject, string ParticipantKind, string ParticipantId, string Detail, string Status, DateTimeOffset CreatedAt);

using HelpdeskGamify.AgentHub.Auth;
using HelpdeskGamify.Connector.Participants;
using HelpdeskGamify.Connector.Scoring;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.Api;

/// <summary>An agent's or customer's totals and ledger. People see themselves; team leads see their tenant.</summary>
public static class ParticipantApi
{
    /// <summary>Maps the participant routes into the tenant group.</summary>
    public static RouteGroupBuilder MapParticipantApi(this RouteGroupBuilder group)
    {
        group.MapGet("/agents/{participantId}", (string tenant, string participantId, HttpContext http, ParticipantSummaryReader reader, CancellationToken ct)
            => SummaryAsync(tenant, ParticipantKinds.Agent, participantId, http, reader, ct)).WithTags("Agents");
        group.MapGet("/customers/{participantId}", (string tenant, string participantId, HttpContext http, ParticipantSummaryReader reader, CancellationToken ct)
            => SummaryAsync(tenant, ParticipantKinds.Customer, participantId, http, reader, ct)).WithTags("Customers");
        group.MapGet("/agents/{participantId}/ledger", (string tenant, string participantId, long? before, int? limit, HttpContext http, ParticipantStore store, CancellationToken ct)
            => LedgerAsync(tenant, ParticipantKinds.Agent, participantId, before, limit, http, store, ct)).WithTags("Agents");
        group.MapGet("/customers/{participantId}/ledger", (string tenant, string participantId, long? before, int? limit, HttpContext http, ParticipantStore store, CancellationToken ct)
            => LedgerAsync(tenant, ParticipantKinds.Customer, participantId, before, limit, http, store, ct)).WithTags("Customers");
        return group;
    }

    /// <summary>Whether the caller may see this person: themselves, or anyone as team lead or admin.</summary>
    public static bool MaySee(System.Security.Claims.ClaimsPrincipal user, string kind, string participantId) => user.Role() switch
    {
        Roles.Admin or Roles.TeamLead => true,
        Roles.Agent => kind == ParticipantKinds.Agent && user.Subject() == participantId,
        Roles.Customer => kind == ParticipantKinds.Customer && user.Subject() == participantId,
        _ => false,
    };

    private static async Task<Results<Ok<ParticipantSummary>, ProblemHttpResult>> SummaryAsync(
        string tenant, string kind, string participantId, HttpContext http, ParticipantSummaryReader reader, CancellationToken ct)
    {
        if (!MaySee(http.User, kind, participantId))
        {
            return Problems.NotYours();
        }
        var summary = await reader.ReadAsync(tenant, kind, participantId, ct);
        return summary is null ? Problems.ParticipantNotFound(kind, participantId) : TypedResults.Ok(summary);
    }

    private static async Task<Results<Ok<LedgerPage>, ProblemHttpResult>> LedgerAsync(
        string tenant, string kind, string participantId, long? before, int? limit, HttpContext http, ParticipantStore store, CancellationToken ct)
    {
        if (!MaySee(http.User, kind, participantId))
        {
            return Problems.NotYours();
        }
        var person = await store.FindAsync(tenant, kind, participantId, ct);
        if (person is null)
        {
            return Problems.ParticipantNotFound(kind, participantId);
        }
        var pageSize = Math.Clamp(limit ?? 50, 1, 200);
        var entries = await store.LedgerAsync(tenant, person.Id, before ?? long.MaxValue, pageSize, ct);
        var views = entries.Select(e => new LedgerEntryView(e.Id, e.Points, e.PendingPoints, e.Category, e.Reason, e.RuleId, e.EntryKind,
            e.SourceInboxId, e.TicketId, DateTimeOffset.FromUnixTimeMilliseconds(e.OccurredAtMs), DateTimeOffset.FromUnixTimeMilliseconds(e.CreatedAtMs))).ToList();
        return TypedResults.Ok(new LedgerPage(views, views.Count == pageSize ? views[^1].Id : null));
    }
}

/// <summary>A page of ledger entries, newest first; pass <see cref="NextBefore"/> as <c>before</c> for the next page.</summary>
public sealed record LedgerPage(IReadOnlyList<LedgerEntryView> Entries, long? NextBefore);

/// <summary>One ledger entry.</summary>
public sealed record LedgerEntryView(
    long Id,
    long Points,
    long PendingPoints,
    string Category,
    string Reason,
    string RuleId,
    string Kind,
    long? SourceEventId,
    string? TicketId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt);

using System.Security.Claims;
using HelpdeskGamify.AgentHub.Api;
using HelpdeskGamify.AgentHub.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HelpdeskGamify.AgentHub.TeamLead.Notes;

/// <summary><c>/agents/{agentId}/notes</c>: coaching notes, for team leads only (agents never read them here).</summary>
public static class NotesApi
{
    /// <summary>Maps the notes routes into the team-lead group.</summary>
    public static RouteGroupBuilder MapNotesApi(this RouteGroupBuilder leads)
    {
        leads.MapGet("/agents/{agentId}/notes", async (string tenant, string agentId, CoachingNoteStore store, CancellationToken ct) =>
            TypedResults.Ok(new { items = await store.ForAgentAsync(tenant, agentId, ct) })).WithTags("Team lead");
        leads.MapPost("/agents/{agentId}/notes", AddAsync).WithTags("Team lead");
        return leads;
    }

    private static async Task<Results<Created, ValidationProblem>> AddAsync(
        string tenant, string agentId, NoteRequest body, ClaimsPrincipal user, CoachingNoteStore store, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Body) || body.Body.Length > 4000)
        {
            return Problems.BadQuery("body", "A note of 1 to 4000 characters is required.");
        }
        await store.AddAsync(tenant, agentId, user.Subject() ?? "admin", body.Body.Trim(), clock.GetUtcNow().ToUnixTimeMilliseconds(), ct);
        return TypedResults.Created($"/api/tenants/{tenant}/agents/{agentId}/notes");
    }
}

/// <summary>Body of a new note.</summary>
public sealed record NoteRequest(string? Body);

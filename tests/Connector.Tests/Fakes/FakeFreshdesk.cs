using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Tests.Fakes;

/// <summary>The Freshdesk v2 endpoints we use, paginated with <c>page</c>/<c>per_page</c> and a <c>Link: rel="next"</c> header.</summary>
public sealed class FakeFreshdesk : FakeHelpdesk
{
    public const string ApiKey = "fd-api-key-SECRET-abcdef";

    public List<FdAgentRow> Agents { get; } = [];
    public List<(long Id, string Name, long[] AgentIds)> Groups { get; } = [];
    public List<FdContactRow> Contacts { get; } = [];
    public List<FdTicketRow> Tickets { get; } = [];
    public List<FdRatingRow> Ratings { get; } = [];
    public List<FdConversationRow> Conversations { get; } = [];
    public ConcurrentQueue<(long ContactId, JsonNode Body)> ContactUpdates { get; } = new();
    public ConcurrentQueue<(long TicketId, JsonNode Body)> TicketUpdates { get; } = new();

    protected override (string User, string Password) Credentials => (ApiKey, "X");

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v2/agents/me", () => Results.Json(Agent(Agents[0])));
        app.MapGet("/api/v2/agents", (HttpRequest r) => Paged(r, Agents.Select(Agent).ToList()));
        app.MapGet("/api/v2/groups", (HttpRequest r) => Paged(r, Groups.Select(g => (object)new { id = g.Id, name = g.Name, agent_ids = g.AgentIds }).ToList()));
        app.MapGet("/api/v2/tickets", (HttpRequest r) =>
        {
            IEnumerable<FdTicketRow> rows = Tickets;
            if (r.Query.ContainsKey("updated_since"))
            {
                var since = DateTimeOffset.Parse(r.Query["updated_since"]!, CultureInfo.InvariantCulture);
                rows = rows.Where(t => t.UpdatedAt >= since).OrderBy(t => t.UpdatedAt);
            }
            if (r.Query.ContainsKey("requester_id"))
            {
                rows = rows.Where(t => t.RequesterId == long.Parse(r.Query["requester_id"]!, CultureInfo.InvariantCulture));
            }
            var include = r.Query["include"].ToString();
            return Paged(r, rows.Select(t => Ticket(t, include)).ToList());
        });
        app.MapPut("/api/v2/tickets/{id}", async (HttpRequest r, long id) =>
        {
            var body = (await JsonNode.ParseAsync(r.Body))!;
            TicketUpdates.Enqueue((id, body));
            // Applied, so that a repeated write-back sees what the first one changed.
            lock (Tickets)
            {
                var i = Tickets.FindIndex(t => t.Id == id);
                if (i >= 0 && body["priority"] is { } priority)
                {
                    Tickets[i] = Tickets[i] with { Priority = priority.GetValue<int>() };
                }
            }
            return Results.Json(new { id });
        });
        app.MapGet("/api/v2/tickets/{id}/conversations", (HttpRequest r, long id) => Paged(r, Conversations.Where(c => c.TicketId == id).OrderBy(c => c.CreatedAt)
            .Select(c => (object)new
            {
                id = c.Id, ticket_id = c.TicketId, user_id = c.UserId, incoming = c.Incoming, @private = c.Private, source = c.Private ? 2 : 0,
                body_text = "…", created_at = c.CreatedAt, updated_at = c.CreatedAt,
            }).ToList()));
        app.MapGet("/api/v2/surveys/satisfaction_ratings", (HttpRequest r) =>
        {
            var since = DateTimeOffset.Parse(r.Query["created_since"]!, CultureInfo.InvariantCulture);
            return Paged(r, Ratings.Where(x => x.CreatedAt >= since).OrderBy(x => x.CreatedAt).Select(x => (object)new
            {
                id = x.Id, survey_id = 1, user_id = x.UserId, agent_id = x.AgentId, group_id = (long?)null, ticket_id = x.TicketId,
                feedback = x.Feedback, ratings = new Dictionary<string, int> { ["default_question"] = x.Value },
                created_at = x.CreatedAt, updated_at = x.CreatedAt,
            }).ToList());
        });
        app.MapGet("/api/v2/contacts/{id}", (long id) => Contacts.FirstOrDefault(c => c.Id == id) is { } c ? Results.Json(Contact(c)) : Results.NotFound());
        app.MapGet("/api/v2/contacts", (HttpRequest r) =>
            Paged(r, Contacts.Where(c => string.Equals(c.Email, r.Query["email"], StringComparison.OrdinalIgnoreCase)).Select(Contact).ToList()));
        app.MapPut("/api/v2/contacts/{id}", async (HttpRequest r, long id) =>
        {
            var body = (await JsonNode.ParseAsync(r.Body))!;
            ContactUpdates.Enqueue((id, body));
            lock (Contacts)
            {
                var i = Contacts.FindIndex(c => c.Id == id);
                if (i >= 0 && body["tags"] is JsonArray tags)
                {
                    Contacts[i] = Contacts[i] with { Tags = [.. tags.Select(t => t!.GetValue<string>())] };
                }
            }
            return Results.Json(new { id });
        });
    }

    private static object Agent(FdAgentRow a) => new
    {
        id = a.Id, available = true, group_ids = a.GroupIds,
        contact = new { name = a.Name, email = a.Email, active = a.Active, avatar = a.AvatarUrl is null ? null : new { avatar_url = a.AvatarUrl } },
    };

    private static object Contact(FdContactRow c) => new { id = c.Id, name = c.Name, email = c.Email, tags = c.Tags };

    private object Ticket(FdTicketRow t, string include) => new
    {
        id = t.Id, status = t.Status, priority = t.Priority, source = t.Source, tags = t.Tags, group_id = t.GroupId,
        responder_id = t.ResponderId, requester_id = t.RequesterId, created_at = t.CreatedAt, updated_at = t.UpdatedAt,
        stats = include.Contains("stats", StringComparison.Ordinal)
            ? new { first_responded_at = t.FirstRespondedAt, resolved_at = t.ResolvedAt, closed_at = (DateTimeOffset?)null } : null,
        requester = include.Contains("requester", StringComparison.Ordinal) && Contacts.FirstOrDefault(c => c.Id == t.RequesterId) is { } c
            ? new { id = c.Id, name = c.Name, email = c.Email } : null,
    };

    private static IResult Paged(HttpRequest r, IReadOnlyList<object> all)
    {
        var size = IntQuery(r, "per_page", 30);
        var page = IntQuery(r, "page", 1);
        var items = all.Skip((page - 1) * size).Take(size).ToList();
        if (page * size < all.Count)
        {
            var next = $"{r.Scheme}://{r.Host}{r.Path}?per_page={size}&page={page + 1}";
            r.HttpContext.Response.Headers.Link = $"<{next}>; rel=\"next\"";
        }
        return Results.Content(System.Text.Json.JsonSerializer.Serialize(items), "application/json");
    }
}

public sealed record FdAgentRow(long Id, string Name, string Email, string? AvatarUrl = null, long[]? GroupIds = null, bool Active = true)
{
    public long[] GroupIds { get; init; } = GroupIds ?? [];
}

public sealed record FdContactRow(long Id, string Name, string Email, string[]? Tags = null)
{
    public string[] Tags { get; init; } = Tags ?? [];
}

public sealed record FdTicketRow(long Id, int Status, long? ResponderId, long RequesterId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt = null, DateTimeOffset? FirstRespondedAt = null, int Priority = 2, int Source = 1, long? GroupId = null, string[]? Tags = null)
{
    public string[] Tags { get; init; } = Tags ?? [];
}

public sealed record FdRatingRow(long Id, long TicketId, long AgentId, long UserId, int Value, DateTimeOffset CreatedAt, string? Feedback = null);

public sealed record FdConversationRow(long Id, long TicketId, long UserId, DateTimeOffset CreatedAt, bool Incoming = false, bool Private = false);

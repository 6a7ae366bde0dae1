using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Tests.Fakes;

/// <summary>
/// The Zendesk endpoints we use, with cursor pagination (<c>page[size]</c>/<c>page[after]</c>,
/// <c>meta.has_more</c>/<c>meta.after_cursor</c>) and the incremental export's own cursor.
/// </summary>
public sealed class FakeZendesk : FakeHelpdesk
{
    public const string Email = "admin@acme.example";
    public const string ApiToken = "zd-api-token-SECRET-0123456789";

    public List<ZdUserRow> Users { get; } = [];
    public List<(long Id, string Name)> Groups { get; } = [];
    public List<(long UserId, long GroupId, bool Default)> Memberships { get; } = [];
    public List<ZdTicketRow> Tickets { get; } = [];
    public List<ZdRatingRow> Ratings { get; } = [];
    public ConcurrentQueue<ZdWebhookRow> Webhooks { get; } = new();
    public ConcurrentQueue<(long Id, string Title, JsonNode Body)> Triggers { get; } = new();
    public ConcurrentDictionary<string, string> WebhookStatus { get; } = new();
    public ConcurrentDictionary<string, List<string>> UserTags { get; } = new();
    public ConcurrentQueue<(long TicketId, JsonNode Body)> TicketUpdates { get; } = new();

    /// <summary>Ticket updates for the ticket events export.</summary>
    public List<ZdTicketEventRow> TicketEvents { get; } = [];

    /// <summary>Tickets per incremental export page.</summary>
    public int ExportPageSize { get; set; } = 2;

    protected override (string User, string Password) Credentials => (Email + "/token", ApiToken);

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v2/users/me", () => Results.Json(new { user = User(Users.First(u => u.Role == "admin")) }));
        app.MapGet("/api/v2/users", (HttpRequest r) =>
            Paged(r, "users", Users.Where(u => u.Role == r.Query["role"].ToString()).Select(User).ToList()));
        app.MapGet("/api/v2/groups", (HttpRequest r) => Paged(r, "groups", Groups.Select(g => (object)new { id = g.Id, name = g.Name }).ToList()));
        app.MapGet("/api/v2/group_memberships", (HttpRequest r) => Paged(r, "group_memberships",
            Memberships.Select(m => (object)new { user_id = m.UserId, group_id = m.GroupId, @default = m.Default }).ToList()));

        app.MapGet("/api/v2/webhooks", (HttpRequest r) => Paged(r, "webhooks", Webhooks.Select(w => (object)new
        {
            id = w.Id, name = w.Name, endpoint = w.Endpoint, status = WebhookStatus.GetValueOrDefault(w.Id, "active"), subscriptions = w.Subscriptions,
        }).ToList()));
        app.MapPost("/api/v2/webhooks", async (HttpRequest r) =>
        {
            var hook = (await JsonNode.ParseAsync(r.Body))!["webhook"]!;
            var row = new ZdWebhookRow("01HWEBHOOK" + (Webhooks.Count + 1).ToString(CultureInfo.InvariantCulture), hook["name"]!.GetValue<string>(),
                hook["endpoint"]!.GetValue<string>(), hook["subscriptions"]!.AsArray().Select(s => s!.GetValue<string>()).ToList(),
                "signing-secret-" + Guid.NewGuid().ToString("n"));
            Webhooks.Enqueue(row);
            return Results.Json(new { webhook = new { id = row.Id, name = row.Name } }, statusCode: 201);
        });
        app.MapPatch("/api/v2/webhooks/{id}", async (HttpRequest r, string id) =>
        {
            WebhookStatus[id] = (await JsonNode.ParseAsync(r.Body))!["webhook"]!["status"]!.GetValue<string>();
            return Results.NoContent();
        });
        app.MapGet("/api/v2/webhooks/{id}/signing_secret", (string id) => Webhooks.FirstOrDefault(w => w.Id == id) is { } w
            ? Results.Json(new { signing_secret = new { algorithm = "SHA256", secret = w.Secret } })
            : Results.NotFound());

        app.MapGet("/api/v2/triggers", (HttpRequest r) => Paged(r, "triggers",
            Triggers.Select(t => (object)new { id = t.Id, title = t.Title, active = true }).ToList()));
        app.MapPost("/api/v2/triggers", async (HttpRequest r) =>
        {
            var trigger = (await JsonNode.ParseAsync(r.Body))!["trigger"]!;
            var id = 9000L + Triggers.Count;
            Triggers.Enqueue((id, trigger["title"]!.GetValue<string>(), trigger));
            return Results.Json(new { trigger = new { id, title = trigger["title"]!.GetValue<string>() } }, statusCode: 201);
        });

        app.MapGet("/api/v2/incremental/tickets/cursor.json", Export);
        app.MapGet("/api/v2/incremental/ticket_events.json", ExportEvents);
        app.MapGet("/api/v2/satisfaction_ratings", (HttpRequest r) =>
        {
            var start = DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Query["start_time"]!, CultureInfo.InvariantCulture));
            return Paged(r, "satisfaction_ratings", Ratings.Where(x => x.CreatedAt >= start && x.Score is "good" or "bad").Select(x => (object)new
            {
                id = x.Id, score = x.Score, comment = x.Comment, ticket_id = x.TicketId, assignee_id = x.AssigneeId,
                requester_id = x.RequesterId, created_at = x.CreatedAt, updated_at = x.CreatedAt,
            }).ToList());
        });

        app.MapGet("/api/v2/users/{id}/tickets/requested", (HttpRequest r, long id) =>
            Paged(r, "tickets", Tickets.Where(t => t.RequesterId == id).Select(Ticket).ToList()));
        app.MapGet("/api/v2/users/{id}", (string id) =>
        {
            var known = Users.FirstOrDefault(u => u.Id.ToString(CultureInfo.InvariantCulture) == id);
            List<string> tags = [];
            if (UserTags.TryGetValue(id, out var list))
            {
                lock (list)
                {
                    tags = [.. list];
                }
            }
            return Results.Json(new { user = new { id = long.Parse(id, CultureInfo.InvariantCulture), name = known?.Name ?? "Customer " + id, role = known?.Role ?? "end-user", tags } });
        });
        app.MapPut("/api/v2/users/{id}/tags", async (HttpRequest r, string id) =>
        {
            var tags = (await JsonNode.ParseAsync(r.Body))!["tags"]!.AsArray().Select(t => t!.GetValue<string>());
            var list = UserTags.GetOrAdd(id, _ => []);
            lock (list)
            {
                list.AddRange(tags.Where(t => !list.Contains(t)));
            }
            return Results.Json(new { tags = list });
        });
        app.MapPut("/api/v2/tickets/{id}", async (HttpRequest r, long id) =>
        {
            var body = (await JsonNode.ParseAsync(r.Body))!;
            TicketUpdates.Enqueue((id, body));
            // Applied, so that a repeated write-back sees what the first one changed.
            lock (Tickets)
            {
                var i = Tickets.FindIndex(t => t.Id == id);
                if (i >= 0 && body["ticket"]?["priority"]?.GetValue<string>() is { } priority)
                {
                    Tickets[i] = Tickets[i] with { Priority = priority };
                }
            }
            return Results.Json(new { ticket = new { id } });
        });
    }

    private IResult Export(HttpRequest r)
    {
        var offset = r.Query.ContainsKey("cursor") ? int.Parse(r.Query["cursor"]!, CultureInfo.InvariantCulture) : 0;
        var start = r.Query.ContainsKey("start_time")
            ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(r.Query["start_time"]!, CultureInfo.InvariantCulture)) : DateTimeOffset.MinValue;
        var all = Tickets.Where(t => t.UpdatedAt >= start || r.Query.ContainsKey("cursor")).OrderBy(t => t.UpdatedAt).ToList();
        var page = all.Skip(offset).Take(ExportPageSize).ToList();
        var end = offset + page.Count >= all.Count;
        var include = r.Query["include"].ToString();
        var userIds = page.SelectMany(t => new[] { t.AssigneeId, (long?)t.RequesterId }).Where(i => i is not null).ToHashSet();
        return Results.Json(new
        {
            tickets = page.Select(Ticket),
            metric_sets = include.Contains("metric_sets", StringComparison.Ordinal) ? page.Select(t => (object)new
            {
                ticket_id = t.Id, solved_at = t.SolvedAt,
                reply_time_in_minutes = new { calendar = t.ReplyMinutes, business = t.ReplyMinutes },
                full_resolution_time_in_minutes = new { calendar = t.ResolutionMinutes, business = t.ResolutionMinutes },
            }) : Enumerable.Empty<object>(),
            users = include.Contains("users", StringComparison.Ordinal) ? Users.Where(u => userIds.Contains(u.Id)).Select(User) : Enumerable.Empty<object>(),
            groups = include.Contains("groups", StringComparison.Ordinal) ? Groups.Select(g => (object)new { id = g.Id, name = g.Name }) : Enumerable.Empty<object>(),
            after_cursor = end ? null : (offset + page.Count).ToString(CultureInfo.InvariantCulture),
            after_url = (string?)null,
            end_of_stream = end,
        });
    }

    /// <summary>
    /// Time-based pagination as Zendesk does it: a page of updates from <c>start_time</c> on, and
    /// <c>end_time</c>/<c>next_page</c> at the last update's second, so the next page repeats the updates of that second.
    /// </summary>
    private IResult ExportEvents(HttpRequest r)
    {
        var start = long.Parse(r.Query["start_time"]!, CultureInfo.InvariantCulture);
        var withComments = r.Query["include"].ToString().Contains("comment_events", StringComparison.Ordinal);
        var all = TicketEvents.Where(e => e.At.ToUnixTimeSeconds() >= start).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var page = all.Take(ExportPageSize).ToList();
        var end = all.Count <= ExportPageSize;
        var endTime = page.Count == 0 ? start : page[^1].At.ToUnixTimeSeconds();
        return Results.Json(new
        {
            ticket_events = page.Select(e => new
            {
                id = e.Id, ticket_id = e.TicketId, timestamp = e.At.ToUnixTimeSeconds(), created_at = e.At, updater_id = e.UpdaterId, event_type = "Audit",
                child_events = e.Children.Select(c => c.Kind == "Comment"
                    ? (withComments
                        ? new Dictionary<string, object?> { ["id"] = c.Id, ["event_type"] = "Comment", ["type"] = "Comment", ["public"] = c.Public, ["author_id"] = c.AuthorId, ["body"] = "…", ["created_at"] = e.At }
                        : new Dictionary<string, object?> { ["id"] = c.Id, ["event_type"] = "Change", ["comment_present"] = true, ["comment_public"] = c.Public })
                    : new Dictionary<string, object?> { ["id"] = c.Id, ["event_type"] = "Change", ["field_name"] = "status", ["value"] = c.Status, ["previous_value"] = c.PreviousStatus }),
            }),
            next_page = $"{r.Scheme}://{r.Host}{r.Path}?start_time={endTime}",
            count = page.Count,
            end_time = endTime,
            end_of_stream = end,
        });
    }

    private static object User(ZdUserRow u) => new
    {
        id = u.Id, name = u.Name, email = u.Email, role = u.Role, active = u.Active, default_group_id = u.DefaultGroupId,
        photo = u.PhotoUrl is null ? null : new { content_url = u.PhotoUrl },
    };

    private static object Ticket(ZdTicketRow t) => new
    {
        id = t.Id, status = t.Status, priority = t.Priority, via = new { channel = t.Channel }, tags = t.Tags, group_id = t.GroupId,
        assignee_id = t.AssigneeId, requester_id = t.RequesterId, created_at = t.CreatedAt, updated_at = t.UpdatedAt,
    };

    private static IResult Paged(HttpRequest r, string key, IReadOnlyList<object> all)
    {
        var size = IntQuery(r, "page[size]", 100);
        var offset = IntQuery(r, "page[after]", 0);
        var page = all.Skip(offset).Take(size).ToList();
        var more = offset + page.Count < all.Count;
        var body = new JsonObject
        {
            [key] = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(page)),
            ["meta"] = new JsonObject { ["has_more"] = more, ["after_cursor"] = more ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : null },
            ["links"] = new JsonObject { ["next"] = null },
        };
        return Results.Content(body.ToJsonString(), "application/json");
    }
}

public sealed record ZdUserRow(long Id, string Name, string Role, string? PhotoUrl = null, long? DefaultGroupId = null, bool Active = true, string? Email = null);

public sealed record ZdTicketRow(long Id, string Status, long? AssigneeId, long RequesterId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? SolvedAt = null, long? ReplyMinutes = null, long? ResolutionMinutes = null, string Priority = "normal",
    string Channel = "email", long? GroupId = null, string[]? Tags = null)
{
    public string[] Tags { get; init; } = Tags ?? [];
}

public sealed record ZdRatingRow(long Id, long TicketId, long AssigneeId, long RequesterId, string Score, DateTimeOffset CreatedAt, string? Comment = null);

public sealed record ZdWebhookRow(string Id, string Name, string Endpoint, List<string> Subscriptions, string Secret);

/// <summary>One ticket update of the ticket events export, with its status changes and comments.</summary>
public sealed record ZdTicketEventRow(long Id, long TicketId, DateTimeOffset At, long? UpdaterId, IReadOnlyList<ZdChildRow> Children);

/// <summary>A status change (<see cref="Status"/> from <see cref="PreviousStatus"/>) or a comment.</summary>
public sealed record ZdChildRow(long Id, string Kind, string? Status = null, string? PreviousStatus = null, bool Public = true, long? AuthorId = null)
{
    public static ZdChildRow StatusChange(long id, string from, string to) => new(id, "Change", to, from);

    public static ZdChildRow Comment(long id, long authorId, bool isPublic = true) => new(id, "Comment", Public: isPublic, AuthorId: authorId);
}

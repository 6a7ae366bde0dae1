using System.Globalization;
using System.Runtime.CompilerServices;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// Imports what happened in Zendesk since a point in time: ticket creations and solves (with the
/// first-reply and resolution times of their metric sets) from the incremental cursor export,
/// good/bad ratings, and reopens and agents' public replies from the incremental ticket events export. Each fact gets the occurred-at a webhook would report (the minute of the
/// creation, solve or rating), so its natural key matches a webhook delivery of the same fact.
/// </summary>
public sealed class ZendeskBackfill(ZendeskApi api, ApiEventImporter importer)
{
    /// <summary>Imports tickets and ratings changed since <paramref name="since"/>.</summary>
    public async Task<BackfillResult> RunAsync(Tenant tenant, DateTimeOffset since, CancellationToken ct)
    {
        var client = api.For(tenant);
        var tickets = await importer.ImportAsync(tenant.Id, "zendesk-backfill", TicketEventsAsync(client, since, ct), ct);
        var ratings = await importer.ImportAsync(tenant.Id, "zendesk-backfill", RatingEventsAsync(client, since, ct), ct);
        var updates = await importer.ImportAsync(tenant.Id, "zendesk-backfill", UpdateEventsAsync(client, since, ct), ct);
        var total = tickets + ratings + updates;
        return new BackfillResult(since, total.Accepted, total.Duplicates);
    }

    private static async IAsyncEnumerable<ImportedEvent> TicketEventsAsync(ZendeskApiClient client, DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        var names = new Dictionary<long, string?>();
        var groups = new Dictionary<long, string?>();
        await foreach (var page in client.ExportTicketsAsync(since, ct))
        {
            page.Users.ForEach(u => names[u.Id] = u.Name);
            page.Groups.ForEach(g => groups[g.Id] = g.Name);
            var metrics = page.MetricSets.ToDictionary(m => m.TicketId);
            foreach (var ticket in page.Tickets)
            {
                foreach (var e in MapTicket(ticket, metrics.GetValueOrDefault(ticket.Id), names, groups, since))
                {
                    yield return e;
                }
            }
        }
    }

    private static async IAsyncEnumerable<ImportedEvent> RatingEventsAsync(ZendeskApiClient client, DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var rating in client.SatisfactionRatingsAsync(since, ct))
        {
            var score = HelpdeskVocabulary.Rating(rating.Score);
            var at = rating.UpdatedAt ?? rating.CreatedAt;
            if (score == SatisfactionRating.None || at is null || at < since || rating.TicketId is null)
            {
                continue;
            }
            var e = new HelpdeskEvent
            {
                Source = "zendesk",
                Kind = HelpdeskEventKind.SatisfactionRated,
                OccurredAt = at.Value,
                TicketId = Id(rating.TicketId),
                AgentId = Id(rating.AssigneeId),
                CustomerId = Id(rating.RequesterId),
                Rating = score,
                RatingComment = string.IsNullOrWhiteSpace(rating.Comment) ? null : rating.Comment,
            };
            yield return new ImportedEvent(e, $"zendesk:rating:{rating.Id}:{score}:{at.Value.ToUnixTimeSeconds()}");
        }
    }

    /// <summary>Reopens and agents' public replies, reconstructed from the ticket events export.</summary>
    private static async IAsyncEnumerable<ImportedEvent> UpdateEventsAsync(ZendeskApiClient client, DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        // Comments name their author only by id: the directory tells agents' replies from customers'.
        var agents = new Dictionary<long, string?>();
        await foreach (var agent in client.AgentsAsync(ct))
        {
            agents[agent.Id] = agent.Name;
        }
        await foreach (var page in client.ExportTicketEventsAsync(since, ct))
        {
            foreach (var update in page)
            {
                foreach (var e in MapUpdate(update, agents, since))
                {
                    yield return e;
                }
            }
        }
    }

    private static readonly string[] Unsolved = ["new", "open", "pending", "hold"];

    internal static IEnumerable<ImportedEvent> MapUpdate(ZdTicketEvent update, IReadOnlyDictionary<long, string?> agents, DateTimeOffset since)
    {
        var ticketId = Id(update.TicketId)!;
        var at = update.CreatedAt ?? DateTimeOffset.FromUnixTimeSeconds(update.Timestamp);
        foreach (var child in update.ChildEvents)
        {
            var when = child.CreatedAt ?? at;
            if (when < since)
            {
                continue;
            }
            if (child.EventType == "Change" && IsStatus(child, out var current, out var previous)
                && previous is "solved" or "closed" && Unsolved.Contains(current))
            {
                // Keyed like the status_changed webhook and the reopen trigger: ticket and minute.
                var reopened = new HelpdeskEvent { Source = "zendesk", Kind = HelpdeskEventKind.TicketReopened, OccurredAt = when, TicketId = ticketId };
                yield return new ImportedEvent(reopened, $"zendesk:ticket:{ticketId}:reopened:{child.Id}");
            }
            else if (child.EventType == "Comment" && child.Public == true && child.AuthorId is { } author && agents.TryGetValue(author, out var name))
            {
                // Keyed by comment id, like the comment_added webhook.
                var reply = new HelpdeskEvent
                {
                    Source = "zendesk",
                    Kind = HelpdeskEventKind.TicketAgentReplied,
                    OccurredAt = when,
                    TicketId = ticketId,
                    AgentId = Id(author),
                    AgentName = name,
                    MessageId = Id(child.Id),
                };
                yield return new ImportedEvent(reply, $"zendesk:comment:{child.Id}");
            }
        }
    }

    // The export writes a status change either as {"field_name": "status", "value": …} or as {"status": …}; both carry previous_value.
    private static bool IsStatus(ZdChildEvent child, out string current, out string? previous)
    {
        current = (child.FieldName == "status" ? child.Value?.ToString() : child.Status)?.ToLowerInvariant() ?? "";
        previous = child.PreviousValue?.Type == Newtonsoft.Json.Linq.JTokenType.String ? child.PreviousValue.ToString().ToLowerInvariant() : null;
        return current.Length > 0;
    }

    internal static IEnumerable<ImportedEvent> MapTicket(ZdTicket t, ZdMetricSet? metrics, IReadOnlyDictionary<long, string?> names,
        IReadOnlyDictionary<long, string?> groups, DateTimeOffset since)
    {
        var ticketId = Id(t.Id)!;
        var baseEvent = new HelpdeskEvent
        {
            Source = "zendesk",
            Kind = HelpdeskEventKind.TicketCreated,
            OccurredAt = t.CreatedAt ?? since,
            TicketId = ticketId,
            TicketCreatedAt = t.CreatedAt,
            CustomerId = Id(t.RequesterId),
            CustomerName = t.RequesterId is { } r ? names.GetValueOrDefault(r) : null,
            Channel = HelpdeskVocabulary.Channel(t.Via?.Channel),
            Priority = HelpdeskVocabulary.Priority(t.Priority),
            Tags = t.Tags.Select(tag => tag.ToLowerInvariant()).ToList(),
            Group = t.GroupId is { } g ? groups.GetValueOrDefault(g) ?? Id(g) : null,
        };
        if (t.CreatedAt is { } created && created >= since)
        {
            yield return new ImportedEvent(baseEvent, $"zendesk:ticket:{ticketId}:created");
        }
        if (t.Status is "solved" or "closed" && metrics?.SolvedAt is { } solved && solved >= since)
        {
            var solve = baseEvent with
            {
                Kind = HelpdeskEventKind.TicketSolved,
                OccurredAt = solved,
                AgentId = Id(t.AssigneeId),
                AgentName = t.AssigneeId is { } a ? names.GetValueOrDefault(a) : null,
                FirstReplySeconds = metrics.ReplyTime?.Calendar * 60,
                ResolutionSeconds = metrics.FullResolutionTime?.Calendar * 60
                    ?? (t.CreatedAt is { } c && solved >= c ? (long)(solved - c).TotalSeconds : null),
            };
            yield return new ImportedEvent(solve, $"zendesk:ticket:{ticketId}:solved:{solved.ToUnixTimeSeconds()}");
        }
    }

    private static string? Id(long? id) => id?.ToString(CultureInfo.InvariantCulture);
}

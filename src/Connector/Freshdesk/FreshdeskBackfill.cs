using System.Globalization;
using System.Runtime.CompilerServices;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Imports what happened in Freshdesk since a point in time: ticket creations and resolutions
/// (with first-response and resolution times from the ticket stats) from
/// <c>/api/v2/tickets?updated_since=</c>, agents' public replies from each such ticket's
/// conversations, and CSAT ratings. Reopens are not reconstructed: the v2 API keeps no status history. Facts a webhook already delivered are
/// left out (see <see cref="FreshdeskWebhookProbe"/>); re-runs dedupe by natural key.
/// </summary>
public sealed class FreshdeskBackfill(FreshdeskApi api, ApiEventImporter importer, FreshdeskWebhookProbe probe)
{
    /// <summary>Imports tickets and ratings since <paramref name="since"/>.</summary>
    public async Task<BackfillResult> RunAsync(Tenant tenant, DateTimeOffset since, CancellationToken ct)
    {
        var client = api.For(tenant);
        var people = new FreshdeskPeople(client);
        var groups = new Dictionary<long, string?>();
        await foreach (var g in client.GroupsAsync(ct))
        {
            groups[g.Id] = g.Name;
        }
        var tickets = await importer.ImportAsync(tenant.Id, "freshdesk-backfill", TicketEventsAsync(tenant.Id, client, people, groups, since, ct), ct);
        var ratings = await importer.ImportAsync(tenant.Id, "freshdesk-backfill", RatingEventsAsync(client, people, since, ct), ct);
        var total = tickets + ratings;
        return new BackfillResult(since, total.Accepted, total.Duplicates);
    }

    private async IAsyncEnumerable<ImportedEvent> TicketEventsAsync(string tenantId, FreshdeskApiClient client, FreshdeskPeople people,
        Dictionary<long, string?> groups, DateTimeOffset since, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var t in client.TicketsUpdatedSinceAsync(since, ct))
        {
            var ticketId = t.Id.ToString(CultureInfo.InvariantCulture);
            var (customerId, customerName) = await people.CustomerAsync(t.RequesterId, t.Requester, ct);
            var created = new HelpdeskEvent
            {
                Source = "freshdesk",
                Kind = HelpdeskEventKind.TicketCreated,
                OccurredAt = t.CreatedAt ?? since,
                SourceEventId = $"ticket:{ticketId}:created",
                TicketId = ticketId,
                TicketCreatedAt = t.CreatedAt,
                CustomerId = customerId,
                CustomerName = customerName,
                Channel = Channel(t.Source),
                Priority = HelpdeskVocabulary.Priority(t.Priority.ToString(CultureInfo.InvariantCulture)),
                Tags = t.Tags.Select(tag => tag.ToLowerInvariant()).ToList(),
                Group = t.GroupId is { } g ? groups.GetValueOrDefault(g) : null,
            };
            if (t.CreatedAt is { } createdAt && createdAt >= since
                && !await probe.DeliveredAsync(tenantId, ticketId, HelpdeskEventKind.TicketCreated, createdAt, ct))
            {
                yield return new ImportedEvent(created, created.SourceEventId);
            }
            // 4 resolved, 5 closed; a closed ticket was resolved first unless closed directly.
            var resolvedAt = t.Stats?.ResolvedAt ?? t.Stats?.ClosedAt;
            if (t.Status is 4 or 5 && resolvedAt is { } at && at >= since
                && !await probe.DeliveredAsync(tenantId, ticketId, HelpdeskEventKind.TicketSolved, at, ct))
            {
                var (agentId, agentName) = await people.AgentAsync(t.ResponderId, ct);
                var solved = created with
                {
                    Kind = HelpdeskEventKind.TicketSolved,
                    OccurredAt = at,
                    SourceEventId = $"ticket:{ticketId}:resolved:{at.ToUnixTimeSeconds()}",
                    AgentId = agentId,
                    AgentName = agentName,
                    FirstReplySeconds = Seconds(t.CreatedAt, t.Stats?.FirstRespondedAt),
                    ResolutionSeconds = Seconds(t.CreatedAt, at),
                };
                yield return new ImportedEvent(solved, solved.SourceEventId);
            }
            foreach (var reply in await RepliesAsync(tenantId, client, people, created, t.Id, since, ct))
            {
                yield return reply;
            }
        }
    }

    /// <summary>
    /// Agents' public replies from the ticket's conversations. Automation deliveries of replies carry
    /// no id, so each stored delivery is paired with one reply (the earliest it may report: from
    /// shortly before it arrived to a day earlier); only unpaired replies are imported. Re-runs pair the same way.
    /// </summary>
    private async Task<List<ImportedEvent>> RepliesAsync(string tenantId, FreshdeskApiClient client, FreshdeskPeople people, HelpdeskEvent ticket,
        long id, DateTimeOffset since, CancellationToken ct)
    {
        var replies = new List<HelpdeskEvent>();
        await foreach (var c in client.ConversationsAsync(id, ct))
        {
            if (c.Incoming || c.Private || c.CreatedAt is not { } at || at < since || c.UserId is not { } userId
                || await people.AgentOrNullAsync(userId, ct) is not { } agent)
            {
                continue;
            }
            replies.Add(ticket with
            {
                Kind = HelpdeskEventKind.TicketAgentReplied,
                OccurredAt = at,
                SourceEventId = FreshdeskImportedFacts.ReplyId(at, c.Id),
                AgentId = agent.Id,
                AgentName = agent.Name,
            });
        }
        if (replies.Count == 0)
        {
            return [];
        }
        replies.Sort((a, b) => a.OccurredAt.CompareTo(b.OccurredAt));
        var arrivals = await probe.ArrivalsAsync(tenantId, ticket.TicketId!, HelpdeskEventKind.TicketAgentReplied,
            replies[0].OccurredAt - FreshdeskWebhookProbe.EarlyArrival, replies[^1].OccurredAt + FreshdeskWebhookProbe.LateArrival, ct);
        var imported = new List<ImportedEvent>();
        foreach (var reply in replies)
        {
            var paired = arrivals.FindIndex(a => a >= reply.OccurredAt - FreshdeskWebhookProbe.EarlyArrival && a <= reply.OccurredAt + FreshdeskWebhookProbe.LateArrival);
            if (paired >= 0)
            {
                arrivals.RemoveAt(paired);
                continue;
            }
            imported.Add(new ImportedEvent(reply, reply.SourceEventId!));
        }
        return imported;
    }

    private static async IAsyncEnumerable<ImportedEvent> RatingEventsAsync(FreshdeskApiClient client, FreshdeskPeople people, DateTimeOffset since,
        [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in client.SatisfactionRatingsAsync(since, ct))
        {
            if (await FreshdeskRatings.ToEventAsync(r, people, ct) is { } rating)
            {
                yield return new ImportedEvent(rating.Event, "freshdesk:" + rating.Event.SourceEventId);
            }
        }
    }

    /// <summary>Freshdesk's numeric ticket sources: 1 email, 2 portal, 3 phone, 7 chat, 9 feedback widget, 10 outbound email.</summary>
    internal static string? Channel(int source) => source switch
    {
        1 or 10 => "email",
        2 or 9 => "web",
        3 => "phone",
        7 => "chat",
        0 => null,
        _ => source.ToString(CultureInfo.InvariantCulture),
    };

    private static long? Seconds(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } a && to is { } b && b >= a ? (long)(b - a).TotalSeconds : null;
}

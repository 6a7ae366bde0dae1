using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>
/// Maps Zendesk event webhooks. Enums arrive UPPERCASE here (lowercase in REST), ids as strings,
/// and <c>time</c> with up to nine fractional digits.
/// </summary>
internal static class ZendeskEventMapper
{
    public static HelpdeskEvent Map(JsonElement root, string type)
    {
        var eventId = JsonFields.RequireId(root, "id");
        var time = JsonFields.RequireTime(root, "time");
        var detail = JsonFields.Object(root, "detail") ?? default;
        var change = JsonFields.Object(root, "event") ?? default;
        var family = type.Split('.', 2)[0];
        return family switch
        {
            "ticket" => MapTicket(type, eventId, time, detail, change, root),
            "messaging_ticket" => MapMessaging(eventId, time, change, root),
            "user" => MapUser(type, eventId, time, detail, change),
            _ => throw new PayloadException($"Unsupported Zendesk event type 'zen:event-type:{type}'."),
        };
    }

    private static HelpdeskEvent MapTicket(string type, string eventId, DateTimeOffset time, JsonElement detail, JsonElement change, JsonElement root)
    {
        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("'detail' must be an object for ticket events.");
        }
        var ticket = Ticket(detail, eventId, time, root);
        switch (type)
        {
            case "ticket.created":
                return ticket with { Kind = HelpdeskEventKind.TicketCreated };
            case "ticket.status_changed":
                var current = Upper(JsonFields.Text(change, "current", 50) ?? JsonFields.Text(detail, "status", 50));
                var previous = Upper(JsonFields.Text(change, "previous", 50));
                return current switch
                {
                    "SOLVED" => ticket with { Kind = HelpdeskEventKind.TicketSolved, ResolutionSeconds = Seconds(JsonFields.Time(detail, "created_at"), time) },
                    "NEW" or "OPEN" or "PENDING" or "HOLD" when previous is "SOLVED" or "CLOSED" => ticket with { Kind = HelpdeskEventKind.TicketReopened },
                    _ => ticket,
                };
            case "ticket.agent_assignment_changed":
                var assignee = JsonFields.Id(change, "current");
                return assignee is null ? ticket : ticket with { Kind = HelpdeskEventKind.TicketAssigned, AgentId = assignee };
            case "ticket.comment_added":
                var comment = JsonFields.Object(change, "comment") ?? default;
                var author = JsonFields.Object(comment, "author") ?? default;
                var isPublic = JsonFields.Text(comment, "is_public", 10) != "false";
                var isStaff = JsonFields.Text(author, "is_staff", 10) == "true";
                return isPublic && isStaff
                    ? ticket with
                    {
                        Kind = HelpdeskEventKind.TicketAgentReplied,
                        AgentId = JsonFields.Id(author, "id") ?? ticket.AgentId,
                        AgentName = JsonFields.Text(author, "name", 200),
                        // The comment id keys the reply, so that a backfill reading the same comment from the API sees it as known.
                        MessageId = JsonFields.Id(comment, "id"),
                    }
                    : ticket;
            default:
                // priority_changed, tags_changed and the rest: recorded for history, not scored.
                return ticket;
        }
    }

    private static HelpdeskEvent Ticket(JsonElement detail, string eventId, DateTimeOffset time, JsonElement root) => new()
    {
        Source = "zendesk",
        Kind = HelpdeskEventKind.TicketUpdated,
        OccurredAt = time,
        SourceEventId = eventId,
        TicketId = JsonFields.Id(detail, "id") ?? SubjectId(root, "zen:ticket:"),
        AgentId = JsonFields.Id(detail, "assignee_id"),
        CustomerId = JsonFields.Id(detail, "requester_id"),
        Channel = HelpdeskVocabulary.Channel(JsonFields.Text(JsonFields.Object(detail, "via") ?? default, "channel", 100)),
        Priority = HelpdeskVocabulary.Priority(JsonFields.Text(detail, "priority", 50)),
        Tags = JsonFields.Tags(detail, "tags"),
        Group = JsonFields.Id(detail, "group_id"),
        TicketCreatedAt = JsonFields.Time(detail, "created_at"),
    };

    private static HelpdeskEvent MapMessaging(string eventId, DateTimeOffset time, JsonElement change, JsonElement root)
    {
        var actor = JsonFields.Object(change, "actor") ?? default;
        var actorType = JsonFields.Text(actor, "type", 50)?.ToLowerInvariant();
        var actorId = JsonFields.Id(actor, "id");
        var e = new HelpdeskEvent
        {
            Source = "zendesk",
            Kind = HelpdeskEventKind.TicketUpdated,
            OccurredAt = time,
            SourceEventId = eventId,
            TicketId = SubjectId(root, "zen:ticket:"),
            ConversationId = JsonFields.Id(change, "conversation_id"),
            MessageId = JsonFields.Id(JsonFields.Object(change, "message") ?? default, "id"),
            Channel = "messaging",
        };
        return actorType switch
        {
            "agent" => e with { Kind = HelpdeskEventKind.ChatAgentReplied, AgentId = actorId, AgentName = JsonFields.Text(actor, "name", 200) },
            "end-user" or "end_user" or "user" => e with { Kind = HelpdeskEventKind.ChatCustomerMessage, CustomerId = actorId, CustomerName = JsonFields.Text(actor, "name", 200) },
            // Bots and the system talk too; that is history, not anyone's achievement.
            _ => e,
        };
    }

    private static HelpdeskEvent MapUser(string type, string eventId, DateTimeOffset time, JsonElement detail, JsonElement change)
    {
        if (detail.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("'detail' must be an object for user events.");
        }
        var userId = JsonFields.RequireId(detail, "id");
        // detail is the user after the change; the event object holds what changed.
        var role = (type == "user.role_changed" ? JsonFields.Text(change, "current", 50) : null) ?? JsonFields.Text(detail, "role", 50);
        role = role?.ToLowerInvariant().Replace('_', '-');
        var name = type == "user.name_changed" ? JsonFields.Text(change, "current", 200) : JsonFields.Text(detail, "name", 200);
        var active = type == "user.active_changed" ? JsonFields.Text(change, "current", 10) : null;
        var isAgent = role is "agent" or "admin";
        return new HelpdeskEvent
        {
            Source = "zendesk",
            Kind = HelpdeskEventKind.ParticipantUpdated,
            OccurredAt = time,
            SourceEventId = eventId,
            AgentId = isAgent ? userId : null,
            CustomerId = isAgent ? null : userId,
            AgentName = isAgent ? name : null,
            CustomerName = isAgent ? null : name,
            Role = role,
            // default_group_id is left out: boards group agents by the group names triggers send.
            Active = active switch { "true" => true, "false" => false, _ => null },
        };
    }

    private static string? SubjectId(JsonElement root, string prefix)
    {
        var subject = JsonFields.Text(root, "subject", 200);
        return subject is not null && subject.StartsWith(prefix, StringComparison.Ordinal) ? subject[prefix.Length..] : null;
    }

    private static string? Upper(string? value) => value?.ToUpperInvariant();

    private static long? Seconds(DateTimeOffset? from, DateTimeOffset to) =>
        from is { } start && to >= start ? (long)(to - start).TotalSeconds : null;
}

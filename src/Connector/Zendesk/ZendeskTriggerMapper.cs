using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary>Maps our trigger template, rendered by Zendesk's placeholders, to a normalized event.</summary>
internal static class ZendeskTriggerMapper
{
    public static HelpdeskEvent Map(JsonElement root)
    {
        var name = JsonFields.RequireText(root, "event", 100);
        var kind = name switch
        {
            "ticket.created" => HelpdeskEventKind.TicketCreated,
            "ticket.solved" => HelpdeskEventKind.TicketSolved,
            "ticket.reopened" => HelpdeskEventKind.TicketReopened,
            "ticket.satisfaction_rated" => HelpdeskEventKind.SatisfactionRated,
            "ticket.agent_replied" => HelpdeskEventKind.TicketAgentReplied,
            _ => throw new PayloadException($"'event' must be one of ticket.created, ticket.solved, ticket.reopened, ticket.satisfaction_rated, ticket.agent_replied; got '{name}'."),
        };
        var ticketId = JsonFields.RequireId(root, "ticket_id");
        var rating = HelpdeskVocabulary.Rating(JsonFields.Text(root, "satisfaction", 100));
        if (kind == HelpdeskEventKind.SatisfactionRated && rating == SatisfactionRating.None)
        {
            throw new PayloadException("'satisfaction' must be a good or bad rating for ticket.satisfaction_rated.");
        }
        return new HelpdeskEvent
        {
            Source = "zendesk",
            Kind = kind,
            OccurredAt = JsonFields.RequireTime(root, "updated_at"),
            TicketId = ticketId,
            AgentId = JsonFields.Id(root, "assignee_id"),
            AgentName = JsonFields.Text(root, "assignee_name", 200),
            CustomerId = JsonFields.Id(root, "requester_id"),
            CustomerName = JsonFields.Text(root, "requester_name", 200),
            Channel = HelpdeskVocabulary.Channel(JsonFields.Text(root, "via", 100)),
            Priority = HelpdeskVocabulary.Priority(JsonFields.Text(root, "priority", 50)),
            Tags = JsonFields.Tags(root, "tags"),
            Group = JsonFields.Text(root, "group", 200),
            Rating = kind == HelpdeskEventKind.SatisfactionRated ? rating : SatisfactionRating.None,
        };
    }
}

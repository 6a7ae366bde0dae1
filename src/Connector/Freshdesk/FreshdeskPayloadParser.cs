using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// Reads our Freshdesk automation template (<c>helpdeskgamify.freshdesk/1</c>). Freshdesk renders
/// placeholders as plain text, so a template that does not quote them is not JSON (422). Agents and
/// requesters are known by e-mail address, lower-cased, which is also their participant id.
/// </summary>
public static class FreshdeskPayloadParser
{
    /// <summary>The schema id our automation template carries.</summary>
    public const string Schema = "helpdeskgamify.freshdesk/1";

    /// <summary>
    /// Parses one delivery. The template has no time placeholder, so the fact is dated by
    /// <paramref name="receivedAt"/> truncated to the second: a delivery Freshdesk defers is dated late.
    /// </summary>
    public static HelpdeskEvent Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt)
    {
        using var document = JsonFields.ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("The body must be a JSON object.");
        }
        var schema = JsonFields.Text(root, "schema", 100);
        if (schema != Schema)
        {
            throw new PayloadException($"'schema' must be '{Schema}' (got '{schema}'); paste the template from docs/webhooks.md.");
        }
        var name = JsonFields.RequireText(root, "event", 100);
        var kind = name switch
        {
            "ticket.created" => HelpdeskEventKind.TicketCreated,
            "ticket.resolved" => HelpdeskEventKind.TicketSolved,
            "ticket.reopened" => HelpdeskEventKind.TicketReopened,
            "ticket.agent_replied" => HelpdeskEventKind.TicketAgentReplied,
            _ => throw new PayloadException($"'event' must be one of ticket.created, ticket.resolved, ticket.reopened, ticket.agent_replied; got '{name}'."),
        };
        return new HelpdeskEvent
        {
            Source = "freshdesk",
            Kind = kind,
            OccurredAt = new DateTimeOffset(receivedAt.UtcTicks - receivedAt.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero),
            TicketId = JsonFields.RequireId(root, "ticket_id"),
            AgentId = Email(root, "agent_email"),
            AgentName = JsonFields.Text(root, "agent_name", 200),
            CustomerId = Email(root, "requester_email"),
            CustomerName = JsonFields.Text(root, "requester_name", 200),
            Channel = HelpdeskVocabulary.Channel(JsonFields.Text(root, "source", 100)),
            Priority = HelpdeskVocabulary.Priority(JsonFields.Text(root, "priority", 50)),
            Tags = JsonFields.Tags(root, "tags"),
            Group = JsonFields.Text(root, "group", 200),
        };
    }

    private static string? Email(JsonElement root, string name)
    {
        var text = JsonFields.Text(root, name, 254);
        return text is null ? null
            : FreshdeskIdentity.FromEmail(text) ?? throw new PayloadException($"'{name}' is not an e-mail address.");
    }
}

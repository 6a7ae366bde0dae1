using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.ZendeskMessaging;

/// <summary>Maps one Sunshine Conversations event onto the normalized model.</summary>
internal static class SunshineEventMapper
{
    // Zendesk's agent workspace is the switchboard integration that puts a chat in front of human agents.
    private const string AgentWorkspace = "zd:agentWorkspace";

    public static HelpdeskEvent Map(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("each event must be an object.");
        }
        var type = JsonFields.RequireText(item, "type", 100);
        var payload = JsonFields.Object(item, "payload") ?? default;
        var conversation = JsonFields.Object(payload, "conversation") ?? default;
        var e = new HelpdeskEvent
        {
            Source = "zendesk-messaging",
            Kind = HelpdeskEventKind.ChatUpdated,
            OccurredAt = JsonFields.RequireTime(item, "createdAt"),
            SourceEventId = JsonFields.RequireId(item, "id"),
            ConversationId = JsonFields.Id(conversation, "id"),
            Channel = "messaging",
        };
        return type switch
        {
            "conversation:message" => Message(e, payload),
            "conversation:create" or "conversation:join" => e with { Kind = HelpdeskEventKind.ChatStarted, CustomerId = UserId(JsonFields.Object(payload, "user")) },
            "switchboard:passControl" or "switchboard:acceptControl" when ControlledBy(conversation) == AgentWorkspace => e with { Kind = HelpdeskEventKind.ChatStarted },
            "switchboard:releaseControl" or "conversation:remove" or "conversation:leave" => e with { Kind = HelpdeskEventKind.ChatResolved },
            // Typing, read receipts, delivery reports, postbacks, bot-to-bot control and future triggers:
            // kept for history, never scored, never a reason to refuse the other events of the body.
            _ => e,
        };
    }

    private static HelpdeskEvent Message(HelpdeskEvent e, JsonElement payload)
    {
        var message = JsonFields.Object(payload, "message") ?? throw new PayloadException("'payload.message' must be an object for conversation:message.");
        var author = JsonFields.Object(message, "author") ?? throw new PayloadException("'payload.message.author' must be an object.");
        var source = JsonFields.Object(message, "source") ?? default;
        e = e with
        {
            MessageId = JsonFields.Id(message, "id"),
            OccurredAt = JsonFields.Time(message, "received") ?? e.OccurredAt,
        };
        var name = JsonFields.Text(author, "displayName", 200);
        return JsonFields.Text(author, "type", 20)?.ToLowerInvariant() switch
        {
            "user" => e with { Kind = HelpdeskEventKind.ChatCustomerMessage, CustomerId = UserId(author), CustomerName = name },
            "business" when IsBot(source) => e,
            "business" => e with { Kind = HelpdeskEventKind.ChatAgentReplied, AgentId = JsonFields.Id(author, "userId"), AgentName = name },
            var other => throw new PayloadException($"'author.type' must be user or business, got '{other}'."),
        };
    }

    // The company's own id for the customer (externalId) is what the widget and the helpdesk know them by;
    // Sunshine's userId is the fallback for anonymous visitors.
    private static string? UserId(JsonElement? holder)
    {
        if (holder is not { ValueKind: JsonValueKind.Object } h)
        {
            return null;
        }
        var user = JsonFields.Object(h, "user") ?? h;
        return JsonFields.Id(user, "externalId") ?? JsonFields.Id(h, "userId") ?? JsonFields.Id(user, "id");
    }

    private static string? ControlledBy(JsonElement conversation) =>
        JsonFields.Text(JsonFields.Object(conversation, "activeSwitchboardIntegration") ?? default, "integrationType", 100);

    private static bool IsBot(JsonElement source)
    {
        var type = JsonFields.Text(source, "type", 100) ?? "";
        return type.Contains("bot", StringComparison.OrdinalIgnoreCase) || type.Contains("answer", StringComparison.OrdinalIgnoreCase);
    }
}

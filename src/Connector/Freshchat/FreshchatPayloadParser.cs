using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;

namespace HelpdeskGamify.Connector.Freshchat;

/// <summary>
/// Reads a Freshchat webhook: <c>{"actor": {"actor_type", "actor_id"}, "action", "action_time", "data": {...}}</c>.
/// Message bodies come in two versions, <c>message_parts</c> and the older <c>msg_parts</c>.
/// </summary>
public static class FreshchatPayloadParser
{
    /// <summary>Parses one delivery; throws <see cref="PayloadException"/> naming what is wrong.</summary>
    public static HelpdeskEvent Parse(ReadOnlyMemory<byte> body)
    {
        using var document = JsonFields.ParseDocument(body);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PayloadException("The body must be a JSON object.");
        }
        var action = JsonFields.RequireText(root, "action", 100);
        var actor = JsonFields.Object(root, "actor") ?? default;
        var data = JsonFields.RequireObject(root, "data");
        var e = new HelpdeskEvent
        {
            Source = "freshchat",
            Kind = HelpdeskEventKind.ChatUpdated,
            OccurredAt = JsonFields.RequireTime(root, "action_time"),
            Channel = "chat",
        };
        return action switch
        {
            "message_create" => Message(e, JsonFields.RequireObject(data, "message")),
            "conversation_assignment" => Assignment(e, JsonFields.RequireObject(data, "assignment")),
            "conversation_resolution" => WithConversation(e, JsonFields.RequireObject(data, "resolve"), HelpdeskEventKind.ChatResolved, "resolver"),
            "conversation_reopen" => WithConversation(e, JsonFields.RequireObject(data, "reopen"), HelpdeskEventKind.ChatReopened, "reopener"),
            // Other actions (user_create, …) are history; the actor's id is all they share.
            _ => e with { CustomerId = JsonFields.Text(actor, "actor_type", 20) == "user" ? JsonFields.Id(actor, "actor_id") : null },
        };
    }

    private static HelpdeskEvent Message(HelpdeskEvent e, JsonElement message)
    {
        if (!HasParts(message, "message_parts") && !HasParts(message, "msg_parts"))
        {
            throw new PayloadException("'data.message' must carry 'message_parts' (or the older 'msg_parts') as an array.");
        }
        var actorType = JsonFields.RequireText(message, "actor_type", 20).ToLowerInvariant();
        var actorId = JsonFields.Id(message, "actor_id");
        e = e with
        {
            MessageId = JsonFields.RequireId(message, "id"),
            ConversationId = JsonFields.RequireId(message, "conversation_id"),
            OccurredAt = JsonFields.Time(message, "created_time") ?? e.OccurredAt,
            CustomerId = JsonFields.Id(message, "user_id"),
        };
        return actorType switch
        {
            "agent" => e with { Kind = HelpdeskEventKind.ChatAgentReplied, AgentId = actorId },
            "user" => e with { Kind = HelpdeskEventKind.ChatCustomerMessage, CustomerId = actorId ?? e.CustomerId },
            // Bots and system notices talk too; that is nobody's achievement.
            _ => e,
        };
    }

    private static HelpdeskEvent Assignment(HelpdeskEvent e, JsonElement assignment)
    {
        var conversation = JsonFields.RequireObject(assignment, "conversation");
        var agent = JsonFields.Id(assignment, "to_agent_id") ?? JsonFields.Id(conversation, "assigned_agent_id");
        e = Conversation(e, conversation);
        // Assigned to a group only: recorded, but no one was given the chat yet.
        return agent is null ? e : e with { Kind = HelpdeskEventKind.ChatAssigned, AgentId = agent };
    }

    private static HelpdeskEvent WithConversation(HelpdeskEvent e, JsonElement change, HelpdeskEventKind kind, string by)
    {
        var conversation = JsonFields.RequireObject(change, "conversation");
        e = Conversation(e, conversation) with { Kind = kind };
        var byType = JsonFields.Text(change, by, 20)?.ToLowerInvariant();
        var byId = JsonFields.Id(change, by + "_id");
        return e with
        {
            AgentId = JsonFields.Id(conversation, "assigned_agent_id") ?? (byType == "agent" ? byId : null),
            CustomerId = e.CustomerId ?? (byType == "user" ? byId : null),
        };
    }

    private static HelpdeskEvent Conversation(HelpdeskEvent e, JsonElement conversation) => e with
    {
        ConversationId = JsonFields.RequireId(conversation, "conversation_id"),
        CustomerId = JsonFields.Id(conversation, "user_id"),
        Group = JsonFields.Id(conversation, "assigned_group_id"),
    };

    private static bool HasParts(JsonElement message, string name) =>
        message.TryGetProperty(name, out var parts) && parts.ValueKind == JsonValueKind.Array;
}

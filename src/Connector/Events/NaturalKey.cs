using System.Globalization;

namespace HelpdeskGamify.Connector.Events;

/// <summary>
/// The identity of a fact regardless of how it was delivered. Helpdesks resend the same fact under
/// new delivery ids, and Zendesk can report one solve through both a trigger and an event
/// webhook, so the key names the helpdesk family rather than the route, and uses minute precision
/// because trigger placeholders carry no seconds.
/// </summary>
public static class NaturalKey
{
    /// <summary>Builds the key the inbox deduplicates on (a <see cref="SequenceKey"/> for facts known only by their place in a sequence).</summary>
    public static string For(HelpdeskEvent e)
    {
        if (SequenceKey.Scope(e) is { } scope)
        {
            return SequenceKey.For(e, scope);
        }
        var family = e.Source switch
        {
            "zendesk" or "zendesk-messaging" => "zendesk",
            "freshdesk" or "freshchat" => "freshworks",
            "api" or "import" => "api",
            _ => e.Source,
        };
        var isMessage = e.Kind is HelpdeskEventKind.ChatAgentReplied or HelpdeskEventKind.ChatCustomerMessage;
        var subject = isMessage && e.ConversationId is not null ? "c:" + e.ConversationId
            : e.TicketId is not null ? "t:" + e.TicketId
            : e.ConversationId is not null ? "c:" + e.ConversationId
            : "p:" + (e.AgentId ?? e.CustomerId ?? "");
        var minute = e.OccurredAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var detail = e.Kind switch
        {
            _ when e.EventType is not null => CustomEventKeys.Detail(e),
            // One message can reach us through two routes (Zendesk's messaging_ticket event and Sunshine
            // Conversations); its message id joins them, but only when the event names the person it
            // credits, so that an anonymous copy cannot shadow the one that names the agent.
            _ when isMessage && e.MessageId is not null && Credited(e) is not null => "m:" + e.MessageId,
            // A ticket reply known by its comment id (Zendesk's comment_added webhook and the ticket events export both name it).
            HelpdeskEventKind.TicketAgentReplied when e.MessageId is not null && e.AgentId is not null => "m:" + e.MessageId,
            // Messages and replies repeat within a minute; only the provider's id tells them apart.
            HelpdeskEventKind.TicketAgentReplied or HelpdeskEventKind.ChatAgentReplied
                or HelpdeskEventKind.ChatCustomerMessage or HelpdeskEventKind.TicketUpdated
                or HelpdeskEventKind.ParticipantUpdated or HelpdeskEventKind.ChatUpdated => e.SourceEventId ?? minute,
            HelpdeskEventKind.TicketAssigned or HelpdeskEventKind.ChatAssigned => minute + ":" + e.AgentId,
            HelpdeskEventKind.SatisfactionRated => minute + ":" + e.Rating,
            _ => minute,
        };
        var key = string.Join('|', family, e.Kind.ToString(), subject, detail);
        return e.EventType is not null ? CustomEventKeys.Bounded(key) : key;
    }

    private static string? Credited(HelpdeskEvent e) =>
        e.Kind == HelpdeskEventKind.ChatAgentReplied ? e.AgentId : e.CustomerId;
}

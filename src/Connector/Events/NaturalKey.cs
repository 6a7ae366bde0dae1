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
    /// <summary>Builds the key the inbox deduplicates on.</summary>
    public static string For(HelpdeskEvent e)
    {
        var family = e.Source switch
        {
            "zendesk" or "zendesk-messaging" => "zendesk",
            "freshdesk" or "freshchat" => "freshworks",
            _ => e.Source,
        };
        var subject = e.TicketId is not null ? "t:" + e.TicketId
            : e.ConversationId is not null ? "c:" + e.ConversationId
            : "p:" + (e.AgentId ?? e.CustomerId ?? "");
        var minute = e.OccurredAt.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        var detail = e.Kind switch
        {
            // Messages and replies repeat within a minute; only the provider's id tells them apart.
            HelpdeskEventKind.TicketAgentReplied or HelpdeskEventKind.ChatAgentReplied
                or HelpdeskEventKind.ChatCustomerMessage or HelpdeskEventKind.TicketUpdated
                or HelpdeskEventKind.ParticipantUpdated => e.SourceEventId ?? minute,
            HelpdeskEventKind.TicketAssigned => minute + ":" + e.AgentId,
            HelpdeskEventKind.SatisfactionRated => minute + ":" + e.Rating,
            _ => minute,
        };
        return string.Join('|', family, e.Kind.ToString(), subject, detail);
    }
}

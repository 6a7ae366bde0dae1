using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Events;

/// <summary>
/// The identity of a fact regardless of how it was delivered. Helpdesks resend the same fact under
/// new delivery ids, and Zendesk can report one solve through both a trigger and an event
/// webhook, so the key names the helpdesk family rather than the route, and uses minute precision
/// because trigger placeholders carry no seconds.
/// </summary>
public static class NaturalKey
{
    /// <summary>How long after a Freshdesk automation delivery an identical one counts as its retry (Freshdesk retries at +5, +30 and +60 minutes).</summary>
    public static readonly TimeSpan FreshdeskRetryWindow = TimeSpan.FromHours(2);

    private const string StampFormat = "yyyyMMddHHmmssfff";

    /// <summary>Builds the key the inbox deduplicates on.</summary>
    public static string For(HelpdeskEvent e)
    {
        if (IsFreshdeskAutomation(e))
        {
            return FreshdeskScope(e) + Stamp(e.OccurredAt) + "|" + FreshdeskFingerprint(e);
        }
        var family = e.Source switch
        {
            "zendesk" or "zendesk-messaging" => "zendesk",
            "freshdesk" or "freshchat" => "freshworks",
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
            // One message can reach us through two routes (Zendesk's messaging_ticket event and Sunshine
            // Conversations); its message id joins them, but only when the event names the person it
            // credits, so that an anonymous copy cannot shadow the one that names the agent.
            _ when isMessage && e.MessageId is not null && Credited(e) is not null => "m:" + e.MessageId,
            // Messages and replies repeat within a minute; only the provider's id tells them apart.
            HelpdeskEventKind.TicketAgentReplied or HelpdeskEventKind.ChatAgentReplied
                or HelpdeskEventKind.ChatCustomerMessage or HelpdeskEventKind.TicketUpdated
                or HelpdeskEventKind.ParticipantUpdated or HelpdeskEventKind.ChatUpdated => e.SourceEventId ?? minute,
            // A chat starts once, however many of its opening events (create, join, hand-over to agents) we hear.
            HelpdeskEventKind.ChatStarted when e.ConversationId is not null => "start",
            HelpdeskEventKind.TicketAssigned or HelpdeskEventKind.ChatAssigned => minute + ":" + e.AgentId,
            HelpdeskEventKind.SatisfactionRated => minute + ":" + e.Rating,
            _ => minute,
        };
        return string.Join('|', family, e.Kind.ToString(), subject, detail);
    }

    /// <summary>
    /// For a Freshdesk automation delivery, the key prefix shared by every delivery about the same
    /// ticket; the inbox treats a delivery as a retry when the latest key under this prefix within
    /// <see cref="FreshdeskRetryWindow"/> carries the same fingerprint. Null for every other event.
    /// </summary>
    public static string? RetryScope(HelpdeskEvent e) => IsFreshdeskAutomation(e) ? FreshdeskScope(e) : null;

    /// <summary>The timestamp part of a retry-scoped key, so that a range of keys is a range of time.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>The largest stamp, closing a key range.</summary>
    public static string MaxStamp { get; } = new('9', StampFormat.Length);

    /// <summary>What follows the stamp in a retry-scoped key: the kind and the fingerprint of the content.</summary>
    public static string? RetryFingerprint(string key, string scope) =>
        key.StartsWith(scope, StringComparison.Ordinal) && key.Length > scope.Length + StampFormat.Length
            ? key[(scope.Length + StampFormat.Length)..] : null;

    private static string? Credited(HelpdeskEvent e) =>
        e.Kind == HelpdeskEventKind.ChatAgentReplied ? e.AgentId : e.CustomerId;

    // Freshdesk's template carries no delivery id and no time: its facts are known only by content.
    private static bool IsFreshdeskAutomation(HelpdeskEvent e) =>
        e.Source == "freshdesk" && e.SourceEventId is null && e.TicketId is not null
        && e.Kind is HelpdeskEventKind.TicketCreated or HelpdeskEventKind.TicketSolved
            or HelpdeskEventKind.TicketReopened or HelpdeskEventKind.TicketAgentReplied;

    private static string FreshdeskScope(HelpdeskEvent e) => "freshdesk|t:" + e.TicketId + "|";

    private static string FreshdeskFingerprint(HelpdeskEvent e)
    {
        var content = string.Join('\u001f', e.Kind, e.AgentId, e.CustomerId, e.Priority, e.Channel, e.Group, string.Join(',', e.Tags));
        return e.Kind + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
    }
}

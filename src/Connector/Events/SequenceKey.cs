using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskGamify.Connector.Events;

/// <summary>
/// Keys for facts that carry no id of their own and can truly happen again, so that neither "same
/// id" nor "same minute" identifies them: they are known by their place in the sequence of one
/// subject. Such a key is <c>{scope}{stamp}|{fingerprint}</c>, and the inbox treats a fact as a
/// duplicate when the latest key of its scope, stamped within <see cref="Window"/> before it, has the same
/// fingerprint — a repeat with nothing else in between.
/// </summary>
public static class SequenceKey
{
    /// <summary>Freshdesk retries a failed delivery at +5, +30 and +60 minutes.</summary>
    public static readonly TimeSpan FreshdeskRetryWindow = TimeSpan.FromHours(2);

    /// <summary>A Zendesk messaging conversation lives on across sessions; a session left open this long without an end counts as abandoned.</summary>
    public static readonly TimeSpan ChatSessionWindow = TimeSpan.FromHours(24);

    private const string StampFormat = "yyyyMMddHHmmssfff";

    /// <summary>The scope of a sequence-keyed fact, or null for facts keyed the ordinary way.</summary>
    public static string? Scope(HelpdeskEvent e) => e switch
    {
        // Freshdesk's template carries no delivery id and no time: its facts are known only by content.
        { Source: "freshdesk", SourceEventId: null, TicketId: { } ticket,
          Kind: HelpdeskEventKind.TicketCreated or HelpdeskEventKind.TicketSolved or HelpdeskEventKind.TicketReopened or HelpdeskEventKind.TicketAgentReplied }
            => "freshdesk|t:" + ticket + "|",
        // Sunshine has no session id: a chat session starts with the first start after an end, however
        // many opening events (create, join, hand-over to agents) report it, and ends once.
        { Source: "zendesk-messaging", ConversationId: { } conversation, Kind: HelpdeskEventKind.ChatStarted or HelpdeskEventKind.ChatResolved }
            => "zendesk-messaging|c:" + conversation + "|",
        _ => null,
    };

    /// <summary>How far back the inbox looks for the previous fact of the scope.</summary>
    public static TimeSpan Window(HelpdeskEvent e) => e.Source == "freshdesk" ? FreshdeskRetryWindow : ChatSessionWindow;

    /// <summary>The key of a fact in <paramref name="scope"/>.</summary>
    public static string For(HelpdeskEvent e, string scope) => scope + Stamp(e.OccurredAt) + "|" + Fingerprint(e);

    /// <summary>The timestamp part of a key, fixed-width so that a range of keys is a range of time.</summary>
    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture);

    /// <summary>What follows the stamp in a key of <paramref name="scope"/>; null when the key is not one.</summary>
    public static string? FingerprintOf(string key, string scope) =>
        key.StartsWith(scope, StringComparison.Ordinal) && key.Length > scope.Length + StampFormat.Length
            ? key[(scope.Length + StampFormat.Length)..] : null;

    private static string Fingerprint(HelpdeskEvent e)
    {
        if (e.Source != "freshdesk")
        {
            return e.Kind.ToString();
        }
        var content = string.Join('\u001f', e.Kind, e.AgentId, e.CustomerId, e.Priority, e.Channel, e.Group, string.Join(',', e.Tags));
        return e.Kind + "|" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
    }
}

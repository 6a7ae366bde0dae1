using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// Builds inbox rows from normalized events the way <see cref="WebhookReceiver"/> does, for facts
/// imported from a helpdesk API, so that both dedupe against each other by <see cref="NaturalKey"/>.
/// </summary>
public static class InboxItems
{
    /// <summary>The inbox row for <paramref name="e"/>, delivered under <paramref name="deliveryId"/>.</summary>
    public static InboxItem Of(string tenantId, string source, string deliveryId, HelpdeskEvent e, byte[] rawBody, string headersJson, DateTimeOffset receivedAt) =>
        new(tenantId, source, deliveryId, NaturalKey.For(e), e.Kind.ToString(), e.OccurredAt.ToUnixTimeMilliseconds(),
            receivedAt.ToUnixTimeMilliseconds(), EventJson.Serialize(e), rawBody, headersJson)
        {
            SequenceScope = SequenceKey.Scope(e),
            SequenceWindow = SequenceKey.Window(e),
        };
}

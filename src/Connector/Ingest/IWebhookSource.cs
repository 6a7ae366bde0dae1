using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// What differs between the webhook routes: how a sender proves who it is and how its body reads.
/// Everything else (limits, dedupe, durability, answers) is the same for all and lives in <see cref="WebhookReceiver"/>.
/// </summary>
public interface IWebhookSource
{
    /// <summary>The route segment and inbox source name: zendesk, zendesk-messaging, freshdesk, freshchat.</summary>
    string Name { get; }

    /// <summary>Request headers worth keeping with the raw body (never secrets).</summary>
    IReadOnlyList<string> KeptHeaders { get; }

    /// <summary>Whether the request proves it comes from this tenant's helpdesk. Must run in constant time over secrets.</summary>
    bool Authenticate(Tenant tenant, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now);

    /// <summary>
    /// The facts in the body; throws <see cref="PayloadException"/> naming what is wrong.
    /// <paramref name="receivedAt"/> is when the delivery arrived (the original arrival when a dead letter is replayed),
    /// for senders whose bodies carry no time of their own.
    /// </summary>
    IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt);

    /// <summary>The provider's delivery id from headers, when the body has none of its own.</summary>
    string? DeliveryId(HttpRequest request);
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.ZendeskMessaging;

/// <summary>
/// <c>POST /webhooks/zendesk-messaging/{tenant}</c>: Sunshine Conversations v2 webhooks. They are not
/// signed; the integration sends its key in <c>X-API-Key</c>, compared in constant time.
/// </summary>
public sealed class ZendeskMessagingWebhookSource : IWebhookSource
{
    /// <summary>The header carrying the integration's key.</summary>
    public const string ApiKeyHeader = "X-API-Key";

    /// <inheritdoc />
    public string Name => "zendesk-messaging";

    /// <inheritdoc />
    public IReadOnlyList<string> KeptHeaders { get; } = ["Content-Type", "User-Agent"];

    /// <inheritdoc />
    public bool Authenticate(Tenant tenant, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        SecretComparer.Matches(tenant.Settings.Zendesk?.MessagingApiKey, request.Headers[ApiKeyHeader].ToString());

    /// <inheritdoc />
    public IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) => SunshinePayloadParser.Parse(body);

    /// <inheritdoc />
    // Every event in the body has its own id, which is what dedupes; the body hash is only a fallback.
    public string? DeliveryId(HttpRequest request) => null;
}

using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Zendesk;

/// <summary><c>POST /webhooks/zendesk/{tenant}</c>: HMAC-signed event and trigger webhooks.</summary>
public sealed class ZendeskWebhookSource : IWebhookSource
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Zendesk-Webhook-Signature";

    /// <summary>The signed timestamp header.</summary>
    public const string TimestampHeader = "X-Zendesk-Webhook-Signature-Timestamp";

    /// <summary>Zendesk's id for one invocation of a webhook, the same across its retries.</summary>
    public const string InvocationIdHeader = "X-Zendesk-Webhook-Invocation-Id";

    /// <inheritdoc />
    public string Name => "zendesk";

    /// <inheritdoc />
    public IReadOnlyList<string> KeptHeaders { get; } =
        ["Content-Type", "User-Agent", TimestampHeader, "X-Zendesk-Webhook-Id", InvocationIdHeader];

    /// <inheritdoc />
    public bool Authenticate(Tenant tenant, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        // A tenant without a secret still costs one HMAC, so timing does not tell configured tenants apart.
        var secret = tenant.Settings.Zendesk?.WebhookSigningSecret;
        var valid = ZendeskSignature.Verify(secret ?? "no-secret-configured", request.Headers[TimestampHeader], body, request.Headers[SignatureHeader], now);
        // The trigger-connected webhook has its own secret (see ZendeskSettings); both are always checked.
        var triggerSecret = tenant.Settings.Zendesk?.TriggerWebhookSigningSecret;
        var validTrigger = ZendeskSignature.Verify(triggerSecret ?? "no-secret-configured", request.Headers[TimestampHeader], body, request.Headers[SignatureHeader], now);
        return (valid && secret is not null) | (validTrigger && triggerSecret is not null);
    }

    /// <inheritdoc />
    public IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) => ZendeskPayloadParser.Parse(body);

    /// <inheritdoc />
    public string? DeliveryId(HttpRequest request)
    {
        var id = request.Headers[InvocationIdHeader].ToString();
        return id.Length is > 0 and <= 200 ? id : null;
    }
}

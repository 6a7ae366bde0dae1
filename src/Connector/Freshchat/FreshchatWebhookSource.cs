using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Freshchat;

/// <summary>
/// <c>POST /webhooks/freshchat/{tenant}</c>: Freshchat webhooks, signed with Freshchat's private key;
/// <c>X-Freshchat-Signature</c> is verified with the public key the tenant pasted from the Freshchat admin.
/// </summary>
public sealed class FreshchatWebhookSource(FreshchatKeys keys) : IWebhookSource
{
    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "X-Freshchat-Signature";

    /// <inheritdoc />
    public string Name => "freshchat";

    /// <inheritdoc />
    public IReadOnlyList<string> KeptHeaders { get; } = ["Content-Type", "User-Agent"];

    /// <inheritdoc />
    public bool Authenticate(Tenant tenant, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now) =>
        keys.Verify(tenant.Id, tenant.Settings.Freshdesk?.FreshchatPublicKey, body, request.Headers[SignatureHeader].ToString());

    /// <inheritdoc />
    public IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) => [FreshchatPayloadParser.Parse(body)];

    /// <inheritdoc />
    // Freshchat sends no delivery id; a retry is the same body, so the body hash is the delivery id.
    public string? DeliveryId(HttpRequest request) => null;
}

using System.Net.Http.Headers;
using System.Text;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;

namespace HelpdeskGamify.Connector.Freshdesk;

/// <summary>
/// <c>POST /webhooks/freshdesk/{tenant}</c>: Freshdesk automation rules ("Trigger webhook") sending our
/// template. Freshdesk cannot sign, so the rule carries the tenant's token, either in
/// <c>X-Webhook-Token</c> or as the password of Basic authentication.
/// </summary>
public sealed class FreshdeskWebhookSource : IWebhookSource
{
    /// <summary>The header carrying the token.</summary>
    public const string TokenHeader = "X-Webhook-Token";

    /// <inheritdoc />
    public string Name => "freshdesk";

    /// <inheritdoc />
    public IReadOnlyList<string> KeptHeaders { get; } = ["Content-Type", "User-Agent"];

    /// <inheritdoc />
    public bool Authenticate(Tenant tenant, HttpRequest request, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var expected = tenant.Settings.Freshdesk?.WebhookToken;
        var header = request.Headers[TokenHeader].ToString();
        // Both forms are always compared, so which one a request uses does not change the time taken.
        var byHeader = SecretComparer.Matches(expected, header.Length > 0 ? header : null);
        var byBasic = SecretComparer.Matches(expected, BasicPassword(request.Headers.Authorization.ToString()));
        return byHeader | byBasic;
    }

    /// <inheritdoc />
    public IReadOnlyList<HelpdeskEvent> Parse(ReadOnlyMemory<byte> body, DateTimeOffset receivedAt) =>
        [FreshdeskPayloadParser.Parse(body, receivedAt)];

    /// <inheritdoc />
    // Freshdesk sends no delivery id, and the same body can be a new fact (a ticket resolved again),
    // so every arrival gets its own id; retries are recognised by content instead (SequenceKey).
    public string? DeliveryId(HttpRequest request) => "arrival:" + Guid.NewGuid().ToString("n");

    private static string? BasicPassword(string authorization)
    {
        if (!AuthenticationHeaderValue.TryParse(authorization, out var value)
            || !"Basic".Equals(value.Scheme, StringComparison.OrdinalIgnoreCase)
            || value.Parameter is not { Length: > 0 and <= 1024 } encoded)
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 ? decoded[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

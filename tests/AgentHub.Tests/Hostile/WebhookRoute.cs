using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpdeskGamify.Connector.Ingest;
using HelpdeskGamify.Connector.Zendesk;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

/// <summary>How a hostile case wants the request signed.</summary>
public sealed record Signing(bool Omit = false, bool WrongSecret = false, TimeSpan? ClockOffset = null, string? RawTimestamp = null, Func<string, string>? TamperSignature = null);

/// <summary>
/// One webhook route, described once so that every hostile case, fuzzer and isolation check runs
/// against it. A new route (zendesk-messaging, freshdesk, freshchat) plugs in with one entry in <see cref="All"/>.
/// </summary>
public sealed record WebhookRoute(
    string Name,
    bool HasTimestamp,
    Func<GameHost, string, Task<string>> CreateTenantAsync,
    Func<string, string, byte[], Signing, HttpRequestMessage> Sign,
    Func<string, JsonObject> ValidBody,
    WebhookFields Fields,
    IReadOnlyList<string> Fixtures)
{
    /// <summary>Every webhook route the host serves today.</summary>
    public static IReadOnlyList<WebhookRoute> All => [Zendesk];

    /// <summary>The route names, as xunit theory data.</summary>
    public static TheoryData<string> Names() => new(All.Select(r => r.Name));

    /// <summary>The route by name.</summary>
    public static WebhookRoute Named(string name) => All.Single(r => r.Name == name);

    /// <summary>The path for a tenant.</summary>
    public string Path(string tenant) => $"/webhooks/{Name}/{tenant}";

    /// <summary>A valid signed request for a body.</summary>
    public HttpRequestMessage SignedPost(string tenant, string secret, string body) => Sign(tenant, secret, Encoding.UTF8.GetBytes(body), new Signing());

    /// <summary><c>POST /webhooks/zendesk/{tenant}</c>, trigger template.</summary>
    public static WebhookRoute Zendesk { get; } = new(
        "zendesk",
        HasTimestamp: true,
        (host, tenant) => host.CreateZendeskTenantAsync(tenant),
        (tenant, secret, body, signing) =>
        {
            var request = JsonPost($"/webhooks/zendesk/{tenant}", body);
            if (signing.Omit)
            {
                return request;
            }
            var timestamp = signing.RawTimestamp ?? (DateTimeOffset.UtcNow + (signing.ClockOffset ?? TimeSpan.Zero)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            var signature = ZendeskSignature.Compute(signing.WrongSecret ? "wrong-" + secret : secret, timestamp, body);
            request.Headers.TryAddWithoutValidation(ZendeskWebhookSource.TimestampHeader, timestamp);
            request.Headers.TryAddWithoutValidation(ZendeskWebhookSource.SignatureHeader, signing.TamperSignature?.Invoke(signature) ?? signature);
            return request;
        },
        ticket => JsonNode.Parse(ZendeskWebhooks.Trigger("ticket.solved", ticket))!.AsObject(),
        new WebhookFields("event", "ticket_id", "requester_name", "tags", "group", "updated_at", "ticket.bankrupted"),
        ["zendesk/trigger-ticket-solved.json", "zendesk/trigger-unassigned-empty-values.json", "zendesk/event-ticket-status-changed.json",
         "zendesk/event-ticket-agent-assignment-changed.json", "zendesk/event-messaging-message-added.json", "zendesk/event-user-active-changed.json"]);

    /// <summary>A POST with a JSON content type and the given bytes.</summary>
    public static HttpRequestMessage JsonPost(string path, byte[] body) => new(HttpMethod.Post, path)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
    };

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>
/// Paths (slash-separated, array indexes as numbers) of the fields the hostile corpus attacks in a
/// route's valid body, and an event name the route does not know.
/// </summary>
public sealed record WebhookFields(string Event, string Id, string Name, string Tags, string Group, string? Time, string UnknownEvent);

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
    IReadOnlyList<string> Fixtures,
    bool SignsBody = true,
    IReadOnlySet<string>? AcceptsByDesign = null)
{
    /// <summary>Whether a hostile case may be answered 200 on this route because the route accepts it on purpose.</summary>
    public bool Accepts(string caseName) => AcceptsByDesign?.Contains(caseName) == true;

    /// <summary>Every webhook route the host serves today.</summary>
    public static IReadOnlyList<WebhookRoute> All => [Zendesk, ZendeskMessaging, Freshdesk, Freshchat];

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

    /// <summary><c>POST /webhooks/zendesk-messaging/{tenant}</c>: Sunshine Conversations, <c>X-API-Key</c>.</summary>
    public static WebhookRoute ZendeskMessaging { get; } = new(
        "zendesk-messaging",
        HasTimestamp: false,
        async (host, tenant) => "messaging-" + await host.CreateZendeskTenantAsync(tenant),
        (tenant, key, body, signing) => HeaderSigned($"/webhooks/zendesk-messaging/{tenant}", body, signing, "X-API-Key", key),
        id =>
        {
            var body = JsonNode.Parse(HelpdeskWebhooks.FixtureBody("zendesk-messaging/sunco-conversation-message.json"))!.AsObject();
            body["events"]![0]!["id"] = "evt-" + id;
            body["events"]![0]!["payload"]!["message"]!["id"] = "msg-" + id;
            return body;
        },
        new WebhookFields("events/0/type", "events/0/payload/conversation/id", "events/0/payload/message/author/displayName",
            "events/0/payload/message/author/userId", "events/0/payload/conversation/brandId", "events/0/createdAt", "conversation:bankrupted"),
        ["zendesk-messaging/sunco-conversation-message.json", "zendesk-messaging/sunco-multi-event.json"],
        SignsBody: false,
        // Sunshine sends many event types; ones we do not score are acknowledged, or it disables the webhook.
        AcceptsByDesign: new HashSet<string> { "unknown event type", "event is a number", "event is true", "id missing" });

    /// <summary><c>POST /webhooks/freshdesk/{tenant}</c>: automation template, <c>X-Webhook-Token</c>.</summary>
    public static WebhookRoute Freshdesk { get; } = new(
        "freshdesk",
        HasTimestamp: false,
        async (host, tenant) =>
        {
            var token = "fd-token-" + Guid.NewGuid().ToString("n");
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            await host.CreateFreshdeskTenantAsync(tenant, token, HelpdeskWebhooks.FreshchatPem(rsa));
            return token;
        },
        (tenant, token, body, signing) => HeaderSigned($"/webhooks/freshdesk/{tenant}", body, signing, "X-Webhook-Token", token),
        ticket =>
        {
            var body = JsonNode.Parse(HelpdeskWebhooks.FixtureBody("freshdesk/automation-ticket-resolved.json"))!.AsObject();
            body["ticket_id"] = ticket;
            return body;
        },
        new WebhookFields("event", "ticket_id", "requester_name", "tags", "group", null, "ticket.bankrupted"),
        ["freshdesk/automation-ticket-resolved.json", "freshdesk/automation-agent-replied.json", "freshdesk/automation-ticket-created-unassigned.json",
         "freshdesk/automation-ticket-reopened.json"],
        SignsBody: false);

    /// <summary><c>POST /webhooks/freshchat/{tenant}</c>: RSA-SHA256 signed; the "secret" here is the private key's PEM.</summary>
    public static WebhookRoute Freshchat { get; } = new(
        "freshchat",
        HasTimestamp: false,
        async (host, tenant) =>
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            await host.CreateFreshdeskTenantAsync(tenant, "fd-token-" + Guid.NewGuid().ToString("n"), HelpdeskWebhooks.FreshchatPem(rsa));
            return rsa.ExportRSAPrivateKeyPem();
        },
        (tenant, privateKey, body, signing) =>
        {
            var request = JsonPost($"/webhooks/freshchat/{tenant}", body);
            if (signing.Omit)
            {
                return request;
            }
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            if (!signing.WrongSecret)
            {
                rsa.ImportFromPem(privateKey);
            }
            var signature = Convert.ToBase64String(rsa.SignData(body, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1));
            request.Headers.TryAddWithoutValidation("X-Freshchat-Signature", signing.TamperSignature?.Invoke(signature) ?? signature);
            return request;
        },
        id =>
        {
            var body = JsonNode.Parse(HelpdeskWebhooks.FixtureBody("freshchat/message-create.json"))!.AsObject();
            body["data"]!["message"]!["id"] = "msg-" + id;
            return body;
        },
        new WebhookFields("action", "data/message/id", "data/message/actor_type", "data/message/actor_type", "data/message/actor_type", "action_time", "conversation_bankrupted"),
        ["freshchat/message-create.json", "freshchat/message-create-msg-parts.json", "freshchat/conversation-resolution.json",
         "freshchat/conversation-reopen.json", "freshchat/conversation-assignment.json"],
        // Freshchat has more actions than we score; unknown ones are acknowledged as activity.
        AcceptsByDesign: new HashSet<string> { "unknown event type", "event is a number", "event is true" });

    private static HttpRequestMessage HeaderSigned(string path, byte[] body, Signing signing, string header, string secret)
    {
        var request = JsonPost(path, body);
        if (!signing.Omit)
        {
            var value = signing.WrongSecret ? "wrong-" + secret : secret;
            request.Headers.TryAddWithoutValidation(header, signing.TamperSignature?.Invoke(value) ?? value);
        }
        return request;
    }

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

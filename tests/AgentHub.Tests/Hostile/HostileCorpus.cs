using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using HelpdeskGamify.TestSupport;

namespace HelpdeskGamify.AgentHub.Tests.Hostile;

/// <summary>
/// The hostile requests every webhook route must survive, generated from the route's descriptor:
/// authentication attacks, limits, content types, unreadable JSON and hostile values in fields.
/// </summary>
public static class HostileCorpus
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;
    private const HttpStatusCode Unreadable = HttpStatusCode.UnprocessableEntity;
    private const HttpStatusCode TooLarge = HttpStatusCode.RequestEntityTooLarge;
    private const HttpStatusCode NotJson = HttpStatusCode.UnsupportedMediaType;

    /// <summary>Strings that must be stored as plain text or refused, never interpreted.</summary>
    public static readonly IReadOnlyList<string> InjectionStrings =
    [
        "Robert'); DROP TABLE ledger;--",
        "' OR '1'='1",
        "1; DELETE FROM inbox WHERE 1=1",
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
        "{{7*7}} ${7*7} #{7*7}",
        "\u202Egnp.exe",
    ];

    /// <summary>The whole corpus.</summary>
    public static IReadOnlyList<HostileCase> Cases { get; } = Build();

    private static List<HostileCase> Build()
    {
        var cases = new List<HostileCase>
        {
            // Authentication: one answer (401) for every way of getting it wrong, nothing stored.
            new("no signature", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(Omit: true)), Unauthorized),
            new("wrong secret", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(WrongSecret: true)), Unauthorized),
            new("other tenant's secret", (r, c) => r.Sign(c.Tenant, c.OtherSecret, Valid(r, c), new Signing()), Unauthorized),
            new("own secret on other tenant's route", (r, c) => r.Sign(c.OtherTenant, c.Secret, Valid(r, c), new Signing()), Unauthorized),
            new("unknown tenant", (r, c) => r.Sign("no-such-tenant", c.Secret, Valid(r, c), new Signing()), Unauthorized),
            new("malformed tenant slug", (r, c) => r.Sign("ACME%20OR%201=1", c.Secret, Valid(r, c), new Signing()), Unauthorized),
            new("sql in tenant slug", (r, c) => r.Sign("acme'%3B%20DROP%20TABLE%20tenants%3B--", c.Secret, Valid(r, c), new Signing()), Unauthorized),
            new("signature truncated", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: s => s[..^4])), Unauthorized),
            new("signature empty", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: _ => "")), Unauthorized),
            new("signature 10 KB", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: _ => new string('A', 10_000))), Unauthorized),
            new("signature not base64", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: _ => "%%%%not-base64%%%%")), Unauthorized),
            new("signature bit flipped", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: FlipFirst)), Unauthorized),
            new("signature sent twice", (r, c) => r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(TamperSignature: s => s + "," + s)), Unauthorized),
            new("body changed after signing", (r, c) => !r.SignsBody ? null : Replace(r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing()), Valid(r, c)), Unauthorized),
            new("signature replayed on another body", (r, c) => r.SignsBody ? ReplayOn(r, c) : null, Unauthorized),
            new("stale timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(ClockOffset: TimeSpan.FromMinutes(-6))) : null, Unauthorized),
            new("very stale timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(ClockOffset: TimeSpan.FromDays(-400))) : null, Unauthorized),
            new("future timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(ClockOffset: TimeSpan.FromMinutes(6))) : null, Unauthorized),
            new("garbage timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(RawTimestamp: "yesterday")) : null, Unauthorized),
            new("epoch timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(RawTimestamp: "1700000000")) : null, Unauthorized),
            new("year 9999 timestamp", (r, c) => r.HasTimestamp ? r.Sign(c.Tenant, c.Secret, Valid(r, c), new Signing(RawTimestamp: "9999-12-31T23:59:59Z")) : null, Unauthorized),

            // Limits and content types.
            new("5 MB with Content-Length", (r, c) => r.Sign(c.Tenant, c.Secret, Huge(5), new Signing()), TooLarge),
            new("5 MB chunked", (r, c) => Chunked(r.Sign(c.Tenant, c.Secret, Huge(5), new Signing())), TooLarge),
            new("1 MiB + 1 byte", (r, c) => r.Sign(c.Tenant, c.Secret, Padded(1024 * 1024 + 1), new Signing()), TooLarge),
            new("no content type", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)), null), NotJson),
            new("text/plain", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)), "text/plain"), NotJson),
            new("form-urlencoded", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)), "application/x-www-form-urlencoded"), NotJson),
            new("multipart", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)), "multipart/form-data; boundary=x"), NotJson),
            new("application/xml", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, "<ticket id=\"1\"/>"), "application/xml"), NotJson),
            new("text/json-ish", (r, c) => WithType(r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)), "text/jsonx"), NotJson),

            // Authenticated but unreadable: 422 and a dead letter.
            new("empty body", (r, c) => r.Sign(c.Tenant, c.Secret, [], new Signing()), Unreadable),
            new("truncated JSON", (r, c) => r.SignedPost(c.Tenant, c.Secret, ValidText(r, c)[..20]), Unreadable),
            new("real unquoted Freshdesk body", (r, c) => r.Sign(c.Tenant, c.Secret, UnquotedFreshdesk(), new Signing()), Unreadable),
            new("root is an array", (r, c) => r.SignedPost(c.Tenant, c.Secret, "[" + ValidText(r, c) + "]"), Unreadable),
            new("root is a string", (r, c) => r.SignedPost(c.Tenant, c.Secret, "\"ticket.solved\""), Unreadable),
            new("root is a number", (r, c) => r.SignedPost(c.Tenant, c.Secret, "123456789"), Unreadable),
            new("root is null", (r, c) => r.SignedPost(c.Tenant, c.Secret, "null"), Unreadable),
            new("empty object", (r, c) => r.SignedPost(c.Tenant, c.Secret, "{}"), Unreadable),
            new("nesting 100 000 deep", (r, c) => r.SignedPost(c.Tenant, c.Secret, new string('[', 100_000) + new string(']', 100_000)), Unreadable),
            new("object nesting 64 deep in a field", (r, c) => Field(r, c, r.Fields.Group, Deep(64)), Unreadable),
            new("comments in JSON", (r, c) => r.SignedPost(c.Tenant, c.Secret, "/* hi */" + ValidText(r, c)), Unreadable),
            new("trailing garbage", (r, c) => r.SignedPost(c.Tenant, c.Secret, ValidText(r, c) + "}}}garbage"), Unreadable),
            new("invalid UTF-8", (r, c) => r.Sign(c.Tenant, c.Secret, [.. Encoding.UTF8.GetBytes("{\"event\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")], new Signing()), Unreadable),
            new("UTF-16 body", (r, c) => r.Sign(c.Tenant, c.Secret, Encoding.Unicode.GetBytes(ValidText(r, c)), new Signing()), Unreadable),
            new("unknown event type", (r, c) => Field(r, c, r.Fields.Event, r.Fields.UnknownEvent), Unreadable),
            new("event missing", (r, c) => Without(r, c, r.Fields.Event), Unreadable),
            new("id missing", (r, c) => Without(r, c, r.Fields.Id), Unreadable),
            new("id is an object", (r, c) => Field(r, c, r.Fields.Id, new JsonObject { ["$gt"] = "" }), Unreadable),
            new("id is an array", (r, c) => Field(r, c, r.Fields.Id, new JsonArray(1, 2)), Unreadable),
            new("id is 150 digits", (r, c) => Field(r, c, r.Fields.Id, JsonNode.Parse(new string('9', 150))), Unreadable),
            new("id with markup", (r, c) => Field(r, c, r.Fields.Id, "<b>1</b>"), Unreadable),
            new("id with SQL", (r, c) => Field(r, c, r.Fields.Id, "1 OR 1=1"), Unreadable),
            new("name is an object", (r, c) => Field(r, c, r.Fields.Name, new JsonObject { ["first"] = "x" }), Unreadable),
            new("name of 10 000 characters", (r, c) => Field(r, c, r.Fields.Name, new string('x', 10_000)), Unreadable),
            new("name with NUL", (r, c) => Field(r, c, r.Fields.Name, "Kari\u0000Nordmann"), Unreadable),
            new("name with escape sequences", (r, c) => Field(r, c, r.Fields.Name, "Kari\u001b[31mRed"), Unreadable),
            new("name with bell and backspace", (r, c) => Field(r, c, r.Fields.Name, "\u0007\u0008\u0008admin"), Unreadable),
            new("name with a lone surrogate escape", (r, c) => FieldRaw(r, c, r.Fields.Name, "\"Kari \\uD800\""), Unreadable),
            new("tags with a lone surrogate escape", (r, c) => FieldRaw(r, c, r.Fields.Tags, "\"vip \\uDFFF\""), Unreadable),
            new("event is a number", (r, c) => Field(r, c, r.Fields.Event, 1e308), Unreadable),
            new("event is true", (r, c) => Field(r, c, r.Fields.Event, true), Unreadable),
        };
        cases.Add(new("time is garbage", (r, c) => r.Fields.Time is { } t ? Field(r, c, t, "the day after tomorrow") : null, Unreadable));
        cases.Add(new("time is a huge number", (r, c) => r.Fields.Time is { } t ? Field(r, c, t, JsonNode.Parse("1e400")) : null, Unreadable));
        cases.Add(new("time is an object", (r, c) => r.Fields.Time is { } t ? Field(r, c, t, new JsonObject()) : null, Unreadable));
        // Hostile but well-formed text: stored verbatim as data (200) or refused (4xx), never executed.
        foreach (var (value, i) in InjectionStrings.Select((v, i) => (v, i)))
        {
            cases.Add(new($"injection #{i} in name", (r, c) => Field(r, c, r.Fields.Name, value), Ok, Unreadable));
            cases.Add(new($"injection #{i} in tags", (r, c) => Field(r, c, r.Fields.Tags, value), Ok, Unreadable));
            cases.Add(new($"injection #{i} in group", (r, c) => Field(r, c, r.Fields.Group, value), Ok, Unreadable));
        }
        return cases;
    }

    private static byte[] Valid(WebhookRoute route, CorpusContext context) => Encoding.UTF8.GetBytes(ValidText(route, context));

    private static string ValidText(WebhookRoute route, CorpusContext context) => route.ValidBody(context.NextTicket()).ToJsonString();

    private static HttpRequestMessage Field(WebhookRoute route, CorpusContext context, string path, JsonNode? value) =>
        route.SignedPost(context.Tenant, context.Secret, JsonPath.With(route.ValidBody(context.NextTicket()), path, value).ToJsonString());

    /// <summary>Puts raw JSON text at the field, for values no serializer would write (broken escapes).</summary>
    private static HttpRequestMessage FieldRaw(WebhookRoute route, CorpusContext context, string path, string rawJson)
    {
        const string Marker = "\"__raw_value__\"";
        var text = JsonPath.With(route.ValidBody(context.NextTicket()), path, "__raw_value__").ToJsonString();
        return route.SignedPost(context.Tenant, context.Secret, text.Replace(Marker, rawJson, StringComparison.Ordinal));
    }

    private static HttpRequestMessage Without(WebhookRoute route, CorpusContext context, string path) =>
        route.SignedPost(context.Tenant, context.Secret, JsonPath.With(route.ValidBody(context.NextTicket()), path, null, remove: true).ToJsonString());

    private static HttpRequestMessage ReplayOn(WebhookRoute route, CorpusContext context)
    {
        var original = route.Sign(context.Tenant, context.Secret, Valid(route, context), new Signing());
        return Replace(original, Valid(route, context));
    }

    /// <summary>Keeps the headers (signature, timestamp) and swaps the body for another one.</summary>
    private static HttpRequestMessage Replace(HttpRequestMessage signed, byte[] body)
    {
        var type = signed.Content!.Headers.ContentType;
        signed.Content = new ByteArrayContent(body) { Headers = { ContentType = type } };
        return signed;
    }

    private static HttpRequestMessage WithType(HttpRequestMessage request, string? contentType)
    {
        request.Content!.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        return request;
    }

    private static HttpRequestMessage Chunked(HttpRequestMessage request)
    {
        var bytes = request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        var type = request.Content.Headers.ContentType;
        request.Content = new StreamContent(new NoLengthStream(bytes)) { Headers = { ContentType = type } };
        request.Headers.TransferEncodingChunked = true;
        return request;
    }

    private static string FlipFirst(string signature) => (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

    private static byte[] Huge(int megabytes) => Padded(megabytes * 1024 * 1024);

    private static byte[] Padded(int size)
    {
        var prefix = Encoding.UTF8.GetBytes("{\"event\":\"ticket.solved\",\"pad\":\"");
        var bytes = new byte[size];
        bytes.AsSpan().Fill((byte)'x');
        prefix.CopyTo(bytes, 0);
        bytes[^2] = (byte)'"';
        bytes[^1] = (byte)'}';
        return bytes;
    }

    private static JsonNode Deep(int depth)
    {
        JsonNode node = "bottom";
        for (var i = 0; i < depth; i++)
        {
            node = new JsonObject { ["a"] = node };
        }
        return node;
    }

    private static byte[] UnquotedFreshdesk() =>
        Encoding.UTF8.GetBytes(string.Join('\n', Fixtures.Text("freshdesk/real-world-unquoted-invalid.txt").Split('\n').Where(l => !l.StartsWith('#'))).Trim());

    /// <summary>A stream that does not know its length, so the client must send it chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

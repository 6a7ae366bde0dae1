using System.Security.Cryptography;
using System.Text.Json;
using HelpdeskGamify.Connector.Events;
using HelpdeskGamify.Connector.Tenants;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.Ingest;

/// <summary>
/// The one path every webhook takes: size and type limits, authentication, parsing, a durable
/// idempotent insert, and only then the 200. No helpdesk calls, scoring or pushing happen here.
/// </summary>
public sealed class WebhookReceiver(
    TenantDirectory tenants,
    InboxWriter inbox,
    DeadLetterStore deadLetters,
    TimeProvider clock,
    ILogger<WebhookReceiver> logger)
{
    /// <summary>The largest body accepted (1 MiB).</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    private static readonly Tenant NoTenant = new("-", "-", "-", new TenantSettings(), []);

    /// <summary>Handles one delivery for <paramref name="source"/>.</summary>
    public async Task<Results<Ok<WebhookAnswer>, ProblemHttpResult>> ReceiveAsync(
        IWebhookSource source, string tenantId, HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return WebhookProblems.TooLarge();
        }
        if (!IsJson(request.ContentType))
        {
            return WebhookProblems.NotJson(request.ContentType);
        }
        var body = await ReadBodyAsync(request, ct);
        if (body is null)
        {
            return WebhookProblems.TooLarge();
        }

        using var activity = ConnectorTelemetry.Activities.StartActivity("webhook.ingest");
        activity?.SetTag("helpdeskgamify.source", source.Name);
        // Every log line of this delivery carries the tenant and the delivery id (never the body or headers).
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["TenantId"] = tenantId,
            ["Source"] = source.Name,
            ["DeliveryId"] = source.DeliveryId(request),
        });
        var now = clock.GetUtcNow();
        var tenant = await tenants.FindAsync(tenantId, ct);
        // Unknown tenants are checked against an empty one: same work, same answer, nothing to enumerate.
        var authenticated = source.Authenticate(tenant ?? NoTenant, request, body, now) && tenant is not null;
        if (!authenticated)
        {
            logger.LogInformation("Refused an unauthenticated {Source} webhook for tenant {Tenant}", source.Name, tenantId);
            return WebhookProblems.Unauthenticated();
        }

        var headers = KeptHeaders(source, request);
        IReadOnlyList<HelpdeskEvent> events;
        try
        {
            events = ParseAll(source, body, now);
        }
        catch (PayloadException ex)
        {
            await deadLetters.AddAsync(new DeadLetter
            {
                TenantId = tenant!.Id,
                Source = source.Name,
                Reason = ex.Message,
                RawBody = body,
                HeadersJson = headers,
                ReceivedAtMs = now.ToUnixTimeMilliseconds(),
            }, ct);
            logger.LogWarning("Dead-lettered a {Source} webhook for tenant {Tenant}: {Reason}", source.Name, tenant.Id, ex.Message);
            return WebhookProblems.Unreadable(ex.Message);
        }

        var items = ToInboxItems(source, tenant!.Id, source.DeliveryId(request), body, headers, events, now);
        activity?.SetTag("helpdeskgamify.tenant", tenant.Id);
        try
        {
            return TypedResults.Ok(await StoreAsync(items, ct));
        }
        catch (Exception ex) when (ex is InboxUnavailableException or TimeoutException)
        {
            // Zendesk and Freshdesk back off on Retry-After; without it some retry at once.
            request.HttpContext.Response.Headers.RetryAfter = WebhookProblems.RetryAfterSeconds;
            return WebhookProblems.Unavailable();
        }
    }

    /// <summary>
    /// Runs the current parser over a dead letter's stored body and headers (it was authenticated when it
    /// arrived) and stores the facts exactly as a live delivery would, dated by the original arrival.
    /// Throws <see cref="PayloadException"/> when the body still cannot be understood.
    /// </summary>
    public async Task<WebhookAnswer> ReplayAsync(IWebhookSource source, DeadLetter letter, CancellationToken ct)
    {
        var receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(letter.ReceivedAtMs);
        var events = ParseAll(source, letter.RawBody, receivedAt);
        var context = new DefaultHttpContext();
        foreach (var (name, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(letter.HeadersJson) ?? [])
        {
            context.Request.Headers[name] = value;
        }
        var items = ToInboxItems(source, letter.TenantId, source.DeliveryId(context.Request), letter.RawBody, letter.HeadersJson, events, receivedAt);
        return await StoreAsync(items, ct);
    }

    private static IReadOnlyList<HelpdeskEvent> ParseAll(IWebhookSource source, byte[] body, DateTimeOffset receivedAt)
    {
        var events = source.Parse(body, receivedAt);
        return events.Count > 0 ? events : throw new PayloadException("The delivery carries no event.");
    }

    private async Task<WebhookAnswer> StoreAsync(List<InboxItem> items, CancellationToken ct)
    {
        var results = await inbox.AppendAsync(items, ct);
        var accepted = results.Count(r => !r.Duplicate);
        ConnectorTelemetry.RecordIngested(items[0].TenantId, items[0].Source, accepted, results.Count - accepted);
        return new WebhookAnswer(accepted > 0 ? "accepted" : "duplicate", accepted, results.Count - accepted);
    }

    private static List<InboxItem> ToInboxItems(IWebhookSource source, string tenantId, string? headerDeliveryId, byte[] body,
        string headers, IReadOnlyList<HelpdeskEvent> events, DateTimeOffset now)
    {
        var deliveryId = headerDeliveryId ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body));
        var items = new List<InboxItem>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var id = e.SourceEventId ?? (events.Count == 1 ? deliveryId : $"{deliveryId}#{i}");
            items.Add(new InboxItem(tenantId, source.Name, id, NaturalKey.For(e), e.Kind.ToString(),
                e.OccurredAt.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), EventJson.Serialize(e), body, headers)
            {
                SequenceScope = SequenceKey.Scope(e),
                SequenceWindow = SequenceKey.Window(e),
            });
        }
        return items;
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase)
                && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        var buffer = new MemoryStream(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string KeptHeaders(IWebhookSource source, HttpRequest request)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in source.KeptHeaders)
        {
            var value = request.Headers[name].ToString();
            if (value.Length > 0)
            {
                kept[name] = value.Length > 500 ? value[..500] : value;
            }
        }
        return JsonSerializer.Serialize(kept);
    }
}

/// <summary>The 200 answer: accepted (at least one new fact stored) or duplicate (all seen before).</summary>
public sealed record WebhookAnswer(string Status, int Accepted, int Duplicates);

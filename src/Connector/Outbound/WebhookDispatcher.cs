using System.Diagnostics;
using System.Text;
using System.Text.Json;
using HelpdeskGamify.Connector.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HelpdeskGamify.Connector.Outbound;

/// <summary>
/// Delivers the outbox: fans new events out to subscriptions, sends due deliveries signed, and
/// schedules retries with backoff until the retry window closes. Runs on every node; leases and
/// conditional updates keep one delivery with one sender at a time.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookDeliveryStore deliveries,
    WebhookSubscriptionStore subscriptions,
    IHttpClientFactory httpClients,
    IOptions<OutboundWebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    /// <summary>The named <see cref="HttpClient"/> (no redirects, timeout, private targets refused).</summary>
    public const string HttpClientName = "outbound-webhooks";

    private const int FanOutBatch = 200;

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PollingLoop.RunAsync("Outbound webhook dispatch", RunOnceAsync, () => options.Value.PollInterval, clock, logger, stoppingToken);

    /// <summary>One round: fan out, then send what is due. True when there may be more work right away.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var fannedOut = await deliveries.FanOutAsync(now, FanOutBatch, ct);
        var limit = Math.Max(1, o.MaxConcurrency) * 4;
        var due = await deliveries.ClaimDueAsync(now, now + (long)(o.Timeout.TotalMilliseconds * 2), limit, ct);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.MaxConcurrency), CancellationToken = ct },
            async (d, token) => await DeliverAsync(d, token));
        return fannedOut == FanOutBatch || due.Count == limit;
    }

    private async Task DeliverAsync(DueDelivery d, CancellationToken ct)
    {
        var o = options.Value;
        var result = await SendAsync(d, ct);
        var now = clock.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        long? next = null;
        if (!result.Success)
        {
            var windowOpen = nowMs - d.WindowStartMs < o.RetryWindow.TotalMilliseconds;
            next = windowOpen ? nowMs + (long)RetrySchedule.Delay((int)d.Attempts + 1, o.RetryBaseDelay, o.MaxRetryDelay, Random.Shared.NextDouble()).TotalMilliseconds : null;
            logger.LogInformation("Webhook delivery {Delivery} to subscription {Subscription} of tenant {Tenant} failed ({Result}); {Next}",
                d.Id, d.SubscriptionId, d.TenantId, result.Describe(), next is null ? "giving up" : "will retry");
        }
        var paused = await deliveries.RecordAsync(d, result, nowMs, next, nowMs - (long)o.PauseAfter.TotalMilliseconds, CancellationToken.None);
        if (paused)
        {
            logger.LogWarning("Paused webhook subscription {Subscription} of tenant {Tenant}: no successful delivery for {PauseAfter}. Resume it with POST /api/admin/tenants/{Tenant}/subscriptions/{Subscription}/resume.",
                d.SubscriptionId, d.TenantId, o.PauseAfter, d.TenantId, d.SubscriptionId);
        }
    }

    private async Task<AttemptResult> SendAsync(DueDelivery d, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var body = Body(d);
            using var request = new HttpRequestMessage(HttpMethod.Post, d.Url)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscriptions.Unprotect(d.SecretProtected), clock.GetUtcNow(), body));
            request.Headers.Add("X-HelpdeskGamify-Event", d.EventType);
            request.Headers.Add("X-HelpdeskGamify-Event-Id", EventId(d));
            request.Headers.Add("X-HelpdeskGamify-Delivery", d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var code = (int)response.StatusCode;
            return new AttemptResult(code, code is >= 300 and < 400 ? "Redirects are not followed." : null, watch.ElapsedMilliseconds);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, $"Timed out after {options.Value.Timeout.TotalSeconds:0.#} s.", watch.ElapsedMilliseconds);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Security.Cryptography.CryptographicException or InvalidOperationException or UriFormatException)
        {
            return new AttemptResult(null, Truncate(ex.Message), watch.ElapsedMilliseconds);
        }
    }

    /// <summary>The body: the same bytes on every attempt, so a receiver can deduplicate on <c>id</c> and verify the signature.</summary>
    public static string Body(DueDelivery d)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", EventId(d));
            json.WriteString("type", d.EventType);
            json.WriteString("tenant", d.TenantId);
            json.WriteString("createdAt", DateTimeOffset.FromUnixTimeMilliseconds(d.EventCreatedAtMs));
            json.WritePropertyName("data");
            json.WriteRawValue(d.PayloadJson);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string EventId(DueDelivery d) => "evt_" + d.EventId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length > 500 ? text[..500] : text;
}

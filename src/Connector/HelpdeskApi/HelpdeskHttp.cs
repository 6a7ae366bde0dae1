using Flurl.Http;
using Microsoft.Extensions.Logging;

namespace HelpdeskGamify.Connector.HelpdeskApi;

/// <summary>
/// Sends one helpdesk API call with bounded retries: 429 and 5xx wait for <c>Retry-After</c>
/// (or an exponential backoff with jitter when it is missing), timeouts and network errors back
/// off too, except for POST: a create that timed out or failed on the server may have happened,
/// so only a 429 (refused before any work) is retried there. Failures surface as <see cref="HelpdeskApiException"/>, whose message carries no
/// credentials; Flurl's own messages and exceptions are never logged.
/// </summary>
public sealed class HelpdeskHttp(string provider, HelpdeskApiOptions options, TimeProvider clock, ILogger logger)
{
    /// <summary>
    /// Sends the request <paramref name="build"/> makes (a fresh one per attempt) and returns the
    /// successful answer. <paramref name="label"/> names the call in logs and errors (a path, no query).
    /// </summary>
    public async Task<ApiResponse> SendAsync(string label, Func<IFlurlRequest> build, HttpMethod method, object? json, CancellationToken ct)
    {
        var idempotent = method != HttpMethod.Post;
        for (var attempt = 1; ; attempt++)
        {
            var request = build().WithTimeout(options.Timeout).AllowAnyHttpStatus();
            HttpResponseMessage response;
            try
            {
                response = json is null
                    ? await request.SendAsync(method, null, ct, HttpCompletionOption.ResponseContentRead)
                    : await request.SendJsonAsync(method, json, ct, HttpCompletionOption.ResponseContentRead);
            }
            catch (FlurlHttpException ex) when (!ct.IsCancellationRequested)
            {
                var what = ex is FlurlHttpTimeoutException ? "timed out" : "no response";
                if (attempt >= options.MaxAttempts || !idempotent)
                {
                    throw new HelpdeskApiException(provider, method.Method, label, 0, $"{what} after {attempt} attempts");
                }
                await WaitAsync(label, method, what, Backoff(attempt), attempt, ct);
                continue;
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    var body = await response.Content.ReadAsStringAsync(ct);
                    var next = response.Headers.TryGetValues("Link", out var links) ? LinkHeader.Next(links) : null;
                    return new ApiResponse(status, body, next);
                }
                var retryable = status == 429 || (status >= 500 && idempotent);
                var retryAfter = RetryAfter(response);
                if (!retryable || attempt >= options.MaxAttempts)
                {
                    throw new HelpdeskApiException(provider, method.Method, label, status,
                        retryable ? $"gave up after {attempt} attempts" : "not retried") { RetryAfter = retryAfter };
                }
                var delay = retryAfter ?? Backoff(attempt);
                if (delay > options.MaxRetryDelay)
                {
                    // The caller may still honour it later (write-back jobs reschedule themselves for then).
                    throw new HelpdeskApiException(provider, method.Method, label, status,
                        $"asked to wait {delay.TotalSeconds:0}s, longer than the {options.MaxRetryDelay.TotalSeconds:0}s allowed") { RetryAfter = delay };
                }
                await WaitAsync(label, method, "HTTP " + status, delay, attempt, ct);
            }
        }
    }

    private async Task WaitAsync(string label, HttpMethod method, string what, TimeSpan delay, int attempt, CancellationToken ct)
    {
        logger.LogInformation("{Provider} API {Method} {Path}: {What} on attempt {Attempt}; retrying in {DelayMs} ms",
            provider, method.Method, label, what, attempt, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, clock, ct);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }

    /// <summary>Exponential backoff with "equal jitter": half fixed, half random, capped.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var ceiling = Math.Min(options.MaxRetryDelay.TotalMilliseconds,
            options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 20)));
#pragma warning disable CA5394 // Jitter spreads retries apart; it protects nothing.
        var jitter = Random.Shared.NextDouble();
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * jitter);
    }
}

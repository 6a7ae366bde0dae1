using System.Diagnostics;
using System.Text;
using Flurl.Http;
using HelpdeskGamify.Connector.HelpdeskApi;
using HelpdeskGamify.Connector.Tests.Fakes;
using HelpdeskGamify.Connector.Zendesk;

namespace HelpdeskGamify.Connector.Tests.HelpdeskApi;

#pragma warning disable CA1001 // xUnit disposes the fields through IAsyncLifetime.DisposeAsync.
public sealed class HelpdeskHttpTests : IAsyncLifetime
{
    private readonly FakeZendesk _fake = new();
    private readonly ListLogger _log = new();
    private FlurlClient _client = null!;

    public async Task InitializeAsync()
    {
        await _fake.StartAsync();
        _fake.Groups.Add((20, "Tier 1"));
        _client = new FlurlClient(_fake.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fake.DisposeAsync();
    }

    private HelpdeskHttp Http(int maxAttempts = 4, TimeSpan? maxDelay = null, TimeSpan? timeout = null) =>
        new("Zendesk", new ZendeskOptions
        {
            MaxAttempts = maxAttempts,
            RetryBaseDelay = TimeSpan.FromMilliseconds(40),
            MaxRetryDelay = maxDelay ?? TimeSpan.FromSeconds(5),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        }, TimeProvider.System, _log);

    private IFlurlRequest Groups() => _client.Request("api", "v2", "groups").WithBasicAuth(FakeZendesk.Email + "/token", FakeZendesk.ApiToken);

    [Fact]
    public async Task A_429_with_Retry_After_waits_that_long_then_succeeds()
    {
        _fake.Throttle("/api/v2/groups", 1, retryAfterSeconds: 1);

        var response = await Http().SendAsync("/api/v2/groups", Groups, HttpMethod.Get, null, CancellationToken.None);

        Assert.Contains("Tier 1", response.Body, StringComparison.Ordinal);
        var calls = _fake.To("GET", "/api/v2/groups");
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"waited only {(calls[1].At - calls[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_429_without_Retry_After_backs_off_exponentially()
    {
        _fake.Throttle("/api/v2/groups", 2, retryAfterSeconds: null);

        await Http().SendAsync("/api/v2/groups", Groups, HttpMethod.Get, null, CancellationToken.None);

        var calls = _fake.To("GET", "/api/v2/groups");
        Assert.Equal(3, calls.Count);
        // Equal jitter: the first wait is 20–40 ms, the second 40–80 ms.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(15));
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(35));
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_failure_names_no_credentials()
    {
        _fake.Throttle("/api/v2/groups", 10, retryAfterSeconds: 0);

        var ex = await Assert.ThrowsAsync<HelpdeskApiException>(() => Http(maxAttempts: 3).SendAsync("/api/v2/groups", Groups, HttpMethod.Get, null, CancellationToken.None));

        Assert.Equal(429, ex.Status);
        Assert.Equal(3, _fake.To("GET", "/api/v2/groups").Count);
        Assert.DoesNotContain(FakeZendesk.ApiToken, ex.ToString(), StringComparison.Ordinal);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(FakeZendesk.Email + "/token:" + FakeZendesk.ApiToken));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(basic, l, StringComparison.Ordinal));
        Assert.All(_log.Lines, l => Assert.DoesNotContain(FakeZendesk.ApiToken, l, StringComparison.Ordinal));
        Assert.Equal(2, _log.Lines.Count); // one line per retry
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_allowed_wait_fails_at_once()
    {
        _fake.Throttle("/api/v2/groups", 1, retryAfterSeconds: 3600);
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<HelpdeskApiException>(() => Http().SendAsync("/api/v2/groups", Groups, HttpMethod.Get, null, CancellationToken.None));

        Assert.Equal(429, ex.Status);
        Assert.Single(_fake.To("GET", "/api/v2/groups"));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        IFlurlRequest Unauthenticated() => _client.Request("api", "v2", "groups").WithBasicAuth("someone/token", "nope");

        var ex = await Assert.ThrowsAsync<HelpdeskApiException>(() => Http().SendAsync("/api/v2/groups", Unauthenticated, HttpMethod.Get, null, CancellationToken.None));

        Assert.True(ex.Unauthorized);
        Assert.Single(_fake.To("GET", "/api/v2/groups"));
    }

    [Fact]
    public async Task A_helpdesk_that_does_not_answer_is_retried_then_reported_without_flurl_details()
    {
        using var dead = new FlurlClient("http://127.0.0.1:9"); // discard port: nothing listens
        IFlurlRequest Nowhere() => dead.Request("api", "v2", "groups").WithBasicAuth("a/token", FakeZendesk.ApiToken);

        var ex = await Assert.ThrowsAsync<HelpdeskApiException>(() =>
            Http(maxAttempts: 2, timeout: TimeSpan.FromSeconds(2)).SendAsync("/api/v2/groups", Nowhere, HttpMethod.Get, null, CancellationToken.None));

        Assert.Equal(0, ex.Status);
        Assert.Null(ex.InnerException);
        Assert.DoesNotContain("127.0.0.1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_that_times_out_is_tried_again()
    {
        _fake.Stall("/api/v2/groups", 1, TimeSpan.FromSeconds(5));

        var response = await Http(timeout: TimeSpan.FromMilliseconds(500)).SendAsync("/api/v2/groups", Groups, HttpMethod.Get, null, CancellationToken.None);

        Assert.Contains("Tier 1", response.Body, StringComparison.Ordinal);
        Assert.Equal(2, _fake.To("GET", "/api/v2/groups").Count);
        Assert.Contains(_log.Lines, l => l.Contains("timed out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_that_timed_out_is_not_sent_twice_but_a_throttled_one_is()
    {
        IFlurlRequest Webhooks() => _client.Request("api", "v2", "webhooks").WithBasicAuth(FakeZendesk.Email + "/token", FakeZendesk.ApiToken);
        var body = new { webhook = new { name = "x", endpoint = "https://x.example/", subscriptions = new[] { "conditional_ticket_events" } } };
        _fake.Stall("/api/v2/webhooks", 1, TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<HelpdeskApiException>(() =>
            Http(timeout: TimeSpan.FromMilliseconds(500)).SendAsync("/api/v2/webhooks", Webhooks, HttpMethod.Post, body, CancellationToken.None));
        Assert.Equal(0, ex.Status);
        Assert.Single(_fake.To("POST", "/api/v2/webhooks"));

        _fake.Throttle("/api/v2/webhooks", 1, retryAfterSeconds: 0);
        await Http().SendAsync("/api/v2/webhooks", Webhooks, HttpMethod.Post, body, CancellationToken.None);
        Assert.Equal(3, _fake.To("POST", "/api/v2/webhooks").Count);
    }

    [Fact]
    public void Link_header_next_is_found_among_other_relations()
    {
        var next = LinkHeader.Next(["<https://acme.freshdesk.com/api/v2/tickets?page=1>; rel=\"prev\", <https://acme.freshdesk.com/api/v2/tickets?page=3&per_page=100>; rel=\"next\""]);
        Assert.Equal("https://acme.freshdesk.com/api/v2/tickets?page=3&per_page=100", next?.ToString());
        Assert.Null(LinkHeader.Next(["<https://acme.freshdesk.com/api/v2/tickets?page=1>; rel=\"prev\""]));
    }
}

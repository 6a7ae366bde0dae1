using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using static HelpdeskGamify.AgentHub.Tests.Events.EventsApiClient;

namespace HelpdeskGamify.AgentHub.Tests.Outbound;

public sealed class OutboundWebhookTests : IDisposable
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private const string At = "2026-11-20T10:15:00Z";

    // The receivers listen on loopback, which production refuses (see AllowPrivateNetworkTargets);
    // retries are shortened from minutes to milliseconds so that the tests take seconds.
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["OutboundWebhooks:AllowPrivateNetworkTargets"] = "true",
        ["OutboundWebhooks:RequireHttps"] = "false",
        ["OutboundWebhooks:RetryBaseDelay"] = "00:00:00.200",
        ["OutboundWebhooks:MaxRetryDelay"] = "00:00:00.500",
        ["OutboundWebhooks:PollInterval"] = "00:00:00.050",
        ["OutboundWebhooks:Timeout"] = "00:00:02",
    };

    private readonly List<GameHost> _hosts = [];
    private readonly string _sharedData = Path.Combine(Path.GetTempPath(), "helpdeskgamify-tests", Guid.NewGuid().ToString("n"));

    [Fact]
    public async Task Receiver_that_fails_twice_gets_the_event_once_after_retries_signed_as_documented()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(n => n <= 2 ? 500 : 200);
        var host = Host();
        var (key, subscription) = await SetUpAsync(host, receiver.Url);

        using var posted = await PostAsync(host, "acme", key, new { id = "r1", type = "review.posted", customerId = "c1", occurredAt = At });
        posted.EnsureSuccessStatusCode();

        await GameHost.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 3), TimeSpan.FromSeconds(15), "three attempts");
        await Task.Delay(800);
        var requests = receiver.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.Single(requests.Select(r => r.EventId).Distinct());
        Assert.Single(requests.Select(r => r.Body).Distinct());
        Assert.All(requests, r => Assert.True(ReceiverSnippet.Verify(Secret, r.Signature, r.Body, TimeSpan.FromMinutes(5))));
        Assert.False(ReceiverSnippet.Verify("another-secret-0123456789", requests[0].Signature, requests[0].Body, TimeSpan.FromMinutes(5)));
        Assert.False(ReceiverSnippet.Verify(Secret, requests[0].Signature, requests[0].Body.Replace("20", "99", StringComparison.Ordinal), TimeSpan.FromMinutes(5)));
        var body = JsonDocument.Parse(requests[0].Body).RootElement;
        Assert.Equal("points.awarded", body.GetProperty("type").GetString());
        Assert.Equal(20, body.GetProperty("data").GetProperty("points").GetInt32());
        Assert.Equal("c1", body.GetProperty("data").GetProperty("participantId").GetString());

        using var admin = host.AdminClient();
        var log = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}/deliveries");
        var delivery = Assert.Single(log.GetProperty("items").EnumerateArray());
        Assert.Equal("succeeded", delivery.GetProperty("status").GetString());
        Assert.Equal(3, delivery.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivery.GetProperty("lastStatusCode").GetInt32());
        var attempts = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}/deliveries/{delivery.GetProperty("id").GetInt64()}/attempts");
        Assert.Equal([500, 500, 200], attempts.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));

        using var redeliver = await admin.PostAsync($"/api/admin/tenants/acme/subscriptions/{subscription}/deliveries/{delivery.GetProperty("id").GetInt64()}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        await GameHost.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count >= 4), TimeSpan.FromSeconds(10), "the redelivery");
        Assert.Equal(requests[0].EventId, receiver.Requests.Last().EventId);
    }

    [Fact]
    public async Task Receiver_down_while_the_node_restarts_still_gets_every_event()
    {
        var port = LoopbackReceiver.FreePort();
        var url = $"http://127.0.0.1:{port}/hook";
        var first = Host(_sharedData);
        var (key, subscription) = await SetUpAsync(first, url);
        var customers = new[] { "c1", "c2", "c3" };
        foreach (var c in customers)
        {
            (await PostAsync(first, "acme", key, new { type = "visit.completed", customerId = c, occurredAt = At })).EnsureSuccessStatusCode();
        }
        using (var admin = first.AdminClient())
        {
            await GameHost.WaitUntilAsync(async () =>
            {
                var log = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}/deliveries");
                var items = log.GetProperty("items").EnumerateArray().ToList();
                return items.Count == 3 && items.All(d => d.GetProperty("attempts").GetInt32() >= 1 && d.GetProperty("status").GetString() == "pending");
            }, TimeSpan.FromSeconds(15), "three failed first attempts");
        }
        first.Dispose();
        _hosts.Remove(first);

        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200, port);
        var second = Host(_sharedData);
        _ = second.BaseAddress;

        await GameHost.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Select(r => r.EventId).Distinct().Count() == 3), TimeSpan.FromSeconds(15), "all three events");
        await Task.Delay(500);
        Assert.Equal(3, receiver.Requests.Count);
        var participants = receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("data").GetProperty("participantId").GetString()).Order();
        Assert.Equal(customers, participants);
        Assert.All(receiver.Requests, r => Assert.True(ReceiverSnippet.Verify(Secret, r.Signature, r.Body, TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task Subscription_failing_past_the_threshold_is_paused_and_can_be_resumed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 503);
        var host = Host(settings: new() { ["OutboundWebhooks:PauseAfter"] = "00:00:00.300" });
        var (key, subscription) = await SetUpAsync(host, receiver.Url);
        (await PostAsync(host, "acme", key, new { type = "profile.completed", customerId = "c1", occurredAt = At })).EnsureSuccessStatusCode();
        using var admin = host.AdminClient();

        await GameHost.WaitUntilAsync(async () =>
            (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}")).GetProperty("status").GetString() == "paused",
            TimeSpan.FromSeconds(15), "the pause");
        var paused = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}");
        Assert.Contains("HTTP 503", paused.GetProperty("pauseReason").GetString());
        var toDo = await admin.GetFromJsonAsync<JsonElement>("/api/admin/tenants/acme/subscriptions?status=paused");
        Assert.Equal(subscription, Assert.Single(toDo.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var attemptsWhenPaused = receiver.Requests.Count;
        await Task.Delay(700);
        Assert.Equal(attemptsWhenPaused, receiver.Requests.Count);

        (await admin.PostAsync($"/api/admin/tenants/acme/subscriptions/{subscription}/resume", null)).EnsureSuccessStatusCode();
        Assert.Equal("active", (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{subscription}")).GetProperty("status").GetString());
        await GameHost.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Count > attemptsWhenPaused), TimeSpan.FromSeconds(10), "attempts after resuming");
    }

    [Fact]
    public async Task Housekeeping_deletes_finished_deliveries_past_retention_and_keeps_pending_ones()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        var host = Host(settings: new() { ["OutboundWebhooks:LogRetention"] = "00:00:00.001" });
        var (key, delivered) = await SetUpAsync(host, receiver.Url);
        using var admin = host.AdminClient();
        using var created = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions",
            new { url = $"http://127.0.0.1:{LoopbackReceiver.FreePort()}/hook", eventTypes = new[] { "*" }, secret = Secret });
        var down = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subscription").GetProperty("id").GetInt64();
        (await PostAsync(host, "acme", key, new { type = "visit.completed", customerId = "c1", occurredAt = At })).EnsureSuccessStatusCode();
        async Task<List<JsonElement>> Log(long id) =>
            (await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{id}/deliveries")).GetProperty("items").EnumerateArray().ToList();
        await GameHost.WaitUntilAsync(async () => (await Log(delivered)).Any(d => d.GetProperty("status").GetString() == "succeeded")
            && (await Log(down)).Any(d => d.GetProperty("attempts").GetInt32() >= 1), TimeSpan.FromSeconds(15), "one success and one failure");

        var deleted = await host.Service<HelpdeskGamify.Connector.Outbound.IntegrationHousekeeping>().SweepAsync(default);

        Assert.True(deleted >= 2);
        Assert.Empty(await Log(delivered));
        Assert.Equal("pending", Assert.Single(await Log(down)).GetProperty("status").GetString());
        await receiver.DisposeAsync();
        await using var late = await LoopbackReceiver.StartAsync(_ => 200, new Uri(((string)(await admin.GetFromJsonAsync<JsonElement>($"/api/admin/tenants/acme/subscriptions/{down}")).GetProperty("url").GetString()!)).Port);
        await GameHost.WaitUntilAsync(() => Task.FromResult(!late.Requests.IsEmpty), TimeSpan.FromSeconds(15), "the kept event delivered late");
        Assert.Contains("\"participantId\":\"c1\"", late.Requests.First().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Private_and_plain_http_targets_are_refused_by_default()
    {
        var host = new GameHost();
        _hosts.Add(host);
        await host.CreateZendeskTenantAsync("acme");
        using var admin = host.AdminClient();

        using var loopback = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = "https://127.0.0.1/hook", eventTypes = new[] { "*" } });
        using var metadata = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = "https://169.254.169.254/latest", eventTypes = new[] { "*" } });
        using var plain = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = "http://crm.example.com/hook", eventTypes = new[] { "*" } });
        using var typo = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = "https://crm.example.com/hook", eventTypes = new[] { "points.award" } });
        using var good = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = "https://crm.example.com/hook", eventTypes = new[] { "points.awarded" } });

        Assert.Equal(HttpStatusCode.BadRequest, loopback.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, metadata.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var created = await good.Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("whsec_", created.GetProperty("secret").GetString());
        var listed = await admin.GetStringAsync("/api/admin/tenants/acme/subscriptions");
        Assert.DoesNotContain(created.GetProperty("secret").GetString()!, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redemption_is_announced_to_subscribers_as_reward_redeemed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(_ => 200);
        var host = Host();
        var secret = await host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(host, "acme");
        using var admin = host.AdminClient();
        (await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url = receiver.Url, eventTypes = new[] { "reward.redeemed" }, secret = Secret })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/tenants/acme/rewards/mug", new { name = "Mug", description = "A mug", kind = "exclusive_offer", cost = 5, active = true })).EnsureSuccessStatusCode();
        (await PostAsync(host, "acme", key, new { id = "rv1", type = "review.posted", customerId = "c1", occurredAt = At })).EnsureSuccessStatusCode();
        using var anonymous = host.CreateClient();
        using var exchanged = await anonymous.PostAsJsonAsync("/api/tenants/acme/widget/session", new { identityToken = CustomerIdentities.Sign("widget-secret-" + secret, "c1") });
        exchanged.EnsureSuccessStatusCode();
        using var customer = host.ClientWithToken((await exchanged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);
        await GameHost.WaitUntilAsync(async () => (await customer.GetFromJsonAsync<JsonElement>("/api/tenants/acme/customers/c1")).GetProperty("points").GetInt64() >= 5, what: "the review points");

        using var redeemed = await customer.PostAsJsonAsync("/api/tenants/acme/customers/c1/redemptions", new { rewardId = "mug" });
        Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);

        await GameHost.WaitUntilAsync(() => Task.FromResult(receiver.Requests.Any(r => r.EventType == "reward.redeemed")), TimeSpan.FromSeconds(15), "reward.redeemed");
        var delivery = receiver.Requests.Single(r => r.EventType == "reward.redeemed");
        Assert.Contains("\"mug\"", delivery.Body, StringComparison.Ordinal);
        Assert.True(ReceiverSnippet.Verify(Secret, delivery.Signature, delivery.Body, TimeSpan.FromMinutes(5)));
    }

    private GameHost Host(string? dataDirectory = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(FastRetries);
        if (dataDirectory is not null)
        {
            all["Storage:DataDirectory"] = dataDirectory;
        }
        foreach (var (k, v) in settings ?? [])
        {
            all[k] = v;
        }
        var host = new GameHost(all);
        _hosts.Add(host);
        return host;
    }

    private static async Task<(string Key, long Subscription)> SetUpAsync(GameHost host, string url)
    {
        await host.CreateZendeskTenantAsync("acme");
        var (_, key) = await CreateKeyAsync(host, "acme");
        using var admin = host.AdminClient();
        using var response = await admin.PostAsJsonAsync("/api/admin/tenants/acme/subscriptions", new { url, eventTypes = new[] { "points.awarded" }, secret = Secret });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, created.GetProperty("secret").ValueKind);
        return (key, created.GetProperty("subscription").GetProperty("id").GetInt64());
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
        try
        {
            Directory.Delete(_sharedData, recursive: true);
        }
        catch (IOException)
        {
            // Already gone, or a file still held by a closing connection: a temp folder, not worth failing for.
        }
    }
}

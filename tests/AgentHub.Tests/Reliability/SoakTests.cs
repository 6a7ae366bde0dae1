using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HelpdeskGamify.TestSupport;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace HelpdeskGamify.AgentHub.Tests.Reliability;

[Trait("Category", "Reliability")]
[Collection(ChildProcessCollection.Name)]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const string Tenant = "soak";

    [Fact]
    public async Task Half_capacity_with_hub_clients_coming_and_going_keeps_memory_flat_and_errors_at_zero()
    {
        var duration = ReliabilitySettings.SoakDuration;
        using var node = new AgentHubProcess();
        await node.StartAsync();
        var secret = await CreateTenantAsync(node);
        var token = await AgentTokenAsync(node);
        using var sender = new WebhookSender(node.BaseAddress, Tenant, secret, concurrency: 32);

        var next = 0;
        var capacity = await MeasureCapacityAsync(sender, () => Interlocked.Increment(ref next));
        var rate = Math.Max(10, capacity / 2);
        output.WriteLine($"capacity {capacity}/s, soaking at {rate}/s for {duration.TotalSeconds:0} s; load average at start {LoadAverage()}");

        using var stop = new CancellationTokenSource(duration);
        var errors = new List<string>();
        var samples = new List<(double At, long Rss)>();
        var clock = Stopwatch.StartNew();
        var hubs = Enumerable.Range(0, 8).Select(_ => ChurnHubAsync(node, token, errors, stop.Token)).ToList();
        var sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                lock (samples)
                {
                    samples.Add((clock.Elapsed.TotalSeconds, node.ResidentBytes()));
                }
                await Task.Delay(500, CancellationToken.None);
            }
        });
        // Open loop: a batch leaves every 100 ms whether or not the previous ones were answered, so the
        // rate is the target rather than one batch per acknowledgement latency (a closed loop managed
        // a quarter of the target on a busy machine). More than 5 s of batches outstanding means the
        // node is past its capacity; then the sender waits, and the achieved rate shows it.
        var sent = 0;
        var outstanding = 0;
        var batches = new List<Task>();
        while (!stop.IsCancellationRequested)
        {
            var tick = Stopwatch.StartNew();
            var batch = Enumerable.Range(0, rate / 10).Select(_ => Interlocked.Increment(ref next)).ToList();
            sent += batch.Count;
            Interlocked.Increment(ref outstanding);
            batches.Add(Task.Run(async () =>
            {
                try
                {
                    var answers = await sender.SendAsync(batch);
                    lock (errors)
                    {
                        errors.AddRange(answers.Where(a => a.Value is not "accepted").Select(a => $"delivery {a.Key}: {a.Value ?? "no answer"}"));
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }, CancellationToken.None));
            while (Volatile.Read(ref outstanding) > 50)
            {
                await Task.Delay(10, CancellationToken.None);
            }
            var wait = TimeSpan.FromMilliseconds(100) - tick.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, CancellationToken.None);
            }
        }
        await Task.WhenAll(batches);
        await Task.WhenAll(hubs);
        await sampling;

        // JIT tiering, pools and SQLite's page cache settle in the first seconds; judge growth after that.
        var warmUpEnd = Math.Max(15, duration.TotalSeconds * 0.3);
        // Medians over a tenth of the run (at least 3 samples): a collection that happens to land on the
        // last sample moves RSS by ~10 % for a moment; a leak moves the median.
        var window = Math.Max(3, samples.Count / 10);
        var baseline = Median(samples.Where(s => s.At <= warmUpEnd).TakeLast(window));
        var end = Median(samples.TakeLast(window));
        var peak = samples.Where(s => s.At > warmUpEnd).Max(s => s.Rss);
        output.WriteLine($"load average at end {LoadAverage()}; RSS every tenth of the run: " + string.Join(", ", Enumerable.Range(1, 10)
            .Select(i => samples.LastOrDefault(s => s.At <= duration.TotalSeconds * i / 10))
            .Select(s => $"{s.At:0}s {s.Rss / 1e6:0.0} MB")));
        output.WriteLine($"sent {sent} ({sent / duration.TotalSeconds:0}/s), RSS after warm-up {baseline / 1e6:0.0} MB, at end {end / 1e6:0.0} MB (medians of {window} samples), peak {peak / 1e6:0.0} MB, growth {(end / baseline - 1) * 100:0.0}%");
        Assert.True(errors.Count == 0, $"{errors.Count} errors, first: " + string.Join('\n', errors.Take(10)));
        Assert.DoesNotContain("fail:", node.Output, StringComparison.Ordinal);
        Assert.True(end <= baseline * 1.10, $"RSS grew from {baseline / 1e6:0.0} MB to {end / 1e6:0.0} MB after warm-up.");
    }

    private static double Median(IEnumerable<(double At, long Rss)> samples)
    {
        var sorted = samples.Select(s => (double)s.Rss).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The machine's 1, 5 and 15 minute load averages (the build machine is shared; figures need them beside).</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Deliveries acknowledged in three seconds at full concurrency, per second.</summary>
    private static async Task<int> MeasureCapacityAsync(WebhookSender sender, Func<int> next)
    {
        var watch = Stopwatch.StartNew();
        var acked = 0;
        while (watch.Elapsed < TimeSpan.FromSeconds(3))
        {
            var answers = await sender.SendAsync(Enumerable.Range(0, 200).Select(_ => next()).ToList());
            acked += answers.Count(a => a.Value == "accepted");
        }
        return (int)(acked / watch.Elapsed.TotalSeconds);
    }

    private static async Task ChurnHubAsync(AgentHubProcess node, string token, List<string> errors, CancellationToken stop)
    {
        var random = new Random();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var hub = new HubConnectionBuilder()
                    .WithUrl(new Uri(node.BaseAddress, "/hubs/game"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                    .Build();
                hub.On<JsonElement>("pointsAwarded", _ => { });
                hub.On<JsonElement>("leaderboardChanged", _ => { });
                await hub.StartAsync(CancellationToken.None);
                await Task.Delay(random.Next(200, 1500), CancellationToken.None);
            }
            catch (Exception ex)
            {
                lock (errors)
                {
                    errors.Add("hub: " + ex.Message);
                }
            }
        }
    }

    private static async Task<string> CreateTenantAsync(AgentHubProcess node)
    {
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        using var admin = Admin(node);
        using var response = await admin.PutAsJsonAsync($"/api/admin/tenants/{Tenant}", new { name = "Soak", platform = "zendesk", zendesk = new { subdomain = Tenant, webhookSigningSecret = secret } });
        response.EnsureSuccessStatusCode();
        return secret;
    }

    private static async Task<string> AgentTokenAsync(AgentHubProcess node)
    {
        using var admin = Admin(node);
        using var response = await admin.PostAsJsonAsync($"/api/admin/tenants/{Tenant}/tokens", new { role = "agent", subject = WebhookSender.AgentOf(0) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    private static HttpClient Admin(AgentHubProcess node)
    {
        var client = new HttpClient { BaseAddress = node.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GameHost.AdminKey);
        return client;
    }
}

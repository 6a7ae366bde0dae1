using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// Live push under load: while the generator drives the ingest load, probe webhooks for one agent are
/// posted every few milliseconds, and the time from each post to its <c>pointsAwarded</c> at that agent's
/// SignalR connection is measured (post → durable → scored → committed → pushed → received).
/// </summary>
internal static class PushBenchmark
{
    private const int ProbeAgent = 999_999;
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(20);

    public static async Task<bool> RunAsync(Bench bench)
    {
        var (warmup, seconds) = (bench.WarmupSeconds, bench.Quick ? 2.0 : 10.0);
        await using var node = await AgentHubProcess.StartAsync();
        var secret = await node.CreateZendeskTenantAsync(IngestBenchmark.Tenant);
        var token = await node.AgentTokenAsync(IngestBenchmark.Tenant, Webhooks.AgentId(ProbeAgent));
        var received = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(node.BaseAddress, "/hubs/game"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        hub.On<JsonElement>("pointsAwarded", m => received.TryAdd(m.GetProperty("ticketId").GetString() ?? "", Stopwatch.GetTimestamp()));
        await hub.StartAsync();

        var url = new Uri(node.BaseAddress, "/webhooks/zendesk/" + IngestBenchmark.Tenant);
        var at = DateTimeOffset.UtcNow;
        var load = LoadGenerator.RunChildAsync(url, secret, "load", at, IngestBenchmark.Connections, warmup, seconds);
        using var http = new HttpClient();
        var sent = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var failedProbes = 0;
        var probes = new List<Task>();
        await Task.Delay(TimeSpan.FromSeconds(warmup));
        var until = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < until && !load.IsCompleted; i++)
        {
            var ticket = "probe-" + i;
            var body = Webhooks.SolvedBody(ticket, ProbeAgent, 1, at);
            probes.Add(Task.Run(async () =>
            {
                using var request = Webhooks.SignedPost(url, secret, body);
                sent[ticket] = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failedProbes);
                }
            }));
            await Task.Delay(ProbeEvery);
        }
        await Task.WhenAll(probes);
        var loadResult = await load;
        var deadline = Stopwatch.GetTimestamp() + 15 * Stopwatch.Frequency;
        while (received.Count < sent.Count && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }

        var latencies = Stats.Sorted(sent.Where(s => received.ContainsKey(s.Key)).Select(s => Stats.ElapsedMs(s.Value, received[s.Key])));
        var missing = sent.Count - latencies.Length;
        var table = new Table("Push: webhook post → pointsAwarded at a subscribed SignalR client, under the ingest load",
            "probes", "received", "missing", "push p50", "push p90", "push p99", "push max", "goal p99", "met", "load req/s meanwhile", "load failed");
        table.Add(sent.Count, latencies.Length, missing, Stats.Ms(Stats.Percentile(latencies, 50)), Stats.Ms(Stats.Percentile(latencies, 90)),
            Stats.Ms(Stats.Percentile(latencies, 99)), Stats.Ms(latencies.Length > 0 ? latencies[^1] : double.NaN), "≤ 100 ms",
            IngestBenchmark.Met(Stats.Percentile(latencies, 99) <= 100), $"{loadResult.RequestsPerSecond:0}", loadResult.Failed);
        bench.Print(table);
        return missing == 0 && failedProbes == 0 && loadResult.Failed == 0 && !sent.IsEmpty;
    }
}

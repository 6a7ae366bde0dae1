using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Benchmarks.Ingest;

namespace HelpdeskGamify.Benchmarks.Connections;

/// <summary>
/// Connections: N SignalR clients, split over several processes, on one node; one leaderboard change
/// broadcast to all of them. Delivery is timed from the moment the server began the tenant-wide send
/// (stamped inside the AgentHub by <see cref="StartupHook"/>) and, for reference, from the webhook post;
/// memory is the server's resident set and its live managed heap after a full collection.
/// </summary>
internal static class ConnectionsBenchmark
{
    private const int ClientsPerProcess = 2_500;

    public static async Task<bool> RunAsync(Bench bench)
    {
        int[] sizes = bench.Quick ? [50] : [1_000, 5_000, 10_000];
        if (bench.Only is { } only)
        {
            // e.g. --only 10000 while comparing settings: one size, same procedure.
            sizes = only.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }
        var table = new Table("Connections: one leaderboardChanged broadcast to N SignalR clients (WebSockets) on one node",
            "clients", "client processes", "connected", "failed", "received", "fan-out p50", "fan-out p99", "fan-out max", "post → receive p99",
            "server send", "server CPU / broadcast", "RSS / connection", "live heap / connection", "goal", "met");
        var ok = true;
        var limit = ProcFiles.OpenFileSoftLimit();
        foreach (var n in sizes)
        {
            var processes = Math.Max(1, (n + ClientsPerProcess - 1) / ClientsPerProcess);
            if (n / processes + 1_000 > limit)
            {
                table.Add(n, "skipped: ulimit -n is " + limit);
                continue;
            }
            var (row, delivered) = await RunOnceAsync(bench, n, processes);
            table.Add(row);
            ok &= delivered;
        }
        bench.Print(table);
        bench.Note($"fan-out = from the server starting the tenant group's send to each client's receipt (same clock); server send = the server's own time to hand the message to every connection; " +
                   $"server CPU = the AgentHub's CPU time from the post until every client had the message; live heap = GC.GetTotalMemory after a forced full compacting collection. " +
                   $"Server GC settings: {GcSettings()}. Open-file limit (soft) {limit}.");
        return ok;
    }

    private static async Task<(object[] Row, bool Delivered)> RunOnceAsync(Bench bench, int n, int processes)
    {
        await using var node = await AgentHubProcess.StartAsync(extra: new Dictionary<string, string> { ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location });
        var secret = await node.CreateZendeskTenantAsync(IngestBenchmark.Tenant);
        await node.SettleAtOnceAsync(IngestBenchmark.Tenant);
        var tokens = Path.Combine(node.DataDirectory, "tokens.txt");
        var lines = new List<string>();
        for (var i = 0; i < Math.Min(n, 100); i++)
        {
            lines.Add(await node.AgentTokenAsync(IngestBenchmark.Tenant, Webhooks.AgentId(i)));
        }
        await File.WriteAllLinesAsync(tokens, lines);
        // Warm the scoring and push path once, so that the broadcast measured is not the first.
        await PostSolveAsync(node, secret, "warm-1", 2);
        await LedgerCheck.WaitDrainedAsync(node.DatabasePath, TimeSpan.FromSeconds(30));
        await Task.Delay(1000);
        var heapBefore = await LiveHeapAsync(node);
        var before = ProcFiles.RssKb(node.Child.Pid);

        var swarms = new List<Child>();
        try
        {
            for (var p = 0; p < processes; p++)
            {
                var count = n / processes + (p < n % processes ? 1 : 0);
                swarms.Add(Child.StartSelf("clients", "--url", node.BaseAddress.ToString(), "--tokens", tokens, "--count", count.ToString(CultureInfo.InvariantCulture)));
            }
            var connected = await Task.WhenAll(swarms.Select(s => s.WaitForLineAsync("CONNECTED ", TimeSpan.FromSeconds(60 + n / 50))));
            await Task.Delay(2000);
            var after = ProcFiles.RssKb(node.Child.Pid);
            var heapAfter = await LiveHeapAsync(node);
            await Task.Delay(500);

            var cpuBefore = ProcFiles.CpuMs(node.Child.Pid);
            foreach (var swarm in swarms)
            {
                await swarm.SendLineAsync("GO");
            }
            var posted = Stopwatch.GetTimestamp();
            await PostSolveAsync(node, secret, "broadcast-1", 1);
            var results = await Task.WhenAll(swarms.Select(async s =>
                JsonSerializer.Deserialize<SwarmResult>(await s.WaitForLineAsync("RESULT ", TimeSpan.FromSeconds(60)), SwarmJson.Options)!));
            var cpu = ProcFiles.CpuMs(node.Child.Pid) - cpuBefore;
            var send = await BroadcastAfterAsync(node, posted);
            var (sendStart, sendEnd) = send ?? (posted, 0);

            var received = results.SelectMany(r => r.ReceivedAt).ToArray();
            var fanOut = Stats.Sorted(received.Select(t => Stats.ElapsedMs(sendStart, t)));
            var endToEnd = Stats.Sorted(received.Select(t => Stats.ElapsedMs(posted, t)));
            var clients = results.Sum(r => r.Connected);
            var failed = results.Sum(r => r.Failed);
            var perConnection = clients > 0 ? (after - before) / (double)clients : double.NaN;
            var livePerConnection = clients > 0 ? (heapAfter - heapBefore) / 1024.0 / clients : double.NaN;
            // Without a server stamp (an older build), fan-out falls back to timing from the post.
            var p99 = Stats.Percentile(fanOut, 99);
            bench.Note($"{n} clients: connect {connected.Max(c => double.Parse(c.Split(' ')[2], CultureInfo.InvariantCulture)):0.0} s (slowest process); " +
                       $"RSS {before / 1024.0:0} → {after / 1024.0:0} MiB; live heap {heapBefore / 1048576.0:0.0} → {heapAfter / 1048576.0:0.0} MiB; post → receive p50 {Stats.Ms(Stats.Percentile(endToEnd, 50))}.");
            return ([n, processes, clients, failed, received.Length,
                Stats.Ms(Stats.Percentile(fanOut, 50)), Stats.Ms(p99), Stats.Ms(fanOut.Length > 0 ? fanOut[^1] : double.NaN), Stats.Ms(Stats.Percentile(endToEnd, 99)),
                send is null ? "—" : Stats.Ms(Stats.ElapsedMs(sendStart, sendEnd)), Stats.Ms(cpu), $"{perConnection:0.0} KiB", $"{livePerConnection:0.0} KiB",
                "p99 ≤ 250 ms, ≤ 40 KB", IngestBenchmark.Met(p99 <= 250 && perConnection * 1.024 <= 40)],
                failed == 0 && received.Length == clients);
        }
        finally
        {
            foreach (var swarm in swarms)
            {
                await swarm.DisposeAsync();
            }
        }
    }

    private static async Task PostSolveAsync(AgentHubProcess node, string secret, string ticket, int agent)
    {
        using var response = await node.Http.SendAsync(Webhooks.SignedPost(new Uri(node.BaseAddress, "/webhooks/zendesk/" + IngestBenchmark.Tenant), secret,
            Webhooks.SolvedBody(ticket, agent, agent, DateTimeOffset.UtcNow)));
        response.EnsureSuccessStatusCode();
    }

    // Bytes still reachable after a forced full compacting collection inside the AgentHub.
    private static async Task<long> LiveHeapAsync(AgentHubProcess node)
    {
        await node.Child.SendLineAsync(StartupHook.GcCommand);
        var line = await node.Child.WaitForLineAsync(StartupHook.GcLine, TimeSpan.FromSeconds(60));
        return long.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture);
    }

    // The first tenant-wide send that began after the post (the warm-up's sends came before it);
    // none from a build without the hub.broadcast activity, which leaves only the post → receive figures.
    private static async Task<(long Start, long End)?> BroadcastAfterAsync(AgentHubProcess node, long posted)
    {
        try
        {
            while (true)
            {
                var parts = (await node.Child.WaitForLineAsync(StartupHook.BroadcastLine, TimeSpan.FromSeconds(5))).Split(' ');
                var (start, end) = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
                if (start > posted)
                {
                    return (start, end);
                }
            }
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private static string GcSettings()
    {
        var set = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith(AgentHubProcess.PassThroughPrefix + "DOTNET_", StringComparison.Ordinal))
            .Select(k => $"{k[AgentHubProcess.PassThroughPrefix.Length..]}={Environment.GetEnvironmentVariable(k)}").Order().ToList();
        return set.Count > 0 ? string.Join(", ", set) : "the AgentHub's defaults";
    }
}

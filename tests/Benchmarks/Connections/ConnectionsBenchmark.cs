using System.Globalization;
using System.Text.Json;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Benchmarks.Ingest;

namespace HelpdeskGamify.Benchmarks.Connections;

/// <summary>
/// Connections: N SignalR clients (in their own process) on one node, one leaderboard change broadcast
/// to all of them; delivery latency and the server's resident memory per connection.
/// </summary>
internal static class ConnectionsBenchmark
{
    public static async Task<bool> RunAsync(Bench bench)
    {
        int[] sizes = bench.Quick ? [50] : [1_000, 5_000, 10_000];
        var table = new Table("Connections: one leaderboardChanged broadcast to N SignalR clients (WebSockets) on one node",
            "clients", "connected", "failed", "connect time", "received", "delivery p50", "delivery p99", "delivery max",
            "server RSS before", "server RSS with clients", "RSS / connection", "goal", "met");
        var ok = true;
        var limit = ProcFiles.OpenFileSoftLimit();
        foreach (var n in sizes)
        {
            if (n + 1_000 > limit)
            {
                table.Add(n, "skipped: ulimit -n is " + limit);
                continue;
            }
            await using var node = await AgentHubProcess.StartAsync();
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
            using (var warm = await node.Http.SendAsync(Webhooks.SignedPost(new Uri(node.BaseAddress, "/webhooks/zendesk/" + IngestBenchmark.Tenant), secret,
                       Webhooks.SolvedBody("warm-1", 2, 2, DateTimeOffset.UtcNow))))
            {
                warm.EnsureSuccessStatusCode();
            }
            await LedgerCheck.WaitDrainedAsync(node.DatabasePath, TimeSpan.FromSeconds(30));
            await Task.Delay(1000);
            var before = ProcFiles.RssKb(node.Child.Pid);

            await using var swarm = Child.StartSelf("clients", "--url", node.BaseAddress.ToString(), "--tokens", tokens,
                "--count", n.ToString(CultureInfo.InvariantCulture), "--tenant", IngestBenchmark.Tenant, "--secret", secret);
            var connected = (await swarm.WaitForLineAsync("CONNECTED ", TimeSpan.FromSeconds(60 + n / 50))).Split(' ');
            await Task.Delay(2000);
            var after = ProcFiles.RssKb(node.Child.Pid);
            await swarm.SendLineAsync("GO");
            var result = JsonSerializer.Deserialize<SwarmResult>(await swarm.WaitForLineAsync("RESULT ", TimeSpan.FromSeconds(60)), SwarmJson.Options)!;
            var perConnection = result.Connected > 0 ? (after - before) / (double)result.Connected : double.NaN;
            table.Add(n, result.Connected, result.Failed, $"{double.Parse(connected[2], CultureInfo.InvariantCulture):0.0} s", result.Received,
                Stats.Ms(result.P50Ms), Stats.Ms(result.P99Ms), Stats.Ms(result.MaxMs),
                $"{before / 1024.0:0} MiB", $"{after / 1024.0:0} MiB", $"{perConnection:0.0} KiB",
                "p99 ≤ 250 ms, ≤ 40 KB", IngestBenchmark.Met(result.P99Ms <= 250 && perConnection * 1.024 <= 40));
            ok &= result.Failed == 0 && result.Received == result.Connected;
        }
        bench.Print(table);
        bench.Note($"Open-file limit (soft) {limit}: each connection is one socket in the server and one in the client process; " +
                   "loopback connections to one port use one ephemeral port each (see /proc/sys/net/ipv4/ip_local_port_range).");
        return ok;
    }
}

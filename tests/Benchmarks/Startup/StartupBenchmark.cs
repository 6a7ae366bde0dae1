using System.Diagnostics;
using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Benchmarks.Leaderboards;

namespace HelpdeskGamify.Benchmarks.Startup;

/// <summary>
/// Start-up: from starting the AgentHub process to its first 200 on <c>/health/ready</c>, on the big
/// generated database and, in the same run, on an empty one; then the first leaderboard read, which
/// loads the board into memory.
/// </summary>
internal static class StartupBenchmark
{
    public static async Task<bool> RunAsync(Bench bench)
    {
        var (customers, agents) = BigDatabase.Size(bench);
        var (folder, generatedMs) = await BigDatabase.EnsureAsync(customers, agents);
        if (generatedMs > 0)
        {
            bench.Note($"Generated the {customers:N0}-customer database in {Stats.Ms(generatedMs)}.");
        }
        // One untimed start: applies any migration newer than the generated file, connects the tenant, warms the file cache.
        await using (var warm = await AgentHubProcess.StartAsync(folder))
        {
            await warm.CreateZendeskTenantAsync(BigDatabase.Tenant);
        }

        var runs = bench.Quick ? 1 : 3;
        var table = new Table("Start-up: process start → /health/ready 200", "database", "runs", "ready (median)", "each run", "first board read (loads index)", "second read", "goal", "met");
        var ok = true;
        var bigMedian = 0.0;
        foreach (var (label, data) in new[] { ($"{customers:N0} customers, {agents:N0} agents", folder), ("empty", (string?)null) })
        {
            var ready = new List<double>();
            var firstRead = new List<double>();
            var secondRead = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                await using var node = await AgentHubProcess.StartAsync(data);
                ready.Add(node.ReadyAfterMs);
                if (data is null)
                {
                    await node.CreateZendeskTenantAsync(BigDatabase.Tenant);
                }
                foreach (var reads in new[] { firstRead, secondRead })
                {
                    var start = Stopwatch.GetTimestamp();
                    using var response = await node.Http.GetAsync($"/api/tenants/{BigDatabase.Tenant}/leaderboards/customers?period=all&limit=10");
                    reads.Add(Stats.ElapsedMs(start, Stopwatch.GetTimestamp()));
                    ok &= response.IsSuccessStatusCode;
                }
            }
            var median = Stats.Percentile(Stats.Sorted(ready), 50);
            bigMedian = data is null ? bigMedian : median;
            table.Add(label, runs, Stats.Ms(median), string.Join(", ", ready.Select(Stats.Ms)),
                Stats.Ms(Stats.Percentile(Stats.Sorted(firstRead), 50)), Stats.Ms(Stats.Percentile(Stats.Sorted(secondRead), 50)),
                data is null ? "(reference)" : "≤ 2 s", data is null ? "" : Ingest.IngestBenchmark.Met(median <= 2000));
        }
        bench.Print(table);
        return ok;
    }
}

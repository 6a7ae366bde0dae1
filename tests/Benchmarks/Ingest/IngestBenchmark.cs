using HelpdeskGamify.Benchmarks.Common;
using Microsoft.Data.Sqlite;

namespace HelpdeskGamify.Benchmarks.Ingest;

/// <summary>
/// Ingest: the same generator, in its own process, against the ceiling (bare Kestrel), the naive
/// reference (a transaction per request) and the real AgentHub doing all the work.
/// </summary>
internal static class IngestBenchmark
{
    public const int Connections = 64;
    public const string Tenant = "bench";

    public static async Task<bool> RunAsync(Bench bench)
    {
        var (warmup, seconds) = (bench.WarmupSeconds, bench.Quick ? 2.0 : 10.0);
        var at = DateTimeOffset.UtcNow;
        var data = Path.Combine(Bench.CacheFolder, "runs", "ingest-" + Guid.NewGuid().ToString("n"));
        var results = new List<(string Name, LoadResult Load, double ServerCpuMs)>();
        var ok = true;
        try
        {
            const string referenceSecret = "reference-secret";
            foreach (var kind in bench.Only == "real" ? [] : new[] { "bare", "naive" })
            {
                var (server, url) = await ReferenceServer.StartChildAsync(kind, referenceSecret, data);
                await using (server)
                {
                    var cpu = ProcFiles.CpuMs(server.Pid);
                    var load = await LoadGenerator.RunChildAsync(url, referenceSecret, kind, at, Connections, warmup, seconds);
                    results.Add((kind == "bare" ? "(a) ceiling: bare Kestrel, reads body, 200" : "(b) naive: verify + 1 SQLite tx per request",
                        load, ProcFiles.CpuMs(server.Pid) - cpu));
                    ok &= load.Failed == 0;
                }
            }
            if (bench.Only != "real")
            {
                ok &= await NaiveCountsMatchAsync(bench, Path.Combine(data, "naive.db"), results[1].Load);
            }

            await using var node = await AgentHubProcess.StartAsync();
            Console.WriteLine($"AgentHub pid {node.Child.Pid}");
            var secret = await node.CreateZendeskTenantAsync(Tenant);
            var cpuBefore = ProcFiles.CpuMs(node.Child.Pid);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var real = await LoadGenerator.RunChildAsync(new Uri(node.BaseAddress, "/webhooks/zendesk/" + Tenant), secret, "real", at, Connections, warmup, seconds);
            var drainMs = await LedgerCheck.WaitDrainedAsync(node.DatabasePath, TimeSpan.FromSeconds(180));
            var endToEndSeconds = Stats.ElapsedMs(started, System.Diagnostics.Stopwatch.GetTimestamp()) / 1000;
            results.Add(("(c) real AgentHub: durable group commit, scoring, totals, push", real, ProcFiles.CpuMs(node.Child.Pid) - cpuBefore));
            ok &= real.Failed == 0;

            PrintResults(bench, results);
            if (bench.Only != "real")
            {
                PrintGoals(bench, results, real, drainMs, endToEndSeconds);
            }

            var (checkedOk, table) = await LedgerCheck.VerifyAsync(node, Tenant, secret, "real", at, real);
            bench.Print(table);
            ok &= checkedOk;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            TryDelete(data);
        }
        return ok;
    }

    private static void PrintGoals(Bench bench, List<(string Name, LoadResult Load, double ServerCpuMs)> results, LoadResult real, double drainMs, double endToEndSeconds)
    {
        var (bare, naive) = (results[0].Load, results[1].Load);
        var goals = new Table("Ingest: goals (ratios measured in this run)", "measure", "measured", "goal", "met");
        goals.Add("real / ceiling (req/s)", Stats.Ratio(real.RequestsPerSecond / bare.RequestsPerSecond), "≥ 0.70×", Met(real.RequestsPerSecond / bare.RequestsPerSecond >= 0.7));
        goals.Add("real / naive (req/s)", Stats.Ratio(real.RequestsPerSecond / naive.RequestsPerSecond), "≥ 1.5×", Met(real.RequestsPerSecond / naive.RequestsPerSecond >= 1.5));
        goals.Add("real ack p99", Stats.Ms(real.P99Ms), "≤ 25 ms", Met(real.P99Ms <= 25));
        goals.Add("real events/s acknowledged durable", $"{real.RequestsPerSecond:0}", "≥ 10,000", Met(real.RequestsPerSecond >= 10_000));
        goals.Add("scorer caught up after the load ended in", Stats.Ms(drainMs), "(not a goal)", "");
        goals.Add("end to end: facts scored / second (whole run incl. drain)", $"{real.Sent / endToEndSeconds:0}", "(not a goal)", "");
        bench.Print(goals);
    }

    public static void PrintResults(Bench bench, IEnumerable<(string Name, LoadResult Load, double ServerCpuMs)> results)
    {
        var table = new Table($"Ingest: {Connections} connections, signed Zendesk webhooks, each a new fact",
            "target", "req/s", "ack p50", "ack p90", "ack p99", "ack max", "sent", "failed", "server CPU / req", "loadgen CPU / req");
        foreach (var (name, load, serverCpu) in results)
        {
            table.Add(name, $"{load.RequestsPerSecond:0}", Stats.Ms(load.P50Ms), Stats.Ms(load.P90Ms), Stats.Ms(load.P99Ms), Stats.Ms(load.MaxMs),
                load.Sent, load.Failed, Stats.Ms(serverCpu / load.Sent), Stats.Ms(load.CpuMs / load.Sent));
        }
        bench.Print(table);
    }

    public static string Met(bool met) => met ? "yes" : "NO";

    private static async Task<bool> NaiveCountsMatchAsync(Bench bench, string path, LoadResult load)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT COUNT(*) FROM events) * 1000000000 + (SELECT COUNT(*) FROM ledger)";
        var both = (long)(await command.ExecuteScalarAsync())!;
        var (events, ledger) = (both / 1_000_000_000, both % 1_000_000_000);
        var ok = events == load.Ok && ledger == load.Ok;
        if (!ok)
        {
            bench.Note($"FAILED: naive reference stored {events} events and {ledger} ledger rows for {load.Ok} acknowledged requests.");
        }
        return ok;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
    }
}

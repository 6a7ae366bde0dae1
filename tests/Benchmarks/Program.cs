using HelpdeskGamify.Benchmarks.Common;
using HelpdeskGamify.Benchmarks.Connections;
using HelpdeskGamify.Benchmarks.Ingest;
using HelpdeskGamify.Benchmarks.Leaderboards;
using HelpdeskGamify.Benchmarks.Micro;
using HelpdeskGamify.Benchmarks.Startup;

// Verbs the benchmarks use to re-invoke this executable as a separate process.
var verb = args.Length > 0 ? args[0] : "help";
var rest = args.Skip(1).ToArray();
switch (verb)
{
    case "loadgen":
        return await LoadGenerator.RunAsync(new Args(rest));
    case "serve":
        return await ReferenceServer.RunAsync(new Args(rest));
    case "clients":
        return await ClientSwarm.RunAsync(new Args(rest));
}

var options = new Args(rest);
var bench = new Bench(options.Flag("quick"), options.Value("out"), options.Value("only"), options.Value("warmup") is null ? null : options.Double("warmup", 10));
Func<Bench, Task<bool>>[] all =
[
    IngestBenchmark.RunAsync,
    PushBenchmark.RunAsync,
    LeaderboardBenchmark.RunAsync,
    ConnectionsBenchmark.RunAsync,
    MicroBenchmarkRunner.RunAsync,
    StartupBenchmark.RunAsync,
];
Func<Bench, Task<bool>>[]? chosen = verb switch
{
    "ingest" => [IngestBenchmark.RunAsync],
    "push" => [PushBenchmark.RunAsync],
    "leaderboard" => [LeaderboardBenchmark.RunAsync],
    "connections" => [ConnectionsBenchmark.RunAsync],
    "micro" => [MicroBenchmarkRunner.RunAsync],
    "startup" => [StartupBenchmark.RunAsync],
    "all" => all,
    _ => null,
};
if (chosen is null)
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- <ingest|push|leaderboard|connections|micro|startup|all> [--quick] [--out results.md] [--only real] [--warmup S]");
    return 2;
}

bench.PrintMachine();
var ok = true;
foreach (var run in chosen)
{
    try
    {
        ok &= await run(bench);
    }
    catch (Exception ex)
    {
        // A crashed benchmark is a real failure; the others still run so that CI shows all of them.
        Console.Error.WriteLine($"FAILED: {ex}");
        ok = false;
    }
    finally
    {
        Children.KillAll();
    }
}
Console.WriteLine(ok ? "benchmarks: all ran without failures" : "benchmarks: FAILURES (see above)");
return ok ? 0 : 1;

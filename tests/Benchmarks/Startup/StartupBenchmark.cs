using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Startup;

internal static class StartupBenchmark
{
    public static Task<bool> RunAsync(Bench bench) => Task.FromResult(true);
}

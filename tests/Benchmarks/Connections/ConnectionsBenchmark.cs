using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Connections;

internal static class ConnectionsBenchmark
{
    public static Task<bool> RunAsync(Bench bench) => Task.FromResult(true);
}

using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Micro;

internal static class MicroBenchmarkRunner
{
    public static Task<bool> RunAsync(Bench bench) => Task.FromResult(true);
}

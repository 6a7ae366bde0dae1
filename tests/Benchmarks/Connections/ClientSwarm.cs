using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Connections;

internal static class ClientSwarm
{
    public static Task<int> RunAsync(Args args) => Task.FromResult(0);
}

using System.Diagnostics;
using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Leaderboards;

/// <summary>Times each call separately (so medians and p99 are per call), up to a count or a time budget.</summary>
internal static class Measure
{
    public static async Task<double[]> CallsAsync(int maxCalls, TimeSpan budget, Func<int, Task> call)
    {
        // A few untimed calls first, so the JIT and caches are warm; slow queries get a tenth of the budget for it.
        var warmUntil = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds / 10 * Stopwatch.Frequency);
        for (var i = 0; i < Math.Min(50, maxCalls) && (i < 2 || Stopwatch.GetTimestamp() < warmUntil); i++)
        {
            await call(i);
        }
        var times = new List<double>(maxCalls);
        var deadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; i < maxCalls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            var end = Stopwatch.GetTimestamp();
            times.Add(Stats.ElapsedNs(start, end));
            if (end > deadline)
            {
                break;
            }
        }
        return Stats.Sorted(times);
    }
}

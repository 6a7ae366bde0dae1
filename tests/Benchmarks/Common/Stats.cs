using System.Diagnostics;
using System.Globalization;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>Percentiles of measured durations (nearest rank) and human units.</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }

    public static double ElapsedNs(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1_000_000_000.0 / Stopwatch.Frequency;

    public static double ElapsedMs(long startTimestamp, long endTimestamp) =>
        (endTimestamp - startTimestamp) * 1000.0 / Stopwatch.Frequency;

    /// <summary>A duration given in nanoseconds, in the unit that reads best.</summary>
    public static string Time(double ns) => double.IsNaN(ns) ? "—" : ns switch
    {
        < 1_000 => ns.ToString("0", CultureInfo.InvariantCulture) + " ns",
        < 1_000_000 => (ns / 1_000).ToString("0.0#", CultureInfo.InvariantCulture) + " µs",
        < 1_000_000_000 => (ns / 1_000_000).ToString("0.0#", CultureInfo.InvariantCulture) + " ms",
        _ => (ns / 1_000_000_000).ToString("0.0#", CultureInfo.InvariantCulture) + " s",
    };

    public static string Ms(double ms) => Time(ms * 1_000_000);

    public static string Ratio(double value) => double.IsNaN(value) || double.IsInfinity(value)
        ? "—"
        : value.ToString(value < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + "×";
}

using System.Globalization;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>What Linux tells about the machine and about a process (memory, CPU time) through /proc.</summary>
internal static class ProcFiles
{
    // USER_HZ: the unit of utime/stime in /proc/<pid>/stat; 100 on every Linux we run on.
    private const double TicksPerSecond = 100.0;

    public static string CpuModel() =>
        Read("/proc/cpuinfo")?.Split('\n').FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";

    public static long MemTotalKb() => Field("/proc/meminfo", "MemTotal:");

    public static string LoadAverage() => Read("/proc/loadavg")?.Split(' ').Take(3).Aggregate((a, b) => a + " " + b) ?? "unknown";

    public static string OpenFileLimits()
    {
        var line = Read("/proc/self/limits")?.Split('\n').FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var parts = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts is { Length: >= 5 } ? $"{parts[3]} / {parts[4]}" : "unknown";
    }

    public static long OpenFileSoftLimit() =>
        long.TryParse(OpenFileLimits().Split(' ')[0], CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;

    /// <summary>Resident set size of a process in KiB (VmRSS).</summary>
    public static long RssKb(int pid) => Field($"/proc/{pid}/status", "VmRSS:");

    /// <summary>User plus system CPU time a process has used so far, in milliseconds.</summary>
    public static double CpuMs(int pid)
    {
        var stat = Read($"/proc/{pid}/stat");
        if (stat is null)
        {
            return double.NaN;
        }
        // The command name may hold spaces; fields are counted after its closing parenthesis.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / TicksPerSecond;
    }

    private static long Field(string path, string name)
    {
        var line = Read(path)?.Split('\n').FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? -1 : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Runtime.InteropServices;

namespace HelpdeskGamify.Benchmarks.Common;

/// <summary>What every benchmark shares: the size (full or quick), and where tables go.</summary>
internal sealed class Bench(bool quick, string? outPath, string? only = null, double? warmupSeconds = null)
{
    public bool Quick { get; } = quick;

    /// <summary>Runs only this part of a benchmark (e.g. <c>ingest --only real</c> while profiling).</summary>
    public string? Only { get; } = only;

    /// <summary>
    /// The load benchmarks' warm-up before the measured window (<c>--warmup S</c>): full size 10 s, so the node's JIT has
    /// tiered up the hot paths (with dynamic PGO this takes several seconds on two busy cores) and the window measures the
    /// code a long-running node runs; quick size 0.5 s.
    /// </summary>
    public double WarmupSeconds { get; } = warmupSeconds ?? (quick ? 0.5 : 10.0);

    /// <summary>Where generated databases are kept between runs (generated once, reused).</summary>
    public static string CacheFolder { get; } = Path.Combine(Path.GetTempPath(), "helpdeskgamify-bench");

    public void Print(Table table)
    {
        var text = table.Render();
        Console.WriteLine();
        Console.WriteLine(text);
        if (outPath is not null)
        {
            File.AppendAllText(outPath, text + Environment.NewLine);
        }
    }

    public void Note(string line)
    {
        Console.WriteLine(line);
        if (outPath is not null)
        {
            File.AppendAllText(outPath, line + Environment.NewLine + Environment.NewLine);
        }
    }

    public void PrintMachine()
    {
        var table = new Table("Machine", "what", "value");
        table.Add("cores (nproc)", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture));
        table.Add("CPU", ProcFiles.CpuModel());
        table.Add("memory", $"{ProcFiles.MemTotalKb() / 1024.0 / 1024.0:0.0} GiB");
        table.Add(".NET", RuntimeInformation.FrameworkDescription);
        table.Add("OS", RuntimeInformation.OSDescription);
        table.Add("open files (soft/hard)", ProcFiles.OpenFileLimits());
        table.Add("load average at start", ProcFiles.LoadAverage());
        table.Add("size", Quick ? "quick (proves it runs; figures mean nothing)" : "full");
        Print(table);
    }
}

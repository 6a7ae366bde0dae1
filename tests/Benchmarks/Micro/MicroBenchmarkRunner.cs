using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HelpdeskGamify.Benchmarks.Common;

namespace HelpdeskGamify.Benchmarks.Micro;

/// <summary>
/// Runs <see cref="IngestMicroBenchmarks"/> with BenchmarkDotNet, in process (no generated project to
/// build, so it stays quick on a busy machine): a short job for the full size, a dry job for --quick.
/// </summary>
internal static class MicroBenchmarkRunner
{
    public static Task<bool> RunAsync(Bench bench)
    {
        var job = (bench.Quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Bench.CacheFolder, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<IngestMicroBenchmarks>(config);

        var table = new Table("Micro-benchmarks (BenchmarkDotNet, " + (bench.Quick ? "dry job: numbers meaningless" : "short run job") + ")",
            "benchmark", "mean", "error (99.9%)", "allocated / op");
        var ok = summary.Reports.Length == summary.BenchmarksCases.Length;
        foreach (var report in summary.Reports)
        {
            var stats = report.ResultStatistics;
            ok &= report.Success && stats is not null;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            table.Add(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo,
                stats is null ? "failed" : Stats.Time(stats.Mean), stats is null ? "" : Stats.Time(stats.ConfidenceInterval.Margin),
                allocated is null ? "—" : $"{allocated} B");
        }
        bench.Print(table);
        return Task.FromResult(ok);
    }
}

using System.Diagnostics;

// Loaded into the AgentHub by the connections benchmark only (DOTNET_STARTUP_HOOKS), so the product
// carries no diagnostics endpoint. It answers two questions on stdout, in the AgentHub's own process:
// how many bytes are live after a full collection, and when each tenant-wide broadcast started and
// ended on the Stopwatch clock (CLOCK_MONOTONIC, the same in every process of the machine).
#pragma warning disable CA1050 // The runtime looks the hook up by this exact name, outside any namespace.
internal static class StartupHook
#pragma warning restore CA1050
{
    public const string GcCommand = "gc";
    public const string GcLine = "GCHEAP ";
    public const string BroadcastLine = "BROADCAST ";

    public static void Initialize()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "HelpdeskGamify",
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Name == "hub.broadcast" ? ActivitySamplingResult.AllData : ActivitySamplingResult.None,
            ActivityStarted = activity => activity.SetCustomProperty("bench.start", Stopwatch.GetTimestamp()),
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "hub.broadcast" && activity.GetCustomProperty("bench.start") is long start)
                {
                    Console.WriteLine($"{BroadcastLine}{start} {Stopwatch.GetTimestamp()} {activity.GetTagItem("helpdeskgamify.board")}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        GC.KeepAlive(listener);
        var reader = new Thread(() =>
        {
            while (Console.In.ReadLine() is { } line)
            {
                if (line == GcCommand)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    GC.WaitForPendingFinalizers();
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    var info = GC.GetGCMemoryInfo(GCKind.FullBlocking);
                    Console.WriteLine($"{GcLine}{GC.GetTotalMemory(false)} {info.HeapSizeBytes} {info.FragmentedBytes} {GC.GetTotalAllocatedBytes()}");
                }
            }
        })
        { IsBackground = true, Name = "bench-startup-hook" };
        reader.Start();
    }
}

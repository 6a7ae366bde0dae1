using System.Globalization;

namespace HelpdeskGamify.AgentHub.Tests.Reliability;

/// <summary>
/// Sizes of the long-running reliability tests. CI runs the quick sizes; <c>tests/reliability/*.sh</c>
/// set the environment variables for the full runs.
/// </summary>
public static class ReliabilitySettings
{
    /// <summary>Webhooks the crash test sends (full run: 20 000).</summary>
    public static int CrashEvents => Int("HELPDESKGAMIFY_CRASH_EVENTS", 2_000);

    /// <summary>SIGKILLs during sending (full run: 6), plus one after the last acknowledgement.</summary>
    public static int CrashKills => Int("HELPDESKGAMIFY_CRASH_KILLS", 2);

    /// <summary>Seed of the kill points; random unless given, and always printed so a failure can be replayed.</summary>
    public static int CrashSeed => Int("HELPDESKGAMIFY_CRASH_SEED", Random.Shared.Next());

    /// <summary>How long the soak runs at half capacity (full run: 600 s).</summary>
    public static TimeSpan SoakDuration => TimeSpan.FromSeconds(Int("HELPDESKGAMIFY_SOAK_SECONDS", 30));

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
}

using Xunit;

namespace HelpdeskGamify.TestSupport;

/// <summary>
/// Tests that need something the machine may lack (Chromium, redis-server, SQL Server) skip on a
/// developer's laptop, but fail in CI, where HELPDESKGAMIFY_REQUIRE_ALL=1 says everything must run.
/// Use with <c>[SkippableFact]</c>. One deliberate exception: the SQL Server store tests skip with
/// <c>Skip.If</c> when <c>HELPDESKGAMIFY_SQLSERVER</c> is unset, even in CI, because no CI machine has
/// SQL Server or a container engine (see <c>SqlServerStoreProvider</c> and the README).
/// </summary>
public static class Prerequisites
{
    /// <summary>Whether CI demands that nothing is skipped.</summary>
    public static bool RequireAll => Environment.GetEnvironmentVariable("HELPDESKGAMIFY_REQUIRE_ALL") == "1";

    /// <summary>Skips (or in CI fails) unless <paramref name="available"/>.</summary>
    public static void Require(bool available, string what)
    {
        if (available)
        {
            return;
        }
        if (RequireAll)
        {
            throw new InvalidOperationException($"Prerequisite missing in CI: {what}.");
        }
        Skip.If(true, $"Prerequisite missing: {what}.");
    }

    /// <summary>The first of these executables that exists, or null.</summary>
    public static string? FindExecutable(params string[] candidates) =>
        candidates.FirstOrDefault(File.Exists)
        ?? candidates.Select(Path.GetFileName)
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name!)))
            .FirstOrDefault(File.Exists);
}

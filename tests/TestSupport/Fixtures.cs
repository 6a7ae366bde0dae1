namespace HelpdeskGamify.TestSupport;

/// <summary>Reference payloads copied into <c>tests/Fixtures</c> (linked into each test project's output).</summary>
public static class Fixtures
{
    /// <summary>The fixtures folder in the test output.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>A fixture's bytes, e.g. <c>Read("zendesk/trigger-ticket-solved.json")</c>.</summary>
    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Folder, relativePath));

    /// <summary>A fixture's text.</summary>
    public static string Text(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    /// <summary>The key=value lines of a fixture such as the signature vector (comments skipped).</summary>
    public static IReadOnlyDictionary<string, string> KeyValues(string relativePath) =>
        Text(relativePath).Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.TrimEnd('\r'))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..]);
}

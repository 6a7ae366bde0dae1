namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>How the in-memory boards are kept (section <c>Leaderboards</c>).</summary>
public sealed class LeaderboardOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Leaderboards";

    /// <summary>
    /// How many members, summed over boards, are loaded in the background right after start, biggest
    /// boards of the current periods first (about 100 bytes each in memory); 0 leaves every board to
    /// load on its first read.
    /// </summary>
    public int WarmUpMembers { get; set; } = 2_000_000;
}

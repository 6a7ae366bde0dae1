namespace HelpdeskGamify.Connector.Leaderboards;

/// <summary>One member of a leaderboard as seen at the moment of a query.</summary>
/// <param name="Rank">0-based position, 0 being the best score.</param>
/// <param name="Key">The member key.</param>
/// <param name="Score">The member's score.</param>
public readonly record struct RankedEntry(int Rank, string Key, long Score);

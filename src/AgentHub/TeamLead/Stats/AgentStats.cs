namespace HelpdeskGamify.AgentHub.TeamLead.Stats;

/// <summary>One agent's numbers for a date range.</summary>
public sealed record AgentStats(
    string AgentId,
    string DisplayName,
    string? Team,
    int Solved,
    double? FirstReplyMedianMinutes,
    double? ResolutionMedianMinutes,
    double? CsatPercent,
    int Ratings,
    double? FirstContactResolutionPercent,
    long Points,
    IReadOnlyDictionary<string, long> PointsByCategory,
    IReadOnlyList<EarnedBadge> Badges)
{
    /// <summary>How many badges (tiers counted apart) the agent earned in the range; the column sorts on it.</summary>
    public int BadgeCount => Badges.Count;
}

/// <summary>A badge (or one tier of it) an agent earned in the range.</summary>
public sealed record EarnedBadge(string Id, string Name, string? Tier, DateTimeOffset EarnedAt)
{
    /// <summary>"Name (tier)", or the name of an untiered badge.</summary>
    public string Label => string.IsNullOrEmpty(Tier) ? Name : $"{Name} ({Tier})";
}

/// <summary>One day of an agent's trend.</summary>
public sealed record AgentDay(string Date, int Solved, long Points, double? CsatPercent, double? ResolutionMedianMinutes);

/// <summary>The stats answer: the range, the categories seen, and one row per agent.</summary>
public sealed record AgentStatsPage(DateOnly From, DateOnly To, IReadOnlyList<string> Categories, IReadOnlyList<AgentStats> Agents);

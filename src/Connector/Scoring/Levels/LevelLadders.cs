namespace HelpdeskGamify.Connector.Scoring.Levels;

/// <summary>The level ladders: agents climb an Arcade-like ladder, customers move through tiers with perks.</summary>
public sealed record LevelLadders
{
    /// <summary>Agent levels by lifetime earned points, ascending (the first has threshold 0).</summary>
    public IReadOnlyList<LevelDefinition> Agent { get; init; } = [];

    /// <summary>Customer tiers, ascending.</summary>
    public IReadOnlyList<LevelDefinition> Customer { get; init; } = [];

    /// <summary>When set, a customer's tier is measured on points earned in this many recent days, so it can go down.</summary>
    public int? CustomerWindowDays { get; init; }
}

/// <summary>One level or tier.</summary>
public sealed record LevelDefinition
{
    /// <summary>Shown name.</summary>
    public required string Name { get; init; }

    /// <summary>Points needed.</summary>
    public required long Threshold { get; init; }

    /// <summary>What the tier gives (customers).</summary>
    public IReadOnlyList<string> Perks { get; init; } = [];
}

/// <summary>Where a person stands on a ladder.</summary>
/// <param name="Index">0-based level index.</param>
/// <param name="Name">Level name.</param>
/// <param name="Points">The measured points.</param>
/// <param name="Threshold">This level's threshold.</param>
/// <param name="NextName">The next level's name, or null at the top.</param>
/// <param name="NextThreshold">The next level's threshold, or null at the top.</param>
public sealed record LevelStanding(int Index, string Name, long Points, long Threshold, string? NextName, long? NextThreshold)
{
    /// <summary>The standing of <paramref name="points"/> on <paramref name="ladder"/>.</summary>
    public static LevelStanding On(IReadOnlyList<LevelDefinition> ladder, long points)
    {
        if (ladder.Count == 0)
        {
            return new LevelStanding(0, "", points, 0, null, null);
        }
        var index = 0;
        for (var i = 0; i < ladder.Count; i++)
        {
            if (points >= ladder[i].Threshold)
            {
                index = i;
            }
        }
        var next = index + 1 < ladder.Count ? ladder[index + 1] : null;
        return new LevelStanding(index, ladder[index].Name, points, ladder[index].Threshold, next?.Name, next?.Threshold);
    }
}

using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Scoring.Badges;

/// <summary>What a badge measures.</summary>
public enum BadgeKind
{
    /// <summary>The first time a rule awards points (one tier, target 1).</summary>
    First,
    /// <summary>How many times a rule has awarded points, ever.</summary>
    Count,
    /// <summary>The most awards of a rule inside any window of <see cref="BadgeDefinition.WindowDays"/> days.</summary>
    Window,
    /// <summary>The longest run of consecutive UTC days with at least one award of a rule.</summary>
    Streak,
    /// <summary>Settled points, overall or in one category.</summary>
    Threshold,
}

/// <summary>A badge, possibly tiered (bronze, silver, gold), for agents or customers.</summary>
public sealed record BadgeDefinition
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Shown name.</summary>
    public required string Name { get; init; }

    /// <summary>Shown description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Agents or customers (not both).</summary>
    public RuleTarget For { get; init; } = RuleTarget.Agent;

    /// <summary>What is measured.</summary>
    public BadgeKind Kind { get; init; } = BadgeKind.Count;

    /// <summary>The rule whose awards are counted (First, Count, Window, Streak).</summary>
    public string? Rule { get; init; }

    /// <summary>For Threshold: the category summed (null: all categories).</summary>
    public string? Category { get; init; }

    /// <summary>For Window: the window length in days.</summary>
    public int WindowDays { get; init; } = 1;

    /// <summary>The tiers, ascending by target; a single tier may have an empty name.</summary>
    public IReadOnlyList<BadgeTier> Tiers { get; init; } = [new BadgeTier("", 1)];
}

/// <summary>One tier of a badge.</summary>
/// <param name="Tier">bronze, silver, gold, or empty for an untiered badge.</param>
/// <param name="Target">The measure needed.</param>
public sealed record BadgeTier(string Tier, long Target);

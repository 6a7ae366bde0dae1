using HelpdeskGamify.Connector.Scoring.Badges;
using HelpdeskGamify.Connector.Scoring.Levels;
using HelpdeskGamify.Connector.Scoring.Quests;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>
/// A tenant's versioned game: scoring rules plus the policies, badges, levels and quests built on
/// them. Stored as one JSON document so a tenant replaces it atomically and a back-test can try a
/// whole candidate at once.
/// </summary>
public sealed record RuleSet
{
    /// <summary>Increases with every accepted replacement.</summary>
    public int Version { get; init; } = 1;

    /// <summary>How long solve points stay pending, waiting for a rating or a reopen.</summary>
    public PendingPolicy Pending { get; init; } = new();

    /// <summary>Anti-gaming limits.</summary>
    public GamingLimits Limits { get; init; } = new();

    /// <summary>The scoring rules, evaluated in order.</summary>
    public IReadOnlyList<Rule> Rules { get; init; } = [];

    /// <summary>The badges people can earn.</summary>
    public IReadOnlyList<BadgeDefinition> Badges { get; init; } = [];

    /// <summary>The level ladders of agents and customers.</summary>
    public LevelLadders Levels { get; init; } = new();

    /// <summary>The quests on offer.</summary>
    public IReadOnlyList<QuestDefinition> Quests { get; init; } = [];

    /// <summary>Agent-to-agent recognition.</summary>
    public KudosPolicy Kudos { get; init; } = new();

    /// <summary>Customer wallet policy.</summary>
    public CustomerPolicy Customers { get; init; } = new();
}

/// <summary>Solve points wait this long for a rating; a reopen inside the window takes them back.</summary>
public sealed record PendingPolicy
{
    /// <summary>The quiet window in hours (0: solve points settle at once and are never clawed back).</summary>
    public int WindowHours { get; init; } = 72;
}

/// <summary>Limits that keep the game fair.</summary>
public sealed record GamingLimits
{
    /// <summary>At most this many positive points per person per ticket (0: no cap).</summary>
    public int MaxPointsPerTicket { get; init; } = 60;

    /// <summary>This many tickets from one requester within <see cref="SplitWindowMinutes"/> are flagged as possible splitting.</summary>
    public int SplitTicketThreshold { get; init; } = 4;

    /// <summary>The window of the splitting check.</summary>
    public int SplitWindowMinutes { get; init; } = 30;
}

/// <summary>Kudos: a weekly budget of recognition each agent can give.</summary>
public sealed record KudosPolicy
{
    /// <summary>Kudos an agent can give per ISO week.</summary>
    public int WeeklyBudget { get; init; } = 5;

    /// <summary>Points the receiver gets per kudos.</summary>
    public int Points { get; init; } = 3;
}

/// <summary>How customer points behave.</summary>
public sealed record CustomerPolicy
{
    /// <summary>A customer's balance expires after this many days without activity (0: never).</summary>
    public int ExpiryDays { get; init; } = 365;
}

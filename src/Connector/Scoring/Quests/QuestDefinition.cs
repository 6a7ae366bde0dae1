using HelpdeskGamify.Connector.Scoring.Rules;

namespace HelpdeskGamify.Connector.Scoring.Quests;

/// <summary>How often a quest starts over; recurring quests rotate with the period so the game stays fresh.</summary>
public enum QuestRecurrence
{
    /// <summary>Runs once between <see cref="QuestDefinition.StartsAt"/> and <see cref="QuestDefinition.EndsAt"/>.</summary>
    Once,
    /// <summary>Every UTC day.</summary>
    Day,
    /// <summary>Every ISO week.</summary>
    Week,
    /// <summary>Every calendar month.</summary>
    Month,
    /// <summary>Every season (calendar quarter).</summary>
    Season,
}

/// <summary>A time-boxed, possibly multi-step challenge with a reward.</summary>
public sealed record QuestDefinition
{
    /// <summary>Stable id.</summary>
    public required string Id { get; init; }

    /// <summary>Shown name.</summary>
    public required string Name { get; init; }

    /// <summary>Shown description.</summary>
    public string Description { get; init; } = "";

    /// <summary>Agents or customers.</summary>
    public RuleTarget For { get; init; } = RuleTarget.Agent;

    /// <summary>When it starts over.</summary>
    public QuestRecurrence Recurrence { get; init; } = QuestRecurrence.Week;

    /// <summary>Start of a one-off quest.</summary>
    public DateTimeOffset? StartsAt { get; init; }

    /// <summary>End of a one-off quest.</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>The steps; all must be done.</summary>
    public IReadOnlyList<QuestStep> Steps { get; init; } = [];

    /// <summary>Points for completing it (category engagement); a team quest gives them to every member.</summary>
    public int RewardPoints { get; init; }

    /// <summary>A team quest (agents only): progress is the sum over the agent's team (group).</summary>
    public bool Team { get; init; }
}

/// <summary>What a quest step measures.</summary>
public enum QuestMeasure
{
    /// <summary>Awards of <see cref="QuestStep.Rule"/>.</summary>
    Count,
    /// <summary>Settled points in <see cref="QuestStep.Category"/> (or all).</summary>
    Points,
}

/// <summary>One step of a quest.</summary>
public sealed record QuestStep
{
    /// <summary>The counted rule (Count).</summary>
    public string? Rule { get; init; }

    /// <summary>The summed category (Points; null = all).</summary>
    public string? Category { get; init; }

    /// <summary>Count or points.</summary>
    public QuestMeasure Measure { get; init; } = QuestMeasure.Count;

    /// <summary>The target (the minimum target when <see cref="PersonalBest"/>).</summary>
    public long Target { get; init; } = 1;

    /// <summary>Beat your own baseline: the target becomes one more than the person's average over the four previous periods.</summary>
    public bool PersonalBest { get; init; }
}

using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>Who a rule gives points to.</summary>
public enum RuleTarget
{
    /// <summary>The agent the event is about (assignee, replier).</summary>
    Agent,
    /// <summary>The customer the event is about (requester, chat user).</summary>
    Customer,
    /// <summary>Both: the same points to the agent and to the customer.</summary>
    Both,
}

/// <summary>
/// One scoring rule: when an event of kind <see cref="On"/> matches <see cref="When"/>, give
/// <see cref="Points"/> (times the matching multipliers) to <see cref="Award"/> in <see cref="Category"/>,
/// explained by <see cref="Reason"/>.
/// </summary>
public sealed record Rule
{
    /// <summary>A stable id; the ledger records it, so renaming a rule does not re-award anyone.</summary>
    public required string Id { get; init; }

    /// <summary>The event kind that triggers the rule.</summary>
    public required HelpdeskEventKind On { get; init; }

    /// <summary>Who receives the points.</summary>
    public RuleTarget Award { get; init; } = RuleTarget.Agent;

    /// <summary>Base points (negative for a penalty).</summary>
    public required int Points { get; init; }

    /// <summary>quality, speed, productivity or engagement.</summary>
    public required string Category { get; init; }

    /// <summary>The explanation shown in the ledger; <c>{ticket}</c> is replaced by the ticket id.</summary>
    public required string Reason { get; init; }

    /// <summary>Conditions on the event; all must hold.</summary>
    public RuleConditions When { get; init; } = new();

    /// <summary>Difficulty multipliers by priority (low, normal, high, urgent).</summary>
    public IReadOnlyDictionary<string, double> PriorityMultipliers { get; init; } = new Dictionary<string, double>();

    /// <summary>Multipliers by channel (email, chat, phone …); they multiply with the priority one.</summary>
    public IReadOnlyDictionary<string, double> ChannelMultipliers { get; init; } = new Dictionary<string, double>();

    /// <summary>At most this many points from this rule per person per UTC day (null: no cap).</summary>
    public int? DailyCap { get; init; }
}

/// <summary>Conditions on event attributes; an empty condition matches everything.</summary>
public sealed record RuleConditions
{
    /// <summary>The event's channel must be one of these.</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>The event's priority must be one of these.</summary>
    public IReadOnlyList<string>? Priorities { get; init; }

    /// <summary>The event's group (team) must be one of these.</summary>
    public IReadOnlyList<string>? Groups { get; init; }

    /// <summary>The event must carry at least one of these tags.</summary>
    public IReadOnlyList<string>? AnyTag { get; init; }

    /// <summary>The event must carry none of these tags.</summary>
    public IReadOnlyList<string>? NoTag { get; init; }

    /// <summary>The rating must be this one.</summary>
    public SatisfactionRating? Rating { get; init; }

    /// <summary>The ticket must have been solved within this many seconds of creation.</summary>
    public long? MaxResolutionSeconds { get; init; }

    /// <summary>The ticket must have taken at least this many seconds to solve (e.g. to tell hard tickets).</summary>
    public long? MinResolutionSeconds { get; init; }

    /// <summary>The first reply must have come within this many seconds.</summary>
    public long? MaxFirstReplySeconds { get; init; }

    /// <summary>For custom events: the event type must be one of these.</summary>
    public IReadOnlyList<string>? EventTypes { get; init; }

    /// <summary>For custom events: every one of these attribute conditions must hold.</summary>
    public IReadOnlyList<AttributeCondition>? Attributes { get; init; }
}

using HelpdeskGamify.Connector.Events;

namespace HelpdeskGamify.Connector.Scoring.Rules;

/// <summary>The rules every tenant starts with: solving well and fast, happy customers, customers who give feedback.</summary>
public static class DefaultRules
{
    private static readonly Dictionary<string, double> Difficulty = new(StringComparer.Ordinal)
    {
        ["urgent"] = 2.0,
        ["high"] = 1.5,
    };

    /// <summary>The default rule set.</summary>
    public static RuleSet Set { get; } = new(1,
    [
        new Rule
        {
            Id = "agent.ticket-solved",
            On = HelpdeskEventKind.TicketSolved,
            Award = RuleTarget.Agent,
            Points = 10,
            Category = "productivity",
            Reason = "Solved ticket #{ticket}",
            PriorityMultipliers = Difficulty,
        },
        new Rule
        {
            Id = "agent.fast-resolution",
            On = HelpdeskEventKind.TicketSolved,
            Award = RuleTarget.Agent,
            Points = 5,
            Category = "speed",
            Reason = "Solved ticket #{ticket} within four hours",
            When = new RuleConditions { MaxResolutionSeconds = 4 * 3600 },
        },
        new Rule
        {
            Id = "agent.good-rating",
            On = HelpdeskEventKind.SatisfactionRated,
            Award = RuleTarget.Agent,
            Points = 15,
            Category = "quality",
            Reason = "Good rating on ticket #{ticket}",
            When = new RuleConditions { Rating = SatisfactionRating.Good },
        },
        new Rule
        {
            Id = "customer.rated-support",
            On = HelpdeskEventKind.SatisfactionRated,
            Award = RuleTarget.Customer,
            Points = 5,
            Category = "engagement",
            Reason = "Rating your chat",
        },
        .. CustomEventRules.Defaults,
    ]);
}
